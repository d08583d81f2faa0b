/**
 * REST routes for 42 CFR Part 2 consent (`/api/v1/…`): consents of a patient, revocation, suspected-false
 * and expiry-event marks, printable forms, the accounting of disclosures, restriction requests and §2.51
 * emergency access with its review list.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listConsents } from '../../app/consent/list-consents.ts';
import { listEmergencyAccesses } from '../../app/consent/list-emergency-accesses.ts';
import { listRestrictions } from '../../app/consent/list-restrictions.ts';
import { markConsent } from '../../app/consent/mark-consent.ts';
import { openEmergencyAccess } from '../../app/consent/open-emergency-access.ts';
import { printConsentForm } from '../../app/consent/print-consent-form.ts';
import { recordConsent } from '../../app/consent/record-consent.ts';
import { recordRestriction } from '../../app/consent/record-restriction.ts';
import { reportDisclosures } from '../../app/consent/report-disclosures.ts';
import { reviewEmergencyAccess } from '../../app/consent/review-emergency-access.ts';
import { fulfilListRequest } from '../../app/consent/fulfil-list-request.ts';
import { listListRequests } from '../../app/consent/list-list-requests.ts';
import { listPatientListRequests } from '../../app/consent/list-patient-list-requests.ts';
import { recordListRequest } from '../../app/consent/record-list-request.ts';
import { terminateRestriction } from '../../app/consent/terminate-restriction.ts';
import { revokeConsent } from '../../app/consent/revoke-consent.ts';
import {
  disclosureReportQuery,
  emergencyAccessInput,
  expiryEventInput,
  listRequestInput,
  recordConsentInput,
  restrictionInput,
  revokeConsentInput,
  suspectConsentInput,
  terminateRestrictionInput,
} from '../../app/consent/schemas.ts';
import type { Deps } from '../../app/context.ts';
import { CONSENT_LANGUAGES, CONSENT_TYPES } from '../../domain/consent/vocabulary.ts';
import { sendDownload } from '../attachment.ts';
import { actorOf } from '../auth.ts';
import { idParams } from './patient-routes.ts';

const tags = ['consent'];
/** Review lists: the open items (default) or all of them. */
const statusQuery = z.strictObject({ status: z.enum(['open', 'all']).default('open') });
const languageQuery = z.strictObject({ language: z.enum(CONSENT_LANGUAGES).default('en') });

