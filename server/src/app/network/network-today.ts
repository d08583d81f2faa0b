/** Today's date in the network's time zone: agreement expiry and due dates are local days. */
import type { Deps } from '../context.ts';
import { networkTimezone } from '../directory/write-service.ts';

/** Today's date (YYYY-MM-DD) in the network's time zone: agreement expiry and due dates are local days. */
export async function networkToday(deps: Deps, networkId: string): Promise<string> {
  const zone = await networkTimezone(deps.db, networkId);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(deps.clock.now());
}
