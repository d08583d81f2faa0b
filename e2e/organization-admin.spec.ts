/**
 * Extra journey: an organization admin manages sites, members and invitations; the network convener
 * registers a new organization.
 */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, generatedColleaguesOf, organizationsOf, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';

test('an organization admin manages sites, members and invitations', async ({ page }) => {
  test.setTimeout(120_000);
  const organization = organizationsOf(users.cboAdmin.email)[0] ?? '';
  const colleague = generatedColleaguesOf(users.cboAdmin.email, ['clinician'])[0];
  if (!colleague) throw new Error('no generated clinician at the first OBOT');
  const site = `E2E Satellite ${Date.now()}`;

  await signIn(page, users.cboAdmin.email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('main').getByRole('link', { name: organization }).click();

  // Sites: add, then rename.
  await page.getByRole('tab', { name: 'Sites' }).click();
  await page.getByRole('button', { name: 'Add site' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add site' });
  await addDialog.getByLabel('Site name').fill(site);
  await addDialog.getByLabel('City').fill('Cleveland');
  await addDialog.getByLabel('Time zone').fill('America/New_York');
  await expectAccessible(page, 'add site dialog');
  await addDialog.getByRole('button', { name: 'Save' }).click();
  await expect(addDialog).toBeHidden();
  await page.getByRole('button', { name: `Edit site ${site}` }).click();
  const editDialog = page.getByRole('dialog', { name: `Edit site “${site}”` });
  await editDialog.getByLabel('Site name').fill(`${site} (renamed)`);
  await editDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: `${site} (renamed)`, exact: true })).toBeVisible();

  // Members: change a title, deactivate, reactivate.
  await page.getByRole('tab', { name: 'Members' }).click();
  await page.getByRole('button', { name: `Edit ${colleague.displayName}` }).click();
  const memberDialog = page.getByRole('dialog', { name: `Edit ${colleague.displayName}` });
  await memberDialog.getByLabel('Job title').fill('Medical Director');
  await expectAccessible(page, 'edit member dialog');
  await memberDialog.getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('row').filter({ hasText: colleague.email });
  await expect(row).toContainText('Medical Director');
  await row.getByRole('button', { name: `Deactivate ${colleague.displayName}` }).click();
  await page
    .getByRole('dialog', { name: 'Deactivate member' })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(row).toContainText('Inactive');
  await row.getByRole('button', { name: `Reactivate ${colleague.displayName}` }).click();
  await expect(row).not.toContainText('Inactive');

  // Invitations: invite, then revoke.
  const email = `revoke.me.${Date.now()}@example.test`;
  await page.getByRole('tab', { name: 'Invitations' }).click();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('checkbox', { name: 'Partnership liaison' }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const invitation = page.getByRole('row').filter({ hasText: email });
  await invitation.getByRole('button', { name: `Revoke invitation for ${email}` }).click();
  await page
    .getByRole('dialog', { name: 'Revoke invitation' })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await expect(invitation).toContainText('Revoked');
});

test('the network convener registers a new organization', async ({ page }) => {
  const name = `E2E Outreach Collective ${Date.now()}`;
  await signIn(page, users.convener.email, DEMO_PASSWORD);
  await page.goto('/admin/organizations');
  await page.getByRole('link', { name: 'New organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New organization' })).toBeVisible();
  await expectAccessible(page, 'new organization');
  await page.getByLabel('Name').first().fill(name);
  await expect(page.getByLabel('Short name (in addresses)')).toHaveValue(/^e2e-outreach-collective-\d+$/);
  await page.getByLabel('Kind').selectOption('cbo');
  await page.getByLabel('Type of community organization').selectOption('harm_reduction');
  await page.getByLabel('Part 2 legal status').selectOption('lawful_holder');
  await page.getByLabel('City').fill('Lakewood');
  await page.getByLabel('State').fill('OH');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('part2-legal-status')).toHaveText('Lawful holder');
});
