/** REST routes for patients (`/api/v1/patients…`): registration, search and reads through the decision point. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { channelOf } from '../../app/consent/record-disclosure.ts';
import { getPatient } from '../../app/patients/get-patient.ts';
import { registerPatient } from '../../app/patients/register-patient.ts';
import { purposeQuery, registerPatientInput, searchPatientsQuery } from '../../app/patients/schemas.ts';
import { searchPatients } from '../../app/patients/search-patients.ts';
import { actorOf } from '../auth.ts';
import { etagOf, sendVersioned } from '../if-match.ts';

const tags = ['patients'];
export const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export function patientRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/patients',
      {
        schema: {
          tags,
          summary:
            'Register a patient in the active organization (409 possible-duplicate lists same-organization matches)',
          body: registerPatientInput,
        },
      },
      async (request, reply) => {
        const view = await registerPatient(deps, actorOf(request), request.body);
        return reply.code(201).header('ETag', etagOf(view.version)).send(view);
      },
    );

    app.get(
      '/patients',
      {
        schema: {
          tags,
          summary:
            "Search the organization's patients and those shared with it (name words, MRN, date of birth)",
          querystring: searchPatientsQuery,
        },
      },
      (request) => {
        const actor = actorOf(request);
        return searchPatients(deps, actor, request.query, channelOf(actor));
      },
    );

    app.get(
      '/patients/:id',
      {
        schema: {
          tags,
          summary:
            'A patient, if the active organization holds the record or a consent or emergency access permits it',
          params: idParams,
          querystring: purposeQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const view = await getPatient(
          deps,
          actor,
          request.params.id,
          request.query.purpose,
          channelOf(actor),
        );
        return sendVersioned(reply, view);
      },
    );
  };
}
