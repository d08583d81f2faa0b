/** REST routes for personal API tokens and an organization's tokens. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { createApiToken, createApiTokenInput } from '../../app/tokens/create-api-token.ts';
import { listApiTokens } from '../../app/tokens/list-api-tokens.ts';
import { revokeApiToken } from '../../app/tokens/revoke-api-token.ts';
import { actorOf } from '../auth.ts';

const tags = ['tokens'];

export function tokenRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/tokens', { schema: { tags, summary: 'Your API tokens' } }, async (request) => ({
      items: await listApiTokens(deps, actorOf(request), { scope: 'own' }),
    }));

    app.post(
      '/tokens',
      { schema: { tags, summary: 'Create an API token (shown once)', body: createApiTokenInput } },
      async (request, reply) =>
        reply.code(201).send(await createApiToken(deps, actorOf(request), request.body)),
    );

    app.delete(
      '/tokens/:tokenId',
      {
        schema: {
          tags,
          summary: 'Revoke one of your API tokens',
          params: z.strictObject({ tokenId: z.uuid() }),
        },
      },
      async (request, reply) => {
        await revokeApiToken(deps, actorOf(request), { tokenId: request.params.tokenId });
        return reply.code(204).send();
      },
    );

    app.get(
      '/organizations/:id/tokens',
      {
        schema: {
          tags,
          summary: "Every member's API tokens (org admin)",
          params: z.strictObject({ id: z.string().max(100) }),
        },
      },
      async (request) => ({
        items: await listApiTokens(deps, actorOf(request), {
          scope: 'organization',
          organizationId: request.params.id,
        }),
      }),
    );

    app.delete(
      '/organizations/:id/tokens/:tokenId',
      {
        schema: {
          tags,
          summary: "Revoke a member's API token (org admin)",
          params: z.strictObject({ id: z.string().max(100), tokenId: z.uuid() }),
        },
      },
      async (request, reply) => {
        await revokeApiToken(deps, actorOf(request), {
          tokenId: request.params.tokenId,
          organizationId: request.params.id,
        });
        return reply.code(204).send();
      },
    );
  };
}
