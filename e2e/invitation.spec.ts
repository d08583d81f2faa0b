/**
 * Journey 3: an organization admin invites a new person; the e-mail reaches the SMTP listener; the
 * person opens the link, chooses a name and password, and signs in as a member.
 */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, organizationsOf, users } from './support/demo-users.ts';
import { expect, signIn, signOut, test } from './support/fixtures.ts';
import { linkIn, waitForMail } from './support/mailbox.ts';

test('invite a new member by e-mail and sign in as them', async ({ page }) => {
  const organization = organizationsOf(users.cboAdmin.email)[0] ?? '';
  const email = `new.member.${Date.now()}@example.test`;
  const password = 'a brand new passphrase 42';
  const since = new Date().toISOString();

  await signIn(page, users.cboAdmin.email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('main').getByRole('link', { name: organization }).click();
  await page.getByRole('tab', { name: 'Invitations' }).click();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('checkbox', { name: 'Intake staff' }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`An invitation has been sent to ${email}.`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Active');
  await expectAccessible(page, 'invitations');

  const mail = await waitForMail(email, { since });
  const link = linkIn(mail, '/invite/');
  await signOut(page);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Join your team' })).toBeVisible();
  await expect(page.getByText(`${organization} invites you (${email})`)).toBeVisible();
  await expectAccessible(page, 'invitation');
  await page.getByLabel('Your name (as colleagues will see it)').fill('Robin Newcomer');
  await page.getByLabel('Choose a password').fill(password);
  await page.getByLabel('Repeat the new password').fill(password);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByText('Welcome aboard. Sign in to continue.')).toBeVisible();

  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Robin Newcomer');
  const active = page.getByTestId('active-organization');
  await expect(active).toContainText(organization);
  await expect(active).toContainText('Intake staff');
});
