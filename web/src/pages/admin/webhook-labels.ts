/**
 * Small rules of the webhooks tab: the event filters typed as one line (commas or spaces), the translated
 * field errors of a refused subscription, and what a delivery's status means to a person (waiting for its
 * first try or retrying after a failure, being sent, delivered, or closed unsent because its webhook was paused).
 */
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/api-error.ts';
import type { DeliveryView } from '../../api/webhooks.ts';

/** "referral.sent, task.overdue" → ["referral.sent", "task.overdue"]; empty means every event. */
export const parseEvents = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);

/** The URL field's error in the active language, when the server refused the URL. */
export function urlError(error: unknown, t: TFunction): string | undefined {
  if (!isApiError(error) || !error.errors) return undefined;
  return error.errors.some((e) => e.field === 'url' || e.field.startsWith('url.'))
    ? t('admin.webhooks.urlInvalid')
    : undefined;
}

/** The events field's errors, each naming the filter it refuses ("“Referral”: not an event type…"). */
export function eventsError(error: unknown, sent: string[], t: TFunction): string | undefined {
  if (!isApiError(error) || !error.errors) return undefined;
  const messages = error.errors.flatMap((e) => {
    const index = /^events\.(\d+)$/.exec(e.field)?.[1];
    if (index !== undefined) {
      const event = sent[Number(index)];
      return [event === undefined ? e.message : t('admin.webhooks.eventInvalid', { event })];
    }
    return e.field === 'events' ? [t('admin.webhooks.eventsInvalid')] : [];
  });
  return messages.length ? messages.join(' ') : undefined;
}

export type DeliveryState = 'waiting' | 'retrying' | 'sending' | 'delivered' | 'closed';

export const DELIVERY_COLORS: Record<DeliveryState, string> = {
  waiting: 'blue',
  retrying: 'orange',
  sending: 'blue',
  delivered: 'teal',
  closed: 'gray',
};

export function deliveryState(delivery: DeliveryView): DeliveryState {
  const last = delivery.attempts[delivery.attempts.length - 1];
  switch (delivery.status) {
    case 'delivered':
    case 'closed':
      return delivery.status;
    case 'sending':
      return 'sending';
    case 'pending':
      return last && !last.ok ? 'retrying' : 'waiting';
  }
}
