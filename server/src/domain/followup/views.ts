/**
 * What the follow-up API answers (REST and the web client share these types): pathways, tasks with their
 * outcome and contact attempts, and in-app notifications. Instants are ISO 8601 strings.
 */
import type { TaskOutcome } from './outcome.ts';
import type { PathwayStep } from './pathway.ts';
import type { TaskState } from './worklist.ts';
import type {
  ContactMethod,
  ContactResult,
  PathwayOwner,
  PathwaySide,
  PathwayStatus,
  StepRecord,
  TaskStatus,
} from './vocabulary.ts';
import type { Role } from '../identity/vocabulary.ts';

export type { TaskOutcome } from './outcome.ts';

export interface PathwayView {
  id: string;
  name: string;
  /** null when the pathway has none. */
  description: string | null;
  /** A hospital's default pathway, or a partnership's. */
  owner: { kind: PathwayOwner; id: string; name: string };
  /** Each save makes a new version; tasks keep the version they were made from. */
  version: number;
  steps: PathwayStep[];
  status: PathwayStatus;
  updatedAt: string;
}

export interface ContactAttemptView {
  id: string;
  method: ContactMethod;
  result: ContactResult;
  at: string;
  by: { name: string };
  note: string | null;
}

export interface TaskView {
  id: string;
  transitionId: string;
  /** null for a step timed from the transition (`transition_created`, `discharge`). */
  referralId: string | null;
  patient: { id: string; name: string | null };
  pathway: { id: string; name: string; version: number };
  stepKey: string;
  title: string;
  side: PathwaySide;
  role: Role;
  records: StepRecord;
  status: TaskStatus;
  /** `taskState` at the time of the answer, in the viewer's organization's time zone. */
  state: TaskState;
  dueAt: string;
  deadlineAt: string;
  snoozedUntil: string | null;
  snoozeReason: string | null;
  assignee: { membershipId: string; name: string } | null;
  outcome: TaskOutcome | null;
  attempts: ContactAttemptView[];
  /** For `If-Match`. */
  version: number;
}

/** Values a notification's wording needs (names of services or agreements, counts, codes): never patient data. */
export type NotificationParams = Record<string, string | number>;

/**
 * `title` and `body` are the English wording (also the e-mail's); the web app words a known `kind` in the
 * reader's language from `params` and falls back to them.
 */
export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  params: NotificationParams;
  /** A path inside the web app, e.g. `/tasks/…`. */
  link: string;
  createdAt: string;
  readAt: string | null;
}
