/** REST routes for the actor's in-app notifications and e-mail preferences (`/api/v1/notification…`). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/context.ts';
import { notificationQuery } from '../../app/followup/schemas.ts';
import { listNotifications } from '../../app/notifications/list-notifications.ts';
import { markNotificationsRead } from '../../app/notifications/mark-notifications-read.ts';
import { getPreferences, preferencesInput, setPreferences } from '../../app/notifications/preferences.ts';
import { actorOf } from '../auth.ts';
import { idParams } from './patient-routes.ts';

const tags = ['notifications'];

export function notificationRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications, newest first, with the unread count',
          querystring: notificationQuery,
        },
      },
      async (request, reply) =>
        reply
          .header('Cache-Control', 'no-store')
          .send(await listNotifications(deps, actorOf(request), request.query)),
    );

    app.post(
      '/notifications/:id/read',
      { schema: { tags, summary: 'Mark one notification read', params: idParams } },
      async (request) => ({ marked: await markNotificationsRead(deps, actorOf(request), request.params.id) }),
    );

    app.get(
      '/notification-preferences',
      { schema: { tags, summary: 'My e-mail choices per category: immediate, daily digest or off' } },
      async (request) => getPreferences(deps, actorOf(request)),
    );

    app.put(
      '/notification-preferences',
      {
        schema: {
          tags,
          summary: 'Change my e-mail choices (escalations always come at once: 422 otherwise)',
          body: preferencesInput,
        },
      },
      async (request) => setPreferences(deps, actorOf(request), request.body),
    );

    app.post(
      '/notifications/read-all',
      { schema: { tags, summary: 'Mark all my notifications read' } },
      async (request) => ({ marked: await markNotificationsRead(deps, actorOf(request), 'all') }),
    );
  };
}
