/**
 * Follow-up endpoints: task worklists and one task (take it or hand it to a colleague it may go to, complete
 * it with what its step records, snooze it, log contact attempts — the changes carry `If-Match`), the signed-in person's notifications, and
 * pathways (list, read, create, save a new version with `If-Match`). Shapes are the server's own
 * (`server/src/domain/followup/views.ts`); codes come from `server/src/domain/followup/vocabulary.ts` and
 * `worklist.ts`; request bodies are the inputs of `server/src/app/followup/schemas.ts` and the domain's
 * outcome and pathway schemas (type-only).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { isApiError } from './api-error.ts';
import { api } from './client.ts';

// The codes are the server's own (pure, dependency-free modules): one source of truth.
export {
  ANCHORS,
  CONTACT_METHODS,
  CONTACT_RESULTS,
  PATHWAY_OWNERS,
  PATHWAY_STATUSES,
  RECORDS,
  SIDE_ROLES,
  SIDES,
  TASK_STATUSES,
} from '../../../server/src/domain/followup/vocabulary.ts';
export { TASK_STATES, WORKLIST_FILTERS } from '../../../server/src/domain/followup/worklist.ts';
import type {
  Anchor,
  ContactMethod,
  ContactResult,
  PathwayOwner,
  PathwaySide,
  PathwayStatus,
  StepRecord,
  TaskStatus,
} from '../../../server/src/domain/followup/vocabulary.ts';
export type {
  Anchor,
  ContactMethod,
  ContactResult,
  PathwayOwner,
  PathwaySide,
  PathwayStatus,
  StepRecord,
  TaskStatus,
};
import type { TaskState, WorklistFilter } from '../../../server/src/domain/followup/worklist.ts';
export type { TaskState, WorklistFilter };

import type {
  ContactAttemptView,
  NotificationView,
  PathwayView,
  TaskOutcome,
  TaskView,
} from '../../../server/src/domain/followup/views.ts';
export type { ContactAttemptView, NotificationView, PathwayView, TaskOutcome, TaskView };
import type { PathwayInput, PathwayStep } from '../../../server/src/domain/followup/pathway.ts';
export type { PathwayInput, PathwayStep };
import type { ContactAttemptInput } from '../../../server/src/domain/followup/outcome.ts';
export type { ContactAttemptInput };
import type { Page } from '../../../server/src/domain/transitions/views.ts';
import type { Assignee as TaskAssignee } from '../../../server/src/app/followup/task-assignees.ts';
export type { TaskAssignee };

import type {
  assignTaskInput,
  notificationQuery,
  snoozeTaskInput,
  taskWorklistQuery,
} from '../../../server/src/app/followup/schemas.ts';

/**
 * Limits of `server/src/domain/followup/pathway.ts`, repeated here: that module builds its Zod schemas when
 * loaded, and the web bundle carries no Zod. The server checks them again and names the field it refuses.
 */
export const MINUTES_PER_DAY = 1440;
export const MAX_STEPS = 30;
export const STEP_KEY_PATTERN = /^[a-z0-9_]{1,40}$/;

/** Request bodies and queries: the server's own schemas (type-only imports). */
export type AssignTaskInput = z.input<typeof assignTaskInput>;
export type SnoozeTaskInput = z.input<typeof snoozeTaskInput>;
type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page?: number; pageSize?: number };
export type TaskWorklistQuery = Paged<z.input<typeof taskWorklistQuery>> & { filter: WorklistFilter };
export type NotificationQuery = Paged<z.input<typeof notificationQuery>>;
/** A completion body: what the step records, without naming it again (the server fills `records` in). */
type WithoutRecords<T> = T extends unknown ? Omit<T, 'records'> : never;
export type CompleteTaskInput = WithoutRecords<TaskOutcome>;
export type CreatePathwayInput = PathwayInput & { partnershipId?: string };

