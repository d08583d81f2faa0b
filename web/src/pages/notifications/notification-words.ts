/**
 * A notification in the reader's language. The server stores each notification's English wording (also
 * its e-mail's) with its `kind` and the `params` the wording needs; the kinds known here are worded from
 * the bundles, anything else — or an older notification without its params — shows the stored English.
 * Params are directory facts and codes (a service's or agreement's name, a referral status): never patient
 * data.
 */
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../api/followup.ts';
import { usePartnershipLabels } from '../partnerships/partnership-labels.ts';
import { useTransitionLabels } from '../transitions/transition-labels.ts';

export interface Words {
  title: string;
  body: string;
}

type Kind =
  | 'referral'
  | 'escalation_liaison'
  | 'escalation_backup'
  | 'escalation_alternatives'
  | 'task_overdue'
  | 'coverage_at_risk'
  | 'coverage_gap'
  | 'capacity_stale'
  | 'agreement_expiring';

const ESCALATIONS = ['liaison', 'backup', 'alternatives'] as const;
const COVERAGE = ['at_risk', 'gap'] as const;

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const oneOf = <T extends string>(list: readonly T[], v: string): T | undefined =>
  (list as readonly string[]).includes(v) ? (v as T) : undefined;

export function useNotificationWords(): (n: NotificationView) => Words {
  const { t } = useTranslation();
  const transitions = useTransitionLabels();
  const partnerships = usePartnershipLabels();
  const words = (key: Kind, params: Record<string, string | number> = {}): Words => ({
    title: t(`followup.notifications.kinds.${key}.title`, params),
    body: t(`followup.notifications.kinds.${key}.body`, params),
  });

  const worded = (n: NotificationView): Words | undefined => {
    const p = n.params;
    const [area, detail = ''] = n.kind.split(/\.(.*)/s);
    if (area === 'referral' && detail.startsWith('escalation.')) {
      const level = oneOf(ESCALATIONS, detail.slice('escalation.'.length));
      return level ? words(`escalation_${level}`) : undefined;
    }
    if (area === 'referral') {
      const status = str(p.status);
      const reference = str(p.reference);
      return status && reference
        ? words('referral', { status: transitions.referralStatus(status), reference })
        : undefined;
    }
    if (n.kind === 'task.overdue') {
      const task = str(p.task);
      return task ? words('task_overdue', { task }) : undefined;
    }
    if (area === 'transition') {
      const state = oneOf(COVERAGE, detail);
      return state ? words(`coverage_${state}`) : undefined;
    }
    if (n.kind === 'service.capacity_stale') {
      const service = str(p.service);
      const days = num(p.days);
      return service && days !== undefined ? words('capacity_stale', { service, count: days }) : undefined;
    }
    if (n.kind === 'partnership.agreement_expiring') {
      const [agreement, kind, hospital, partner, expiresOn] = [
        str(p.agreement),
        str(p.agreementKind),
        str(p.hospital),
        str(p.partner),
        str(p.expiresOn),
      ];
      const daysLeft = num(p.daysLeft);
      if (!agreement || !kind || !hospital || !partner || !expiresOn || daysLeft === undefined)
        return undefined;
      return words('agreement_expiring', {
        agreement,
        kind: partnerships.agreementKind(kind),
        hospital,
        partner,
        date: partnerships.day(expiresOn),
        expiry: partnerships.expiry(daysLeft),
      });
    }
    return undefined;
  };

  return (n) => worded(n) ?? { title: n.title, body: n.body };
}
