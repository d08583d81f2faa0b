/**
 * §2.24(b)(1): an intermediary answers a patient's written request for its list of disclosures within 30
 * days of receipt. The due date is the received day plus 30 calendar days (1 March → 31 March, P16).
 */
export const LIST_REQUEST_DAYS = 30;

export function listRequestDueOn(receivedOn: string): string {
  const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + LIST_REQUEST_DAYS)).toISOString().slice(0, 10);
}

/** Open and past its due day (the due day itself is still on time). */
export const listRequestOverdue = (dueOn: string, today: string, fulfilled: boolean) =>
  !fulfilled && today > dueOn;
