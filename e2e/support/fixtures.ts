/**
 * The test object every journey imports: Playwright's, with `baseURL` taken from the server the
 * global setup started, plus small helpers to sign in and out through the UI.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { ENV, fromEnv } from './environment.ts';

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(fromEnv(ENV.baseUrl));
  },
});

export { expect };

export const serverUrl = (): string => fromEnv(ENV.baseUrl);

/** Signs in through the login page and waits for the home page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
}

/** Signs out through the user menu and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}
