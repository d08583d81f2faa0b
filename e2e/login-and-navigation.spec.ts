/**
 * Journey 1: sign in, see the home page, visit every area, sign out; a wrong password is refused
 * with a message; the whole sign-in works with the keyboard alone.
 */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, organizationsOf, users } from './support/demo-users.ts';
import { expect, signIn, signOut, test } from './support/fixtures.ts';
import { tabTo } from './support/keyboard.ts';

const COMING_SOON = ['Outcomes'];

test('sign in, visit every area, sign out', async ({ page }) => {
  test.setTimeout(180_000); // fifteen pages, each checked with axe
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'login');

  const ownName = organizationsOf(users.hospitalAdmin.email)[0] ?? '';
  await signIn(page, users.hospitalAdmin.email, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Welcome, ${users.hospitalAdmin.displayName}`,
  );
  const active = page.getByTestId('active-organization');
  await expect(active).toContainText('Organization administrator');
  await expect(active).toContainText(ownName);
  await expect(active).toContainText('Hospital');
  await expectAccessible(page, 'home');

  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const area of COMING_SOON) {
    await nav.getByRole('link', { name: area, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible();
    await expect(page.getByText('Coming soon', { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(`${area} · Handoff`);
    await expectAccessible(page, area);
  }

  await nav.getByRole('link', { name: 'Admin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expectAccessible(page, 'admin home');

  await page.getByRole('link', { name: 'Organizations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Organizations' }).getByRole('row')).not.toHaveCount(1);
  await expectAccessible(page, 'organizations');

  await nav.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('main').getByRole('link', { name: ownName }).click();
  await expect(page.getByRole('heading', { level: 1, name: ownName })).toBeVisible();
  await expectAccessible(page, 'organization details');
  for (const tab of ['Sites', 'Members', 'Invitations', 'API tokens']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expectAccessible(page, `organization ${tab}`);
  }
  await page.getByRole('tab', { name: 'Members' }).click();
  await expect(page.getByRole('cell', { name: users.hospitalAdmin.email })).toBeVisible();

  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  // The account menu closes with a transition; scanning while its dropdown is still in the page flags it.
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expectAccessible(page, 'account');

  await nav.getByRole('link', { name: 'Home', exact: true }).click();
  await signOut(page);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(users.wrongPasswordPerson.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-right-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The e-mail address or password is not correct.');
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page, 'login with error');
});

test('repeated wrong passwords pause sign-in and say for how long', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(users.lockedOutPerson.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-right-password');
  const submit = page.getByRole('button', { name: 'Sign in' });
  const paused = page.getByRole('alert').filter({ hasText: 'Sign-in is paused' });
  for (let attempt = 0; attempt < 10 && !(await paused.isVisible()); attempt++) {
    await submit.click();
    await expect(submit).toBeEnabled();
    await expect(page.getByRole('alert').first()).toBeVisible();
  }
  await expect(paused).toContainText(/Try again in \d+ (second|minute|hour)s?\./);
  await expectAccessible(page, 'login locked');
});

test('signing in with the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const email = page.getByLabel('E-mail address');
  await tabTo(page, email);
  await page.keyboard.type(users.hospitalManager.email);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: `Welcome, ${users.hospitalManager.displayName}` }),
  ).toBeVisible();

  // The skip link moves focus to the main region; the navigation is reachable by Tab.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  const directory = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' });
  await tabTo(page, directory, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
});
