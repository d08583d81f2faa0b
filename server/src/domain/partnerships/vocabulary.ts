/**
 * The words of the partnership workspace and its pure rules: statuses, agreement kinds, what one side
 * delivers to the other, shared-goal metrics, the quarterly self-assessment (items scored 1–5, the score is
 * their mean), quarters, and when an agreement's expiry reminder is due (60 days before, through the day
 * it expires).
 */

export const PARTNERSHIP_STATUSES = ['exploring', 'active', 'paused', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** MOU, qualified service organization agreement (Part 2), business associate agreement, data sharing. */
export const AGREEMENT_KINDS = ['mou', 'qsoa', 'baa', 'data_sharing'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const LIAISON_ROLES = ['primary', 'backup'] as const;
export type LiaisonRole = (typeof LIAISON_ROLES)[number];

/** What one side provides the other, recorded as delivered. */
export const DELIVERY_KINDS = [
  'in_reach_visit',
  'reserved_intake_slot',
  'bridge_prescription',
  'transport',
  'warm_handoff',
  'training',
  'naloxone_kits',
  'other',
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** Metrics a shared goal can target; all are shares of referrals in percent (0–100). */
export const GOAL_METRICS = [
  'intake_within_72h',
  'referral_acknowledged_on_time',
  'linked_within_30_days',
  'retained_30_days',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** The self-assessment both sides answer each quarter, each item 1 (not at all) to 5 (fully). */
export const ASSESSMENT_ITEMS = [
  'communication',
  'referral_flow',
  'shared_understanding',
  'trust',
  'data_sharing',
  'leadership_support',
] as const;
export type AssessmentItem = (typeof ASSESSMENT_ITEMS)[number];

export const REMINDER_DAYS_BEFORE_EXPIRY = 60;

/** The mean of the answers, rounded to two decimals. */
export function assessmentScore(answers: Readonly<Record<AssessmentItem, number>>): number {
  const values = ASSESSMENT_ITEMS.map((item) => answers[item]);
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** `2026-Q4` for a calendar date `YYYY-MM-DD`. */
export function quarterOf(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return `${year}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Whole days from `today` to `expiresOn` (negative once expired). */
export function daysUntil(today: string, expiresOn: string): number {
  return dayNumber(expiresOn) - dayNumber(today);
}

/** An expiry reminder is due from 60 days before the expiry through the expiry day itself. */
export function reminderDue(today: string, expiresOn: string | null): boolean {
  if (!expiresOn) return false;
  const left = daysUntil(today, expiresOn);
  return left >= 0 && left <= REMINDER_DAYS_BEFORE_EXPIRY;
}
