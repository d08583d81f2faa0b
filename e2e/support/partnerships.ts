/**
 * Partnership journey helpers: the organizations of the well-known logins (the pair the demo seed
 * leaves free), a person of an unrelated organization, calendar days in the network's time zone, and
 * the convener's overview counts.
 */
import { expect, type Page } from '@playwright/test';
import { generateDemoNetwork } from '../../server/src/domain/demo/generate-demo-network.ts';
import { WELL_KNOWN_LOGINS } from '../../server/src/domain/demo/well-known-logins.ts';

const demo = generateDemoNetwork(1);
const wellKnown = new Set<string>(WELL_KNOWN_LOGINS.map((l) => l.email));

const organizationOf = (email: string) => {
  const login = demo.logins.find((l) => l.email === email);
  if (!login) throw new Error(`${email} is not a well-known demo login`);
  return { id: login.organizationId, name: login.organization };
};

/** The first hospital (admin.hospital@…) and the first OBOT (admin.cbo@…): no demo partnership joins them. */
export const hospital = organizationOf('admin.hospital@demo.handoff.test');
export const cbo = organizationOf('admin.cbo@demo.handoff.test');

/**
 * A generated person with one membership, at an organization that is neither of the pair (and not the
 * convener's): a peer specialist, a role no other journey signs in as.
 */
export const unrelatedPerson = (() => {
  const skip = new Set([hospital.id, cbo.id, ...demo.logins.map((l) => l.organizationId)]);
  for (const user of demo.users) {
    if (wellKnown.has(user.email)) continue;
    const ms = demo.memberships.filter((m) => m.userId === user.id);
    const only = ms[0];
    if (ms.length !== 1 || !only || only.roles.join('+') !== 'peer_specialist') continue;
    if (skip.has(only.organizationId)) continue;
    return { email: user.email, displayName: user.displayName };
  }
  throw new Error('The demo network has no peer specialist at an unrelated organization');
})();

/** The calendar day `offset` days from today in the network's time zone (agreements and due dates are local days). */
export function networkDay(offset = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: demo.network.timezone }).format(now);
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** The quarter (`2026-Q4`) the browser's local date falls in (the self-assessment form's heading). */
export function localQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

export interface OverviewCounts {
  partnerships: number;
  agreementsExpiring: number;
  actionItemsOpen: number;
}

/** Reads the convener's "Network overview" counts from the Partnerships page. */
export async function readOverview(page: Page): Promise<OverviewCounts> {
  await page.goto('/partnerships');
  const overview = page.getByRole('region', { name: 'Network overview' });
  await expect(overview).toBeVisible();
  const count = async (testId: string) => {
    const cell = overview.getByTestId(testId);
    await expect(cell).toHaveText(/^\d[\d,]*$/);
    return Number((await cell.textContent())?.replace(/,/g, ''));
  };
  return {
    partnerships: await count('overview-partnerships-total'),
    agreementsExpiring: await count('overview-agreements-expiring'),
    actionItemsOpen: await count('overview-action-items-open'),
  };
}

/**
 * Closes the toasts a save shows, so axe does not judge their fade-in (half-transparent text fails the
 * contrast check while it animates).
 */
export async function closeNotifications(page: Page): Promise<void> {
  const toasts = page.locator('.mantine-Notification-root');
  // A toast may still be arriving while the others close: close until none is left.
  await expect(async () => {
    for (const toast of await toasts.all()) {
      await toast
        .getByRole('button', { name: 'Close' })
        .click({ timeout: 1_000 })
        .catch(() => undefined);
    }
    await expect(toasts).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
