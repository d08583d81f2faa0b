/**
 * Input schemas of the follow-up API (tasks and notifications): REST validates with these and publishes
 * them in OpenAPI. Completion bodies depend on the task's step and are validated in the use case with
 * `taskOutcomeSchema` (`domain/followup/outcome.ts`).
 */
import { z } from 'zod';
import { WORKLIST_FILTERS } from '../../domain/followup/worklist.ts';

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export const taskWorklistQuery = z.strictObject({
  /** mine: assigned to me · team: my organization's open tasks (with the unassigned queue) · overdue · due_today. */
  filter: z.enum(WORKLIST_FILTERS).default('mine'),
  ...page,
});
export type TaskWorklistQuery = z.infer<typeof taskWorklistQuery>;

export const assignTaskInput = z.strictObject({
  /** The membership to assign to (of the task's organization); omit to take it yourself. */
  membershipId: z.uuid().optional(),
});
export type AssignTaskInput = z.infer<typeof assignTaskInput>;

export const snoozeTaskInput = z.strictObject({
  until: z.iso.datetime({ offset: true }),
  reason: z.string().trim().min(1).max(500),
});
export type SnoozeTaskInput = z.infer<typeof snoozeTaskInput>;

/** Validated against the step's `records` in the use case. */
export const completeTaskInput = z.record(z.string(), z.unknown());

export const notificationQuery = z.strictObject({
  unread: z.stringbool().optional(),
  ...page,
});
export type NotificationQuery = z.infer<typeof notificationQuery>;
