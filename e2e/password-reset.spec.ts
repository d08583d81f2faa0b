/** Journey 6: forgot password → e-mail with a link → choose a new password → sign in with it. */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, signOut, test } from './support/fixtures.ts';
import { linkIn, waitForMail } from './support/mailbox.ts';

test('reset a forgotten password by e-mail', async ({ page }) => {
  const person = users.resetPerson;
  const newPassword = 'correct horse battery staple 7';
  const since = new Date().toISOString();

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await expectAccessible(page, 'forgot password');
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that address')).toBeVisible();

  const mail = await waitForMail(person.email, { since });
  const link = linkIn(mail, '/reset-password/');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(page, 'reset password');

  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill('something else entirely');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('The two passwords do not match.')).toBeVisible();
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(
    page.getByText('Your password has been changed. Sign in with the new password.'),
  ).toBeVisible();

  await signIn(page, person.email, newPassword);
  await signOut(page);

  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The e-mail address or password is not correct.');
});
