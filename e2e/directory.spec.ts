/**
 * Directory journeys: a partner reports its capacity with one click and navigators see it at once; a
 * navigator finds services for a patient on methadone who needs housing, and sees in plain words why a
 * recovery house that refuses methadone is ruled out.
 */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import {
  acceptsAnyMoud,
  conflictingResults,
  DOWNTOWN_ZIP,
  firstObotService,
  fittingResults,
  refusesMethadone,
  resultCard,
  searchForNeed,
} from './support/directory.ts';
import { expect, signIn, signOut, test } from './support/fixtures.ts';

test('a partner reports "Not accepting" and a navigator sees it in the next search', async ({ page }) => {
  test.setTimeout(120_000);
  const service = firstObotService;

  // The intake coordinator opens one of her organization's services from the Browse tab.
  await signIn(page, users.intake.email, DEMO_PASSWORD);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Directory', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  await page.getByRole('tab', { name: 'Browse services' }).click();
  await page.getByLabel('Search by name, organization or city').fill(service.organization);
  const table = page.getByRole('table', { name: 'Services' });
  await table.getByRole('link', { name: service.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
  const capacity = page.getByTestId('service-capacity');
  await expect(capacity.getByTestId('capacity-badge')).toHaveText(/^Accepting/);
  await expectAccessible(page, 'service page (own organization)');

  // One click.
  const buttons = page.getByRole('group', { name: 'Update capacity' });
  await buttons.getByRole('button', { name: 'Not accepting', exact: true }).click();
  await expect(capacity.getByTestId('capacity-badge')).toHaveText('Not accepting (updated today)');
  await expect(buttons.getByRole('button', { name: 'Not accepting', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(capacity).toContainText('Reported by you');
  await signOut(page);

  // A hospital navigator searches for a buprenorphine start near downtown.
  await signIn(page, users.navigator.email, DEMO_PASSWORD);
  await page.goto('/directory');
  await searchForNeed(page, { medication: 'Buprenorphine', phase: 'Start', zip: DOWNTOWN_ZIP });
  await expect(fittingResults(page).getByRole('article').first()).toBeVisible();
  await expect(resultCard(fittingResults(page), service.name)).toHaveCount(0);

  // With conflicts included, the service is listed apart, not accepting, with the reason in words.
  await searchForNeed(page, { includeConflicts: true });
  const card = resultCard(conflictingResults(page), service.name);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('capacity-badge')).toHaveText('Not accepting (updated today)');
  await expect(card.getByTestId('reasons-conflict')).toContainText(
    'Not accepting new patients (reported today)',
  );
  await expectAccessible(page, 'directory results with conflicts');

  // The navigator sees the service but may not report its capacity.
  await card.getByRole('link', { name: service.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
  await expect(page.getByTestId('service-capacity').getByTestId('capacity-badge')).toHaveText(
    'Not accepting (updated today)',
  );
  await expect(page.getByRole('group', { name: 'Update capacity' })).toHaveCount(0);
});

test('a navigator finds housing for a patient on methadone and sees why one house is ruled out', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, users.navigator.email, DEMO_PASSWORD);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Directory', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  await expectAccessible(page, 'directory (find a service)');

  await searchForNeed(page, {
    medication: 'Methadone',
    phase: 'Continue',
    zip: DOWNTOWN_ZIP,
    otherNeeds: ['Housing'],
  });
  const fitting = fittingResults(page);
  const friendly = resultCard(fitting, acceptsAnyMoud.name);
  await expect(friendly).toBeVisible();
  await expect(friendly.getByTestId('reasons-fit')).toContainText('Offers recovery housing');
  await expect(friendly.getByTestId('reasons-fit')).toContainText(
    'Accepts people currently taking methadone',
  );
  await expect(fitting.getByRole('article').filter({ hasText: 'Continues methadone' }).first()).toBeVisible();
  await expect(resultCard(fitting, refusesMethadone.name)).toHaveCount(0);
  await expect(conflictingResults(page)).toHaveCount(0);

  await searchForNeed(page, { includeConflicts: true });
  const refusing = resultCard(conflictingResults(page), refusesMethadone.name);
  await expect(refusing).toBeVisible();
  await expect(refusing.getByTestId('reasons-conflict')).toContainText(
    'Does not accept patients on methadone',
  );
  await expect(resultCard(fittingResults(page), acceptsAnyMoud.name)).toBeVisible();
  await expectAccessible(page, 'directory results (methadone and housing)');

  // The house's own page states its medication policy.
  await refusing.getByRole('link', { name: refusesMethadone.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: refusesMethadone.name })).toBeVisible();
  const policy = page.getByRole('table', { name: 'Medication policy' });
  await expect(policy.getByRole('row', { name: /^Methadone/ })).toContainText('No');
  await expectAccessible(page, 'service page');

  // Browse: filter by kind.
  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await page.getByRole('tab', { name: 'Browse services' }).click();
  await page.getByLabel('Kind of service').selectOption({ label: 'Recovery housing' });
  const table = page.getByRole('table', { name: 'Services' });
  await expect(table.getByRole('link', { name: refusesMethadone.name, exact: true })).toBeVisible();
  await expect(table.getByRole('link', { name: acceptsAnyMoud.name, exact: true })).toBeVisible();
  await expectAccessible(page, 'directory (browse)');
});
