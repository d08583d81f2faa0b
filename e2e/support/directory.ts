/**
 * Directory journey helpers: the demo services the journeys rely on (the fixed ones of
 * `server/src/domain/demo/services.ts`, found by their organization), and the need form and results of
 * the Directory › Find a service page.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { generateDemoNetwork } from '../../server/src/domain/demo/generate-demo-network.ts';
import { generateDemoServices } from '../../server/src/domain/demo/services.ts';

const demo = generateDemoNetwork(1);
// Names and owners do not depend on the time; capacity does, and the journeys never read it from here.
const services = generateDemoServices(demo, new Date());

export interface DemoServiceRef {
  name: string;
  organization: string;
}

function firstServiceOf(
  organization: { id: string; name: string } | undefined,
  what: string,
): DemoServiceRef {
  const service = organization && services.find((s) => s.organizationId === organization.id);
  if (!organization || !service) throw new Error(`The demo network has no service for ${what}`);
  return { name: service.name, organization: organization.name };
}

const bySlug = (slug: string) => demo.organizations.find((o) => o.slug === slug);

/** The first OBOT's first service (Ohio City Recovery Medicine): where the intake login works. */
export const firstObotService = firstServiceOf(
  demo.organizations.find((o) => o.kind === 'cbo' && o.cboSubtype === 'obot'),
  'the first OBOT',
);

/** A recovery house that does not accept people on methadone. */
export const refusesMethadone = firstServiceOf(
  bySlug('fresh-start-residences'),
  'Fresh Start Recovery Residences',
);

/** A recovery house that accepts people on any MOUD. */
export const acceptsAnyMoud = firstServiceOf(bySlug('cedar-house-recovery'), 'Cedar House Recovery Living');

/** A ZIP code near downtown Cleveland, where the demo network is. */
export const DOWNTOWN_ZIP = '44113';

export interface NeedInput {
  medication?: 'Buprenorphine' | 'Methadone' | 'Extended-release naltrexone';
  phase?: 'Start' | 'Continue';
  zip?: string;
  otherNeeds?: string[];
  includeConflicts?: boolean;
}

/** Fills the need form of the Find a service tab (English) and searches. */
export async function searchForNeed(page: Page, need: NeedInput): Promise<void> {
  const form = page.getByRole('form', { name: "The patient's need" });
  if (need.medication)
    await form.getByLabel('Medication', { exact: true }).selectOption({ label: need.medication });
  if (need.phase) await form.getByLabel('Medication phase').selectOption({ label: need.phase });
  if (need.zip !== undefined) await form.getByLabel('Home ZIP code').fill(need.zip);
  for (const other of need.otherNeeds ?? [])
    await form.getByRole('checkbox', { name: other, exact: true }).check();
  const conflicts = form.getByRole('switch', { name: 'Include services with conflicts' });
  if (need.includeConflicts) await conflicts.check();
  else await conflicts.uncheck();
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('match-summary')).toBeVisible();
}

/** The list of services that fit (no conflicts). */
export const fittingResults = (page: Page): Locator =>
  page.getByRole('list', { name: 'Results', exact: true });

/** The list of services shown with their conflicts (only when asked for). */
export const conflictingResults = (page: Page): Locator =>
  page.getByRole('list', { name: 'Services with conflicts', exact: true });

/** One service's result card within a list. */
export const resultCard = (list: Locator, serviceName: string): Locator =>
  list.getByRole('article', { name: serviceName, exact: true });
