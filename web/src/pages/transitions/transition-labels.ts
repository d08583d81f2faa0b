/**
 * Words and small rules of transitions and referrals: labels for every code (in the active language),
 * dates and times in the browser's time zone, the gap clock in words ("gap: 58 h (2 days)"), values for
 * `datetime-local` inputs, and which actions the session's permissions allow.
 */
import { useTranslation } from 'react-i18next';
import {
  BRIDGE_KINDS,
  CANCEL_REASONS,
  CARE_NEEDS,
  DECLINE_REASONS,
  DISPOSITIONS,
  ENCOUNTER_TYPES,
  FAILURE_REASONS,
  FORMULATIONS,
  GAP_STATES,
  MEDICATIONS,
  OUD_IDENTIFIED_BY,
  REFERRAL_STATUSES,
  TRANSITION_STATUSES,
  URGENCIES,
  type GapClockView,
  type ReferralStatus,
} from '../../api/transitions.ts';
import { useSession } from '../../session/session-context.ts';

const known = <T extends string>(list: readonly T[], code: unknown): code is T =>
  typeof code === 'string' && list.includes(code as T);

export type ReasonCode =
  (typeof DECLINE_REASONS)[number] | (typeof CANCEL_REASONS)[number] | (typeof FAILURE_REASONS)[number];

/** An instant as the value of a `datetime-local` input, in the browser's time zone (minutes). */
export function toLocalInput(value: Date | string | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(
    date.getMinutes(),
  )}`;
}

/** The value of a `datetime-local` input (local wall time) as an ISO instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** Which reason list a move to this status needs (declines, cancellations, failures). */
export function reasonCodesFor(target: ReferralStatus): readonly string[] | null {
  if (target === 'declined') return DECLINE_REASONS;
  if (target === 'cancelled') return CANCEL_REASONS;
  if (target === 'failed') return FAILURE_REASONS;
  return null;
}

export const GAP_COLORS: Record<GapClockView['state'], string> = {
  gap: 'red',
  at_risk: 'orange',
  covered: 'teal',
  pending: 'blue',
  no_plan: 'gray',
  linked: 'indigo',
  closed: 'gray',
};

export const REFERRAL_COLORS: Record<ReferralStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'cyan',
  declined: 'red',
  scheduled: 'teal',
  attended: 'indigo',
  no_show: 'orange',
  engaged: 'green',
  cancelled: 'gray',
  failed: 'red',
  entered_in_error: 'gray',
};

export function useTransitionLabels() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const or = (value: string | null | undefined, label: (v: string) => string) => (value ? label(value) : '—');
  const reasons = [...new Set<string>([...DECLINE_REASONS, ...CANCEL_REASONS, ...FAILURE_REASONS])];
  return {
    encounterType: (v: string | null | undefined) =>
      or(v, (c) => (known(ENCOUNTER_TYPES, c) ? t(`transitions.vocab.encounterType.${c}`) : c)),
    oudIdentifiedBy: (v: string | null | undefined) =>
      or(v, (c) => (known(OUD_IDENTIFIED_BY, c) ? t(`transitions.vocab.oudIdentifiedBy.${c}`) : c)),
    disposition: (v: string | null | undefined) =>
      or(v, (c) => (known(DISPOSITIONS, c) ? t(`transitions.vocab.disposition.${c}`) : c)),
    transitionStatus: (v: string | null | undefined) =>
      or(v, (c) => (known(TRANSITION_STATUSES, c) ? t(`transitions.vocab.status.${c}`) : c)),
    medication: (v: string | null | undefined) =>
      or(v, (c) => (known(MEDICATIONS, c) ? t(`transitions.vocab.medication.${c}`) : c)),
    formulation: (v: string | null | undefined) =>
      or(v, (c) => (known(FORMULATIONS, c) ? t(`transitions.vocab.formulation.${c}`) : c)),
    bridgeKind: (v: string | null | undefined) =>
      or(v, (c) => (known(BRIDGE_KINDS, c) ? t(`transitions.vocab.bridgeKind.${c}`) : c)),
    referralStatus: (v: string | null | undefined) =>
      or(v, (c) => (known(REFERRAL_STATUSES, c) ? t(`transitions.vocab.referralStatus.${c}`) : c)),
    urgency: (v: string | null | undefined) =>
      or(v, (c) => (known(URGENCIES, c) ? t(`transitions.vocab.urgency.${c}`) : c)),
    careNeed: (v: string | null | undefined) =>
      or(v, (c) => (known(CARE_NEEDS, c) ? t(`transitions.vocab.careNeed.${c}`) : c)),
    gapState: (v: string | null | undefined) =>
      or(v, (c) => (known(GAP_STATES, c) ? t(`transitions.vocab.gapState.${c}`) : c)),
    reason: (v: string | null | undefined) =>
      or(v, (c) => (known(reasons, c) ? t(`transitions.vocab.reason.${c as ReasonCode}`) : c)),
    dateTime: (value: string | null | undefined) => {
      if (!value) return '—';
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateTimes.format(date);
    },
    day: (value: string | null | undefined) => {
      if (!value) return '—';
      const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? value : dates.format(date);
    },
    /** The gap clock in words: "Gap: 58 h (2 days)", "Covered", "At risk: coverage ended 5 h ago"… */
    gap: (gap: GapClockView) => {
      if (gap.state === 'gap') {
        return t('transitions.gap.gapHours', { hours: gap.gapHours, count: Math.floor(gap.gapHours / 24) });
      }
      if (gap.state === 'at_risk' && gap.gapHours > 0) {
        return t('transitions.gap.endedHoursAgo', { hours: gap.gapHours });
      }
      return t(`transitions.vocab.gapState.${gap.state}`);
    },
  };
}

export type TransitionLabels = ReturnType<typeof useTransitionLabels>;

/** What the session's permissions allow here (the server decides; the UI avoids offering refusals). */
export function useTransitionAccess() {
  const session = useSession();
  const can = (permission: string) => session.permissions.includes(permission);
  return {
    canManage: can('transition.manage'),
    canSend: can('referral.send'),
    canRespond: can('referral.respond'),
    canMessage: can('referral.message'),
    canRecordConsent: can('consent.record'),
    /** The active membership, the default navigator of a new transition. */
    membershipId: session.activeMembershipId,
  };
}
