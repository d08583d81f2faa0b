/**
 * Service editing journey: a community organization's administrator edits one of its services (a
 * medication policy and the name) and sees the change on the service page; the server refuses methadone
 * start at a service that is not an opioid treatment program, and the form says why next to the grid; a
 * save over someone else's newer version is refused and the form offers to reload; a hospital navigator is offered no Edit button. The journey restores the service at the end, since
 * the journeys share one server.
 */
import { generateDemoNetwork } from '../server/src/domain/demo/generate-demo-network.ts';
import { generateDemoServices } from '../server/src/domain/demo/services.ts';
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { tabTo } from './support/keyboard.ts';
import { expect, signIn, signOut, test } from './support/fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * The first OBOT's second service (Detroit-Shoreway Office): the admin's own organization, and not one
 * the directory journeys find by name (they use its first service).
 */
const editedService = (() => {
  const demo = generateDemoNetwork(1);
  const obot = demo.organizations.find((o) => o.kind === 'cbo' && o.cboSubtype === 'obot');
  const service =
    obot && generateDemoServices(demo, new Date()).filter((s) => s.organizationId === obot.id)[1];
  if (!obot || !service) throw new Error('The demo network has no second service for the first OBOT');
  if (service.kind === 'otp') throw new Error('The journey needs a service that is not an OTP');
  return { name: service.name, organization: obot.name };
})();

const OTP_ONLY = 'only an opioid treatment program (kind otp) can start or continue methadone';

/** The methadone row of the service page's medication table: starts, continues, accepts current. */
const methadoneCells = (page: Page) =>
  page
    .getByRole('table', { name: 'Medication policy' })
    .getByRole('row', { name: /^Methadone/ })
    .getByRole('cell');

/** The service's writable fields, as `PUT /services/{id}` takes them (cf. `serviceInputOf` in the server tests). */
const WRITABLE = [
  'siteId',
  'name',
  'description',
  'kind',
  'status',
  'medications',
  'policies',
  'eligibility',
  'location',
  'timezone',
  'intakeHours',
  'holidays',
  'acknowledgement',
  'referralChannel',
  'phone',
  'email',
  'url',
];

/** Saves the service unchanged through the API, as a colleague would in another window: its version moves on. */
async function saveElsewhere(page: Page, servicePath: string): Promise<void> {
  const apiPath = `/api/v1${servicePath.replace(/^\/directory/, '')}`;
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const current = await page.request.get(apiPath);
  expect(current.status()).toBe(200);
  const view = (await current.json()) as Record<string, unknown>;
  const input = Object.fromEntries(WRITABLE.filter((k) => view[k] !== undefined).map((k) => [k, view[k]]));
  const saved = await page.request.put(apiPath, {
    data: input,
    headers: { 'If-Match': current.headers().etag ?? '', 'X-CSRF-Token': csrfToken },
  });
  expect(saved.status(), await saved.text()).toBe(200);
}

async function openEditForm(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Edit service', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
}

const staleAlert = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Someone else changed this service' });

/**
 * Makes the edit in the open form and saves it, back to the service page. The directory-import journey
 * re-imports every service on the same server, which moves a service's version on: when that lands
 * between opening the form and saving it, the form says so (412) and, as a user would, this reloads the
 * service, makes the edit again and saves again.
 */
async function editAndSave(
  page: Page,
  edit: () => Promise<void>,
  submit: () => Promise<void> = () => page.getByRole('button', { name: 'Save changes' }).click(),
): Promise<void> {
  const stale = staleAlert(page);
  const saved = page.getByRole('link', { name: 'Edit service', exact: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    await edit();
    await submit();
    await expect(saved.or(stale)).toBeVisible();
    if (await saved.isVisible()) return;
    await stale.getByRole('button', { name: 'Reload the service' }).click();
    await expect(stale).toHaveCount(0);
  }
  throw new Error('the service kept changing under the edit form');
}

test('an organization admin edits a service; the server refuses methadone start outside an OTP', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const service = editedService;
  const renamed = `${service.name} (edited)`;

  // The CBO admin opens one of the organization's services from the Browse tab.
  await signIn(page, users.cboAdmin.email, DEMO_PASSWORD);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Directory', exact: true })
    .click();
  await page.getByRole('tab', { name: 'Browse services' }).click();
  await page.getByLabel('Search by name, organization or city').fill(service.organization);
  await page
    .getByRole('table', { name: 'Services' })
    .getByRole('link', { name: service.name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
  const serviceUrl = new URL(page.url()).pathname;
  await expect(methadoneCells(page)).toHaveText(['No', 'No', 'Yes']);

  // Edit: no longer accepts people on methadone, and a new name.
  await openEditForm(page, service.name);
  await expectAccessible(page, 'service edit form');
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue(service.name);
  const acceptsMethadone = page.getByRole('checkbox', { name: 'Accepts people currently taking methadone' });
  await expect(acceptsMethadone).toBeChecked();
  await editAndSave(page, async () => {
    await name.fill(renamed);
    // The grid works from the keyboard.
    await acceptsMethadone.focus();
    if (await acceptsMethadone.isChecked()) await page.keyboard.press('Space');
    await expect(acceptsMethadone).not.toBeChecked();
  });

  // Back on the service page, with the change.
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(serviceUrl);
  await expect(methadoneCells(page)).toHaveText(['No', 'No', 'No']);

  // Starting methadone is for an OTP only: the server refuses, and the form says why, by the grid.
  await openEditForm(page, renamed);
  await page.getByRole('checkbox', { name: 'Starts methadone' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'The service was not saved' });
  await expect(summary).toContainText(`medications.methadone: ${OTP_ONLY}`);
  await expect(page.getByTestId('medications-error')).toHaveText(OTP_ONLY);
  await expect(page.getByRole('checkbox', { name: 'Starts methadone' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${renamed}` })).toBeVisible();
  await expectAccessible(page, 'service edit form (refused)');

  // Meanwhile someone else saves the service: this form's version is stale, and saving says so.
  await saveElsewhere(page, serviceUrl);
  await page.getByRole('checkbox', { name: 'Starts methadone' }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const stale = staleAlert(page);
  await expect(stale).toBeVisible();
  await stale.getByRole('button', { name: 'Reload the service' }).click();
  await expect(stale).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'The service was not saved' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Starts methadone' })).not.toBeChecked();
  await expect(acceptsMethadone).not.toBeChecked();

  // Put everything back (other journeys share this server), saving from the keyboard.
  const save = page.getByRole('button', { name: 'Save changes' });
  await editAndSave(
    page,
    async () => {
      await page.getByRole('checkbox', { name: 'Starts methadone' }).uncheck();
      await acceptsMethadone.check();
      await name.fill(service.name);
    },
    async () => {
      await tabTo(page, save, { maxPresses: 80 });
      await page.keyboard.press('Enter');
    },
  );
  await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
  await expect(methadoneCells(page)).toHaveText(['No', 'No', 'Yes']);
  await signOut(page);

  // A hospital navigator sees the service but is offered no Edit button, nor the form.
  await signIn(page, users.navigator.email, DEMO_PASSWORD);
  await page.goto(serviceUrl);
  await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit service' })).toHaveCount(0);
  await page.goto(`${serviceUrl}/edit`);
  await expect(page.getByRole('alert')).toContainText('You may not edit this service');
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
});