export function consentRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/patients/:id/consents',
      {
        schema: {
          tags,
          summary: 'Record a signed consent (422 lists every missing §2.31(a) element; nothing is stored)',
          params: idParams,
          body: recordConsentInput,
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordConsent(deps, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/patients/:id/consents',
      { schema: { tags, summary: "A patient's consents (holding organization only)", params: idParams } },
      (request) => listConsents(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/consents/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke a consent in writing, as a whole or for some recipients; effective immediately',
          params: idParams,
          body: revokeConsentInput,
        },
      },
      (request) => revokeConsent(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/consents/:id/suspect',
      {
        schema: {
          tags,
          summary: 'Suspend a consent suspected to be materially false (§2.31(c))',
          params: idParams,
          body: suspectConsentInput,
        },
      },
      (request) =>
        markConsent(deps, actorOf(request), request.params.id, {
          kind: 'suspected_false',
          reason: request.body.reason,
        }),
    );

    app.post(
      '/consents/:id/expiry-event',
      {
        schema: {
          tags,
          summary: "Record that a consent's expiry event happened",
          params: idParams,
          body: expiryEventInput,
        },
      },
      (request) =>
        markConsent(deps, actorOf(request), request.params.id, {
          kind: 'expiry_event',
          occurredOn: request.body.occurredOn,
        }),
    );

    app.get(
      '/consents/:id/form.pdf',
      {
        schema: {
          tags,
          summary: 'The recorded consent as a printable PDF (English or Spanish)',
          params: idParams,
          querystring: languageQuery,
        },
      },
      async (request, reply) => {
        const file = await printConsentForm(
          deps,
          actorOf(request),
          { consentId: request.params.id },
          request.query.language,
        );
        return sendDownload(reply, 'application/pdf', file);
      },
    );

    app.get(
      '/patients/:id/consent-form.pdf',
      {
        schema: {
          tags,
          summary: 'A blank paper consent form for the patient, to sign and scan in',
          params: idParams,
          querystring: languageQuery.extend({ type: z.enum(CONSENT_TYPES).default('tpo') }),
        },
      },
      async (request, reply) => {
        const file = await printConsentForm(
          deps,
          actorOf(request),
          { patientId: request.params.id, type: request.query.type },
          request.query.language,
        );
        return sendDownload(reply, 'application/pdf', file);
      },
    );

    app.get(
      '/patients/:id/disclosures',
      {
        schema: {
          tags,
          summary: 'Accounting of disclosures (§2.25) or the intermediary list (§2.24) as JSON, CSV or PDF',
          params: idParams,
          querystring: disclosureReportQuery.extend({ language: z.enum(CONSENT_LANGUAGES).default('en') }),
        },
      },
      async (request, reply) => {
        const { language, ...query } = request.query;
        const file = await reportDisclosures(deps, actorOf(request), request.params.id, query, language);
        if (file.format === 'json') return reply.header('Cache-Control', 'no-store').send(file.report);
        return sendDownload(
          reply,
          file.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf',
          file,
        );
      },
    );

    app.post(
      '/patients/:id/restrictions',
      {
        schema: {
          tags,
          summary: 'Record a request to restrict TPO disclosures and its decision (§2.26)',
          params: idParams,
          body: restrictionInput,
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordRestriction(deps, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/patients/:id/restrictions',
      {
        schema: {
          tags,
          summary: "A patient's restriction requests (holding organization only)",
          params: idParams,
        },
      },
      (request) => listRestrictions(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/restrictions/:id/terminate',
      {
        schema: {
          tags,
          summary:
            "End an agreed restriction at the patient's written request or documented oral agreement (§2.26(b))",
          params: idParams,
          body: terminateRestrictionInput,
        },
      },
      (request) => terminateRestriction(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/patients/:id/disclosure-list-requests',
      {
        schema: {
          tags,
          summary: "Log a patient's written request for the §2.24 list of disclosures (due in 30 days)",
          params: idParams,
          body: listRequestInput,
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordListRequest(deps, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/patients/:id/disclosure-list-requests',
      {
        schema: {
          tags,
          summary: "A patient's §2.24 list requests (holding organization only)",
          params: idParams,
        },
      },
      (request) => listPatientListRequests(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/disclosure-list-requests',
      {
        schema: {
          tags,
          summary: '§2.24 list requests of the organization, earliest due first (worklist)',
          querystring: statusQuery,
        },
      },
      (request) => listListRequests(deps, actorOf(request), request.query.status === 'open'),
    );

    app.post(
      '/disclosure-list-requests/:id/fulfil',
      { schema: { tags, summary: 'Mark a §2.24 list request as fulfilled', params: idParams } },
      (request) => fulfilListRequest(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/patients/:id/emergency-access',
      {
        schema: {
          tags,
          summary: '§2.51 medical emergency access (clinicians): documented, time-limited, reviewed',
          params: idParams,
          body: emergencyAccessInput,
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await openEmergencyAccess(deps, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/emergency-accesses',
      {
        schema: {
          tags,
          summary: "Emergency accesses to the organization's patients (review list)",
          querystring: statusQuery,
        },
      },
      (request) => listEmergencyAccesses(deps, actorOf(request), request.query.status === 'open'),
    );

    app.post(
      '/emergency-accesses/:id/review',
      {
        schema: {
          tags,
          summary: 'Mark an emergency access as reviewed',
          params: idParams,
          body: z.strictObject({ note: z.string().trim().min(1).max(2000) }),
        },
      },
      (request) => reviewEmergencyAccess(deps, actorOf(request), request.params.id, request.body.note),
    );
  };
}
