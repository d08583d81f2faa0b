/**
 * Words and small rules of the partnership workspace: labels for every code, status colors, the
 * expiry countdown of an agreement, quarters, and which side of a partnership is the active
 * organization's.
 */
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_KINDS,
  ASSESSMENT_ITEMS,
  DELIVERY_KINDS,
  GOAL_METRICS,
  LIAISON_ROLES,
  PARTNERSHIP_STATUSES,
  REMINDER_DAYS_BEFORE_EXPIRY,
  type PartnershipStatus,
  type PartnershipSummary,
} from '../../api/partnerships.ts';
import { useSession } from '../../session/session-context.ts';

const known = <T extends string>(list: readonly T[], code: unknown): code is T =>
  typeof code === 'string' && list.includes(code as T);

export const STATUS_COLORS: Record<PartnershipStatus, string> = {
  exploring: 'blue',
  active: 'teal',
  paused: 'yellow',
  ended: 'gray',
};

/** How close an agreement is to its end: open-ended, in force, due for renewal (≤ 60 days) or expired. */
export type ExpiryState = 'open' | 'ok' | 'soon' | 'expired';

export function expiryState(daysUntilExpiry: number | null): ExpiryState {
  if (daysUntilExpiry === null) return 'open';
  if (daysUntilExpiry < 0) return 'expired';
  return daysUntilExpiry <= REMINDER_DAYS_BEFORE_EXPIRY ? 'soon' : 'ok';
}

/** `2026-Q4` for today's local date. */
export function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** Today's local date as `YYYY-MM-DD` (the value of a date input). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function usePartnershipLabels() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    status: (code: string) =>
      known(PARTNERSHIP_STATUSES, code) ? t(`partnerships.vocab.status.${code}`) : code,
    agreementKind: (code: string) =>
      known(AGREEMENT_KINDS, code) ? t(`partnerships.vocab.agreementKind.${code}`) : code,
    liaisonRole: (code: string) =>
      known(LIAISON_ROLES, code) ? t(`partnerships.vocab.liaisonRole.${code}`) : code,
    deliveryKind: (code: string) =>
      known(DELIVERY_KINDS, code) ? t(`partnerships.vocab.deliveryKind.${code}`) : code,
    goalMetric: (code: string) =>
      known(GOAL_METRICS, code) ? t(`partnerships.vocab.goalMetric.${code}`) : code,
    assessmentItem: (code: string) =>
      known(ASSESSMENT_ITEMS, code) ? t(`partnerships.vocab.assessmentItem.${code}`) : code,
    /** A calendar day `YYYY-MM-DD` in the active language (no time zone shift). */
    day: (value: string | null | undefined) => {
      if (!value) return '—';
      const date = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? value : dates.format(date);
    },
    number: (value: number) => numbers.format(value),
    /** "Expires in 45 days", "Expires today", "Expired 3 days ago" or "Open-ended". */
    expiry: (daysUntilExpiry: number | null) => {
      if (daysUntilExpiry === null) return t('partnerships.agreements.openEnded');
      if (daysUntilExpiry === 0) return t('partnerships.agreements.expiresToday');
      if (daysUntilExpiry < 0) return t('partnerships.agreements.expiredAgo', { count: -daysUntilExpiry });
      return t('partnerships.agreements.expiresIn', { count: daysUntilExpiry });
    },
  };
}

export type PartnershipLabels = ReturnType<typeof usePartnershipLabels>;

/** The active organization's side and the partner's, as seen from the session. */
export function useSides(p: Pick<PartnershipSummary, 'hospital' | 'cbo'>) {
  const session = useSession();
  const membership = session.memberships.find((m) => m.id === session.activeMembershipId);
  const ownId = membership?.organization.id;
  const own = p.cbo.id === ownId ? p.cbo : p.hospital.id === ownId ? p.hospital : undefined;
  const partner = own?.id === p.cbo.id ? p.hospital : p.cbo;
  return { own, partner };
}

/** The session may change partnerships (`partnership.manage`) or start them (`partnership.create`). */
export function usePartnershipAccess() {
  const session = useSession();
  const can = (permission: string) => session.permissions.includes(permission);
  return {
    canManage: can('partnership.manage'),
    canCreate: can('partnership.create'),
    canAggregate: can('partnership.aggregate'),
    /** Lists the active organization's members (to name a colleague liaison or action-item owner). */
    canListMembers: can('member.read'),
  };
}
