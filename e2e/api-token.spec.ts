/**
 * Journey 4: create a personal API token (shown once), call the API with it as a Bearer token, revoke
 * it, and see the API refuse it.
 */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, serverUrl, signIn, test } from './support/fixtures.ts';

const callNetwork = (token: string) =>
  fetch(`${serverUrl()}/api/v1/network`, { headers: { Authorization: `Bearer ${token}` } });

test('a personal API token works until it is revoked', async ({ page }) => {
  const name = `e2e script ${Date.now()}`;
  await signIn(page, users.clinician.email, DEMO_PASSWORD);
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();

  await page.getByLabel('Token name').fill(name);
  await page.getByLabel('Valid for (days)').fill('30');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByLabel(`New token “${name}”`);
  await expect(secret).toBeVisible();
  await expect(page.getByText('This is the only time the token is shown.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expectAccessible(page, 'account with new token');
  const token = await secret.inputValue();
  expect(token.length).toBeGreaterThan(20);

  const ok = await callNetwork(token);
  expect(ok.status).toBe(200);
  const network = (await ok.json()) as { name: string };
  expect(network.name).toMatch(/Opioid Transitions Network$/);

  await page.getByRole('button', { name: 'I have stored it' }).click();
  await expect(secret).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke API token' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'revoke dialog');
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');

  const refused = await callNetwork(token);
  expect(refused.status).toBe(401);
});
