/** REST routes for transitions (`/api/v1/transitions…`): create, read, change, the hospital worklist. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/context.ts';
import { createTransition } from '../../app/transitions/create-transition.ts';
import { getTransition } from '../../app/transitions/get-transition.ts';
import { listTransitions } from '../../app/transitions/list-transitions.ts';
import {
  createReferralInput,
  createTransitionInput,
  transitionWorklistQuery,
  packetPdfQuery,
  updateTransitionInput,
} from '../../app/transitions/schemas.ts';
import { printHandoffLetter } from '../../app/transitions/print-handoff-letter.ts';
import { sendDownload } from '../attachment.ts';
import { sendReferral } from '../../app/transitions/send-referral.ts';
import { updateTransition } from '../../app/transitions/update-transition.ts';
import { actorOf } from '../auth.ts';
import { idempotencyOf, REPLAYED_HEADER } from '../idempotency-key.ts';
import { expectedVersion, sendVersioned } from '../if-match.ts';
import { idParams } from './patient-routes.ts';

const tags = ['transitions'];

export function transitionRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/transitions',
      {
        schema: {
          tags,
          summary:
            "Start a transition for one of the organization's patients (optional Idempotency-Key: a retry answers the first)",
          body: createTransitionInput,
        },
      },
      async (request, reply) => {
        const { view, replayed } = await createTransition(
          deps,
          actorOf(request),
          request.body,
          idempotencyOf(request, 'POST /transitions'),
        );
        if (replayed) reply.header(REPLAYED_HEADER, 'true');
        return sendVersioned(reply, view, 201);
      },
    );

    app.get(
      '/transitions',
      {
        schema: {
          tags,
          summary: "The hospital's worklist: transitions by status and coverage-gap state, sorted and paged",
          querystring: transitionWorklistQuery,
        },
      },
      async (request, reply) =>
        reply
          .header('Cache-Control', 'no-store')
          .send(await listTransitions(deps, actorOf(request), request.query)),
    );

    app.get(
      '/transitions/:id',
      {
        schema: {
          tags,
          summary: 'A transition with its MOUD plan, coverage-gap clock and referrals',
          params: idParams,
        },
      },
      async (request, reply) => {
        const view = await getTransition(deps, actorOf(request), request.params.id);
        return sendVersioned(reply, view);
      },
    );

    app.patch(
      '/transitions/:id',
      {
        schema: {
          tags,
          summary: 'Change a transition (If-Match required): discharge, plan, care team, close or reopen',
          params: idParams,
          body: updateTransitionInput,
        },
      },
      async (request, reply) => {
        const view = await updateTransition(
          deps,
          actorOf(request),
          request.params.id,
          expectedVersion(request.headers['if-match']),
          request.body,
        );
        return sendVersioned(reply, view);
      },
    );

    app.post(
      '/transitions/:id/referrals',
      {
        schema: {
          tags,
          summary:
            'Refer the patient to a partner service (consent naming the partner required; optional Idempotency-Key)',
          params: idParams,
          body: createReferralInput,
        },
      },
      async (request, reply) => {
        const { view, replayed } = await sendReferral(
          deps,
          actorOf(request),
          request.params.id,
          request.body,
          idempotencyOf(request, 'POST /transitions/:id/referrals'),
        );
        if (replayed) reply.header(REPLAYED_HEADER, 'true');
        return sendVersioned(reply, view, 201);
      },
    );

    app.get(
      '/transitions/:id/packet.pdf',
      {
        schema: {
          tags,
          summary:
            'Printable handoff letter: for the patient (where, when, what to bring, overdose basics) or for a partner without a system (en/es)',
          params: idParams,
          querystring: packetPdfQuery,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          'application/pdf',
          await printHandoffLetter(deps, actorOf(request), request.params.id, request.query),
        ),
    );
  };
}
