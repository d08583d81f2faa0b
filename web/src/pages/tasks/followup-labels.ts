/**
 * Words and small rules of the follow-up area (tasks, pathways, notifications): labels for every code in the
 * active language, durations ("7 days", "48 hours"), times relative to now ("in 3 days", "2 hours ago"),
 * the one-click outcomes of a task by what its step records, and what the session's permissions allow.
 */
import { useTranslation } from 'react-i18next';
import {
  ANCHORS,
  CONTACT_METHODS,
  CONTACT_RESULTS,
  MINUTES_PER_DAY,
  PATHWAY_OWNERS,
  PATHWAY_STATUSES,
  RECORDS,
  SIDES,
  TASK_STATES,
  type Anchor,
  type CompleteTaskInput,
  type StepRecord,
  type TaskOutcome,
  type TaskState,
} from '../../api/followup.ts';
import { useFormatDateTime } from '../../components/use-format.ts';
import { useLabels } from '../../components/use-labels.ts';
import { activeMembership, useSession } from '../../session/session-context.ts';

const known = <T extends string>(list: readonly T[], code: unknown): code is T =>
  typeof code === 'string' && list.includes(code as T);

export const STATE_COLORS: Record<TaskState, string> = {
  overdue: 'red',
  due_today: 'orange',
  snoozed: 'gray',
  upcoming: 'blue',
  done: 'teal',
  cancelled: 'gray',
};

/** The units a pathway's offsets and deadlines are entered in. */
export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: MINUTES_PER_DAY };

/** The largest unit that shows a number of minutes exactly (0 shows in hours). */
export function bestUnit(minutes: number): DurationUnit {
  if (minutes === 0) return 'hours';
  if (minutes % MINUTES_PER_DAY === 0) return 'days';
  if (minutes % 60 === 0) return 'hours';
  return 'minutes';
}

/** One click that completes a task: its label key and the body it sends. */
export interface OutcomeChoice {
  key: string;
  input: CompleteTaskInput;
  /** The outcome the server will record (for the label). */
  outcome: TaskOutcome;
}

/** The one-click outcomes of a step, in the order the buttons show. */
export function outcomeChoices(records: StepRecord): OutcomeChoice[] {
  switch (records) {
    case 'contact':
      return CONTACT_RESULTS.map((result) => ({
        key: result,
        input: { result },
        outcome: { records, result },
      }));
    case 'attended':
      return [true, false].map((attended) => ({
        key: String(attended),
        input: { attended },
        outcome: { records, attended },
      }));
    case 'on_moud':
      return [true, false].map((onMoud) => ({
        key: String(onMoud),
        input: { onMoud },
        outcome: { records, onMoud },
      }));
  }
}

export function useFollowupLabels() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const dateTime = useFormatDateTime();
  const locale = i18n.resolvedLanguage ?? 'en';
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

  const duration = (minutes: number): string => {
    const unit = bestUnit(minutes);
    const count = Math.abs(minutes) / UNIT_MINUTES[unit];
    return t(`followup.duration.${unit}`, { count });
  };

  /** Who owns a step or a task, in words: "hospital peer recovery specialist". */
  const owner = (step: { side: string; role: string }) =>
    t('followup.pathway.owner', {
      side: known(SIDES, step.side) ? t(`followup.vocab.side.${step.side}`) : step.side,
      role: labels.role(step.role).toLocaleLowerCase(locale),
    });

  return {
    dateTime,
    duration,
    owner,
    role: (code: string) => labels.role(code),
    state: (code: string) => (known(TASK_STATES, code) ? t(`followup.vocab.state.${code}`) : code),
    records: (code: string) => (known(RECORDS, code) ? t(`followup.vocab.records.${code}`) : code),
    contactResult: (code: string) =>
      known(CONTACT_RESULTS, code) ? t(`followup.vocab.contactResult.${code}`) : code,
    contactMethod: (code: string) =>
      known(CONTACT_METHODS, code) ? t(`followup.vocab.contactMethod.${code}`) : code,
    anchor: (code: string) => (known(ANCHORS, code) ? t(`followup.vocab.anchor.${code}`) : code),
    side: (code: string) => (known(SIDES, code) ? t(`followup.vocab.side.${code}`) : code),
    ownerKind: (code: string) => (known(PATHWAY_OWNERS, code) ? t(`followup.vocab.ownerKind.${code}`) : code),
    pathwayStatus: (code: string) =>
      known(PATHWAY_STATUSES, code) ? t(`followup.vocab.pathwayStatus.${code}`) : code,
    patient: (name: string | null) => name ?? t('followup.tasks.nameNotShared'),
    /** What a task's outcome says, in words ("Reached", "Did not attend", "Still on MOUD"). */
    outcome: (outcome: TaskOutcome) => {
      switch (outcome.records) {
        case 'contact':
          return t(`followup.outcome.contact.${outcome.result}`);
        case 'attended':
          return t(`followup.outcome.attended.${outcome.attended ? 'true' : 'false'}`);
        case 'on_moud':
          return t(`followup.outcome.on_moud.${outcome.onMoud ? 'true' : 'false'}`);
      }
    },
    /** "in 3 days", "2 hours ago", "now" (minutes within the hour, hours within two days, else days). */
    relative: (value: string | null | undefined, now = Date.now()): string => {
      if (!value) return '—';
      const at = new Date(value).getTime();
      if (Number.isNaN(at)) return value;
      const minutes = Math.round((at - now) / 60_000);
      const size = Math.abs(minutes);
      if (size < 60) return relativeFormat.format(minutes, 'minute');
      if (size < 48 * 60) return relativeFormat.format(Math.round(minutes / 60), 'hour');
      return relativeFormat.format(Math.round(minutes / MINUTES_PER_DAY), 'day');
    },
    /** "Peer call… — hospital peer recovery specialist — at discharge, due within 7 days — records contact". */
    step: (step: {
      title: string;
      side: string;
      role: string;
      anchor: string;
      offsetMinutes: number;
      deadlineMinutes: number;
      records: string;
    }) => {
      const when = (() => {
        const anchor = known(ANCHORS, step.anchor) ? step.anchor : null;
        if (!anchor) return step.anchor;
        if (step.offsetMinutes === 0) return t(`followup.pathway.when.at.${anchor}`);
        const amount = duration(step.offsetMinutes);
        return step.offsetMinutes > 0
          ? t(`followup.pathway.when.after.${anchor as Anchor}`, { duration: amount })
          : t(`followup.pathway.when.before.${anchor as Anchor}`, { duration: amount });
      })();
      return t('followup.pathway.sentence', {
        title: step.title,
        owner: owner(step),
        when,
        deadline:
          step.deadlineMinutes === 0
            ? t('followup.pathway.dueAtOnce')
            : t('followup.pathway.dueWithin', { duration: duration(step.deadlineMinutes) }),
        records: known(RECORDS, step.records) ? t(`followup.vocab.records.${step.records}`) : step.records,
      });
    },
  };
}

export type FollowupLabels = ReturnType<typeof useFollowupLabels>;

/** What the session's permissions allow here (the server decides; the UI avoids offering refusals). */
export function useFollowupAccess() {
  const session = useSession();
  const can = (permission: string) => session.permissions.includes(permission);
  const organization = activeMembership(session)?.organization;
  return {
    /** Take, complete, snooze tasks and log contact attempts. */
    canWork: can('task.work'),
    /** Create and change pathways: a hospital's program managers and administrators (partners only view). */
    canManagePathways: can('pathway.manage') && !!organization && organization.kind !== 'cbo',
    membershipId: session.activeMembershipId,
    organizationId: organization?.id,
  };
}
