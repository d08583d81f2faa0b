/** REST routes for referrals (`/api/v1/referrals…`): the inbox/outbox, one referral, its status and thread. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { channelOf } from '../../app/consent/record-disclosure.ts';
import { getAttachment } from '../../app/transitions/get-attachment.ts';
import { getReferral } from '../../app/transitions/get-referral.ts';
import { listMessages } from '../../app/transitions/list-messages.ts';
import { listReferrals } from '../../app/transitions/list-referrals.ts';
import { markMessagesRead } from '../../app/transitions/mark-messages-read.ts';
import { moveReferral } from '../../app/transitions/move-referral.ts';
import { postMessage } from '../../app/transitions/post-message.ts';
import {
  markReadInput,
  postMessageInput,
  referralInboxQuery,
  referralStatusInput,
} from '../../app/transitions/schemas.ts';
import { sendDownload } from '../attachment.ts';
import { actorOf } from '../auth.ts';
import { expectedVersion, sendVersioned } from '../if-match.ts';
import { idParams } from './patient-routes.ts';

const tags = ['referrals'];
const messageParams = z.strictObject({
  id: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100),
});
/** Base64 of a 5 MB attachment plus the JSON around it. */
const MESSAGE_BODY_LIMIT = 7.5 * 1024 * 1024;

export function referralRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/referrals',
      {
        schema: {
          tags,
          summary:
            "The partner's inbox (referrals to the organization) or the hospital's outbox, sorted and paged",
          querystring: referralInboxQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        return reply
          .header('Cache-Control', 'no-store')
          .send(await listReferrals(deps, actor, request.query, channelOf(actor)));
      },
    );

    app.get(
      '/referrals/:id',
      {
        schema: {
          tags,
          summary: 'A referral with its history, allowed moves and handoff packet (ETag for If-Match)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const view = await getReferral(deps, actorOf(request), request.params.id);
        return sendVersioned(reply, view);
      },
    );

    app.post(
      '/referrals/:id/status',
      {
        schema: {
          tags,
          summary:
            'Move a referral (If-Match required): 409 lists the allowed moves, 412 when someone else acted first',
          params: idParams,
          body: referralStatusInput,
        },
      },
      async (request, reply) => {
        const view = await moveReferral(
          deps,
          actorOf(request),
          request.params.id,
          expectedVersion(request.headers['if-match']),
          request.body,
        );
        return sendVersioned(reply, view);
      },
    );

    app.get(
      '/referrals/:id/messages',
      { schema: { tags, summary: "The referral's message thread with read receipts", params: idParams } },
      async (request, reply) =>
        reply
          .header('Cache-Control', 'no-store')
          .send(await listMessages(deps, actorOf(request), request.params.id)),
    );

    app.post(
      '/referrals/:id/messages',
      {
        bodyLimit: MESSAGE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Write in the thread (optional attachment: PDF, PNG or JPEG up to 5 MB, base64)',
          params: idParams,
          body: postMessageInput,
        },
      },
      async (request, reply) =>
        reply.code(201).send(await postMessage(deps, actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/referrals/:id/messages/read',
      {
        schema: {
          tags,
          summary: 'Mark the thread read up to a message (read receipts)',
          params: idParams,
          body: markReadInput,
        },
      },
      async (request, reply) => {
        await markMessagesRead(deps, actorOf(request), request.params.id, request.body.upToSeq);
        return reply.code(204).send();
      },
    );

    app.get(
      '/referrals/:id/messages/:messageId/attachment',
      { schema: { tags, summary: "Download a message's attachment", params: messageParams } },
      async (request, reply) => {
        const file = await getAttachment(deps, actorOf(request), request.params.id, request.params.messageId);
        return sendDownload(reply, file.mediaType, { body: file.content, fileName: file.fileName });
      },
    );
  };
}
