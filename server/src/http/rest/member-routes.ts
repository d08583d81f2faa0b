/** REST routes for an organization's members and invitations, and for accepting an invitation. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { acceptInvitation, acceptInvitationInput } from '../../app/members/accept-invitation.ts';
import { createInvitation, createInvitationInput } from '../../app/members/create-invitation.ts';
import { getInvitation } from '../../app/members/get-invitation.ts';
import { listInvitations } from '../../app/members/list-invitations.ts';
import { listMembers } from '../../app/members/list-members.ts';
import { revokeInvitation } from '../../app/members/revoke-invitation.ts';
import { updateMember, updateMemberInput } from '../../app/members/update-member.ts';
import { actorOf, requestMeta } from '../auth.ts';

const tags = ['members'];
const orgParams = z.strictObject({ id: z.string().min(1).max(100) });

export function memberRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/organizations/:id/members',
      { schema: { tags, summary: "An organization's members", params: orgParams } },
      async (request) => ({ items: await listMembers(deps, actorOf(request), request.params.id) }),
    );

    app.patch(
      '/organizations/:id/members/:membershipId',
      {
        schema: {
          tags,
          summary: "Change a member's roles, title or status",
          params: orgParams.extend({ membershipId: z.uuid() }),
          body: updateMemberInput,
        },
      },
      async (request, reply) => {
        await updateMember(deps, actorOf(request), {
          organizationId: request.params.id,
          membershipId: request.params.membershipId,
          changes: request.body,
        });
        return reply.code(204).send();
      },
    );

    app.get(
      '/organizations/:id/invitations',
      { schema: { tags, summary: "An organization's invitations", params: orgParams } },
      async (request) => ({ items: await listInvitations(deps, actorOf(request), request.params.id) }),
    );

    app.post(
      '/organizations/:id/invitations',
      {
        schema: { tags, summary: 'Invite someone by e-mail', params: orgParams, body: createInvitationInput },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createInvitation(deps, actorOf(request), {
            organizationId: request.params.id,
            ...request.body,
          }),
        ),
    );

    app.delete(
      '/organizations/:id/invitations/:invitationId',
      {
        schema: {
          tags,
          summary: 'Withdraw an invitation',
          params: orgParams.extend({ invitationId: z.uuid() }),
        },
      },
      async (request, reply) => {
        await revokeInvitation(deps, actorOf(request), {
          organizationId: request.params.id,
          invitationId: request.params.invitationId,
        });
        return reply.code(204).send();
      },
    );

    app.get(
      '/invitations/:token',
      {
        schema: {
          tags,
          summary: 'What an invitation link offers',
          params: z.strictObject({ token: z.string().min(10).max(200) }),
        },
      },
      (request) => getInvitation(deps, request.params.token),
    );

    app.post(
      '/invitations/accept',
      {
        schema: { tags, summary: 'Accept an invitation', body: acceptInvitationInput },
        config: { skipCsrf: true },
      },
      async (request, reply) => {
        await acceptInvitation(deps, request.body, requestMeta(request));
        return reply.code(204).send();
      },
    );
  };
}