export type TaskPage = Page<TaskView>;
export interface NotificationPage {
  items: NotificationView[];
  total: number;
  /** All unread notifications of the person, whatever the page. */
  unread: number;
  page: number;
  pageSize: number;
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

const tasksBase = '/api/v1/tasks';
const notificationsBase = '/api/v1/notifications';
const pathwaysBase = '/api/v1/pathways';
const taskPath = (id: string) => `${tasksBase}/${encodeURIComponent(id)}`;
const pathwayPath = (id: string) => `${pathwaysBase}/${encodeURIComponent(id)}`;

export const listTasks = (query: TaskWorklistQuery) => api<TaskPage>(tasksBase, { query: { ...query } });

export const getTask = (id: string) => api<TaskView>(taskPath(id));

/**
 * Who may hold the task: the owning organization's active members with the step's role, and its program
 * managers (403 for the other side of the referral, which does not work the task).
 */
export const listTaskAssignees = (id: string) =>
  api<{ assignees: TaskAssignee[] }>(`${taskPath(id)}/assignees`);

/** Takes the task (no membership) or hands it to a colleague; the version is the one the user saw. */
export const assignTask = (id: string, version: number, input: AssignTaskInput = {}) =>
  api<TaskView>(`${taskPath(id)}/assign`, { method: 'POST', body: input, headers: ifMatch(version) });

export const completeTask = (id: string, version: number, input: CompleteTaskInput) =>
  api<TaskView>(`${taskPath(id)}/complete`, { method: 'POST', body: input, headers: ifMatch(version) });

export const snoozeTask = (id: string, version: number, input: SnoozeTaskInput) =>
  api<TaskView>(`${taskPath(id)}/snooze`, { method: 'POST', body: input, headers: ifMatch(version) });

/** Logs an attempt to reach the patient (no `If-Match`: attempts only add to the log). */
export const logContactAttempt = (id: string, input: ContactAttemptInput) =>
  api<TaskView>(`${taskPath(id)}/attempts`, { method: 'POST', body: input });

export const listNotifications = (query: NotificationQuery) =>
  api<NotificationPage>(notificationsBase, { query: { ...query } });

export const markNotificationRead = (id: string) =>
  api<{ marked: number }>(`${notificationsBase}/${encodeURIComponent(id)}/read`, { method: 'POST' });

export const markAllNotificationsRead = () =>
  api<{ marked: number }>(`${notificationsBase}/read-all`, { method: 'POST' });

import type { PreferencesInput, PreferencesView } from '../../../server/src/app/notifications/preferences.ts';
export type { PreferencesView };
export {
  EMAIL_CHOICES,
  NOTIFICATION_CATEGORIES,
} from '../../../server/src/domain/notifications/preferences.ts';

const preferencesPath = '/api/v1/notification-preferences';
export const getNotificationPreferences = () => api<PreferencesView>(preferencesPath);
export const setNotificationPreferences = (input: PreferencesInput) =>
  api<PreferencesView>(preferencesPath, { method: 'PUT', body: input });

export const listPathways = () => api<PathwayView[]>(pathwaysBase);

export const getPathway = (id: string) => api<PathwayView>(pathwayPath(id));

export const createPathway = (input: CreatePathwayInput) =>
  api<PathwayView>(pathwaysBase, { method: 'POST', body: input });

/** Saves a new version of the pathway; tasks already made keep the version they were made from. */
export const savePathway = (id: string, version: number, input: PathwayInput) =>
  api<PathwayView>(pathwayPath(id), { method: 'PUT', body: input, headers: ifMatch(version) });

// Query keys and hooks (server state).
export const taskKeys = {
  all: ['tasks'] as const,
  lists: ['tasks', 'list'] as const,
  list: (query: TaskWorklistQuery) => ['tasks', 'list', query] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
  assignees: (id: string) => ['tasks', 'assignees', id] as const,
};
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (query: NotificationQuery) => ['notifications', 'list', query] as const,
};
export const pathwayKeys = {
  all: ['pathways'] as const,
  list: ['pathways', 'list'] as const,
  one: (id: string) => ['pathways', 'one', id] as const,
};

/** A 4xx answer (not found, not allowed) is final: no retries. */
const retry = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

export const useTaskList = (query: TaskWorklistQuery) =>
  useQuery({
    queryKey: taskKeys.list(query),
    queryFn: () => listTasks(query),
    placeholderData: keepPreviousData,
    retry,
  });

export const useTaskQuery = (id: string) =>
  useQuery({ queryKey: taskKeys.one(id), queryFn: () => getTask(id), retry });

/** The colleagues the task may go to; only asked for while `enabled` (an open task the person may work). */
export const useTaskAssignees = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: taskKeys.assignees(id),
    queryFn: async () => (await listTaskAssignees(id)).assignees,
    enabled,
    retry,
  });

/** How many notifications the bell lists. */
export const BELL_SIZE = 10;
/** How often the bell asks for new notifications. */
export const BELL_POLL_MS = 30_000;

/**
 * The bell: the latest notifications and the unread count, asked for again every 30 s while `polling`
 * (the caller stops it when the person is idle: every request counts as activity for the session's idle
 * timeout, and a poll must not keep an unattended session alive) and the page is visible.
 */
export const useNotificationBell = (polling: boolean) =>
  useQuery({
    queryKey: notificationKeys.list({ page: 1, pageSize: BELL_SIZE }),
    queryFn: () => listNotifications({ page: 1, pageSize: BELL_SIZE }),
    refetchInterval: polling ? BELL_POLL_MS : false,
    retry,
  });

export const useNotificationList = (query: NotificationQuery) =>
  useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: () => listNotifications(query),
    placeholderData: keepPreviousData,
    retry,
  });

export const usePathwayList = () => useQuery({ queryKey: pathwayKeys.list, queryFn: listPathways, retry });

export const usePathwayQuery = (id: string) =>
  useQuery({ queryKey: pathwayKeys.one(id), queryFn: () => getPathway(id), retry });
