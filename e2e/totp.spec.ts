/**
 * Journey 5: turn on two-step sign-in (codes computed with otplib from the secret the page shows),
 * sign out, and sign in again, which now needs a code.
 */
import { generateSync } from 'otplib';
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signOut, test, signIn } from './support/fixtures.ts';

const STEP_SECONDS = 30;
const currentStep = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);

/** Waits until the TOTP time step is later than `step` (each code is accepted only once). */
async function waitForStepAfter(step: number): Promise<void> {
  while (currentStep() <= step) await new Promise((r) => setTimeout(r, 500));
}

test('enable TOTP, then sign in with a code', async ({ page }) => {
  test.setTimeout(120_000);
  const person = users.totpPerson;
  await signIn(page, person.email, DEMO_PASSWORD);
  await page.goto('/account');
  await expect(page.getByText('Off', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(
    page.getByRole('img', { name: 'QR code to add Handoff to your authenticator app' }),
  ).toBeVisible();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await expectAccessible(page, 'TOTP setup');

  const enabledStep = currentStep();
  await page.getByLabel('Code from the app').fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('On', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Your password (to turn it off)')).toBeVisible();
  await signOut(page);

  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Authentication code');
  await expect(code).toBeVisible();
  await expect(code).toBeFocused();
  await expectAccessible(page, 'login asking for a code');

  await waitForStepAfter(enabledStep);
  await code.fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${person.displayName}` })).toBeVisible();
});
