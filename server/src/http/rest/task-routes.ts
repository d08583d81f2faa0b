/** REST routes for follow-up tasks (`/api/v1/tasks…`): worklists, one task, and working it. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/context.ts';
import { channelOf } from '../../app/consent/record-disclosure.ts';
import { assignTask } from '../../app/followup/assign-task.ts';
import { completeTask } from '../../app/followup/complete-task.ts';
import { getTask } from '../../app/followup/get-task.ts';
import { listTasks } from '../../app/followup/list-tasks.ts';
import { logContactAttempt } from '../../app/followup/log-contact-attempt.ts';
import {
  assignTaskInput,
  completeTaskInput,
  snoozeTaskInput,
  taskWorklistQuery,
} from '../../app/followup/schemas.ts';
import { snoozeTask } from '../../app/followup/snooze-task.ts';
import { listTaskAssignees } from '../../app/followup/task-assignees.ts';
import { contactAttemptInputSchema } from '../../domain/followup/outcome.ts';
import { actorOf } from '../auth.ts';
import { expectedVersion, sendVersioned } from '../if-match.ts';
import { idParams } from './patient-routes.ts';

const tags = ['tasks'];

export function taskRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/tasks',
      {
        schema: {
          tags,
          summary:
            "The organization's follow-up tasks: mine, team (with the unassigned queue), overdue, due today",
          querystring: taskWorklistQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        return reply
          .header('Cache-Control', 'no-store')
          .send(await listTasks(deps, actor, request.query, channelOf(actor)));
      },
    );

    app.get(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary: 'A task with its outcome and contact attempts (ETag for If-Match)',
          params: idParams,
        },
      },
      async (request, reply) =>
        sendVersioned(reply, await getTask(deps, actorOf(request), request.params.id)),
    );

    app.get(
      '/tasks/:id/assignees',
      {
        schema: {
          tags,
          summary:
            "Who may hold the task: the owning organization's members with the step role, and its program managers",
          params: idParams,
        },
      },
      async (request, reply) =>
        reply
          .header('Cache-Control', 'no-store')
          .send({ assignees: await listTaskAssignees(deps, actorOf(request), request.params.id) }),
    );

    app.post(
      '/tasks/:id/assign',
      {
        schema: {
          tags,
          summary: 'Take the task (no body) or hand it to a colleague with the step role (If-Match required)',
          params: idParams,
          body: assignTaskInput,
        },
      },
      async (request, reply) =>
        sendVersioned(
          reply,
          await assignTask(
            deps,
            actorOf(request),
            request.params.id,
            expectedVersion(request.headers['if-match']),
            request.body,
          ),
        ),
    );

    app.post(
      '/tasks/:id/complete',
      {
        schema: {
          tags,
          summary:
            'Complete with what the step records: {result} for a contact, {attended} or {onMoud} (If-Match required)',
          params: idParams,
          body: completeTaskInput,
        },
      },
      async (request, reply) =>
        sendVersioned(
          reply,
          await completeTask(
            deps,
            actorOf(request),
            request.params.id,
            expectedVersion(request.headers['if-match']),
            request.body,
          ),
        ),
    );

    app.post(
      '/tasks/:id/snooze',
      {
        schema: {
          tags,
          summary: 'Snooze until a time, with a reason (If-Match required)',
          params: idParams,
          body: snoozeTaskInput,
        },
      },
      async (request, reply) =>
        sendVersioned(
          reply,
          await snoozeTask(
            deps,
            actorOf(request),
            request.params.id,
            expectedVersion(request.headers['if-match']),
            request.body,
          ),
        ),
    );

    app.post(
      '/tasks/:id/attempts',
      {
        schema: {
          tags,
          summary:
            'Log a contact attempt: phone, text or in person; reached, no answer, left a message, wrong number',
          params: idParams,
          body: contactAttemptInputSchema,
        },
      },
      async (request, reply) =>
        sendVersioned(
          reply,
          await logContactAttempt(deps, actorOf(request), request.params.id, request.body),
          201,
        ),
    );
  };
}
