/** REST routes of the partnership workspace (`/api/v1/partnerships…`). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { createPartnership } from '../../app/partnerships/create-partnership.ts';
import { getPartnership } from '../../app/partnerships/get-partnership.ts';
import { listPartnerships } from '../../app/partnerships/list-partnerships.ts';
import { updatePartnership } from '../../app/partnerships/update-partnership.ts';
import {
  actionItemUpdate,
  agreementInput,
  assessmentInput,
  createPartnershipInput,
  deliveryInput,
  goalInput,
  liaisonInput,
  meetingInput,
  updatePartnershipInput,
} from '../../app/partnerships/schemas.ts';
import { summarizePartnerships } from '../../app/partnerships/summarize-partnerships.ts';
import { addAgreement } from '../../app/partnerships/add-agreement.ts';
import { addGoal } from '../../app/partnerships/add-goal.ts';
import { addMeeting } from '../../app/partnerships/add-meeting.ts';
import { getAgreementDocument } from '../../app/partnerships/get-agreement-document.ts';
import { recordDelivery } from '../../app/partnerships/record-delivery.ts';
import { removeLiaison } from '../../app/partnerships/remove-liaison.ts';
import { setActionItemDone } from '../../app/partnerships/set-action-item-done.ts';
import { setLiaison } from '../../app/partnerships/set-liaison.ts';
import { submitAssessment } from '../../app/partnerships/submit-assessment.ts';
import { attachment } from '../attachment.ts';
import { actorOf } from '../auth.ts';
import { etagOf, expectedVersion } from '../if-match.ts';

const tags = ['partnerships'];

const id = z.string().min(1).max(100);
const params = z.strictObject({ id });

export function partnershipRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/partnerships',
      { schema: { tags, summary: 'Partnerships of the active organization' } },
      (request) => listPartnerships(deps, actorOf(request)),
    );

    app.get(
      '/partnerships/summary',
      { schema: { tags, summary: "The network's partnerships in aggregate (network convener)" } },
      (request) => summarizePartnerships(deps, actorOf(request)),
    );

    app.post(
      '/partnerships',
      {
        schema: {
          tags,
          summary: 'Start a partnership with an organization of the other kind',
          body: createPartnershipInput,
        },
      },
      async (request, reply) => {
        const view = await createPartnership(deps, actorOf(request), request.body);
        return reply.code(201).header('ETag', etagOf(view.version)).send(view);
      },
    );

    app.get(
      '/partnerships/:id',
      { schema: { tags, summary: 'The whole partnership workspace (parties only)', params } },
      async (request, reply) => {
        const view = await getPartnership(deps, actorOf(request), request.params.id);
        return reply.header('ETag', etagOf(view.version)).send(view);
      },
    );

    app.patch(
      '/partnerships/:id',
      {
        schema: {
          tags,
          summary: 'Change status, start date or notes (If-Match optional)',
          params,
          body: updatePartnershipInput,
        },
      },
      async (request, reply) => {
        const view = await updatePartnership(deps, actorOf(request), {
          id: request.params.id,
          input: request.body,
          expectedVersion: expectedVersion(request.headers['if-match']),
        });
        return reply.header('ETag', etagOf(view.version)).send(view);
      },
    );

    const add = <S extends z.ZodType>(
      path: string,
      summary: string,
      body: S,
      handler: (actor: ReturnType<typeof actorOf>, id: string, input: z.output<S>) => Promise<unknown>,
    ) =>
      app.post(
        `/partnerships/:id/${path}`,
        { schema: { tags, summary, params, body } },
        async (request, reply) =>
          reply
            .code(201)
            .send(await handler(actorOf(request), request.params.id, request.body as z.output<S>)),
      );

    add(
      'agreements',
      'Add an agreement (optionally with its signed document, base64)',
      agreementInput,
      (a, pid, input) => addAgreement(deps, a, pid, input),
    );
    add('liaisons', 'Name a liaison or backup for one side', liaisonInput, (a, pid, input) =>
      setLiaison(deps, a, pid, input),
    );
    add('deliveries', 'Record what one side delivered to the other', deliveryInput, (a, pid, input) =>
      recordDelivery(deps, a, pid, input),
    );
    add(
      'meetings',
      'Record a meeting with attendees, notes and action items',
      meetingInput,
      (a, pid, input) => addMeeting(deps, a, pid, input),
    );
    add('goals', 'Add a shared goal', goalInput, (a, pid, input) => addGoal(deps, a, pid, input));
    add(
      'assessments',
      "Answer this quarter's self-assessment for the active organization",
      assessmentInput,
      (a, pid, input) => submitAssessment(deps, a, pid, input),
    );

    app.get(
      '/partnerships/:id/agreements/:agreementId/document',
      {
        schema: {
          tags,
          summary: "An agreement's signed document",
          params: z.strictObject({ id, agreementId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const doc = await getAgreementDocument(
          deps,
          actorOf(request),
          request.params.id,
          request.params.agreementId,
        );
        return reply
          .type(doc.contentType)
          .header('Content-Disposition', attachment(doc.name))
          .header('Cache-Control', 'no-store')
          .send(doc.data);
      },
    );

    app.delete(
      '/partnerships/:id/liaisons/:liaisonId',
      { schema: { tags, summary: 'Remove a liaison', params: z.strictObject({ id, liaisonId: z.uuid() }) } },
      (request) => removeLiaison(deps, actorOf(request), request.params.id, request.params.liaisonId),
    );

    app.put(
      '/partnerships/:id/action-items/:itemId',
      {
        schema: {
          tags,
          summary: 'Mark an action item done or open',
          params: z.strictObject({ id, itemId: z.uuid() }),
          body: actionItemUpdate,
        },
      },
      (request) =>
        setActionItemDone(
          deps,
          actorOf(request),
          request.params.id,
          request.params.itemId,
          request.body.done,
        ),
    );
  };
}
