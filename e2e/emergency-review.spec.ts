/**
 * Emergency access review (42 CFR § 2.51, P19): the hospital navigator registers a patient; a clinician of a
 * community clinic, treating them in an emergency without their consent, opens the record under § 2.51.
 * The hospital's program manager opens Patients → Emergency access review, finds the access with the four
 * § 2.51(c) items (recipient and facility, who disclosed, date and time, nature of the emergency), marks
 * it reviewed with a note, and finds it gone from the open ones and listed under All with the note.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { closeNotifications } from './support/partnerships.ts';
import { networkTimezone, recipient, recipientClinician } from './support/patients.ts';

/** A family name no other run (or journey) uses: letters only, like a real one. */
const uniqueFamily = () =>
  `Marchetti${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/** The date and time as the web app shows it in English, in the browser's (the network's) time zone. */
const shownDateTime = (iso: string) =>
  new Intl.DateTimeFormat('en', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: networkTimezone,
  }).format(new Date(iso));

async function registerPatient(page: Page, given: string, family: string): Promise<string> {
  await page.goto('/patients/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Register a patient' })).toBeVisible();
  await page.getByLabel('First name').fill(given);
  await page.getByLabel('Last name').fill(family);
  await page.getByLabel('Date of birth').fill('1979-09-23');
  await page.getByLabel('Sex').selectOption('male');
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${given} ${family}` })).toBeVisible();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test('a program manager reviews a medical emergency access to a patient the hospital holds', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const given = 'Teodoro';
  const family = uniqueFamily();
  const patientName = `${given} ${family}`;
  const nature = `Found unresponsive after a suspected overdose (${family}); needs the medication history.`;
  const note = `Checked with the ED (${family}): bona fide emergency, access limited to the medication list.`;

  // The navigator of the first hospital registers the patient.
  const navigatorContext = await browser.newContext({ timezoneId: networkTimezone });
  const nav = await navigatorContext.newPage();
  await signIn(nav, users.navigator.email, DEMO_PASSWORD);
  const patientUrl = await registerPatient(nav, given, family);
  await navigatorContext.close();

  // A clinician of a community clinic, treating the patient in an emergency, opens the record (§ 2.51).
  const clinicianContext = await browser.newContext({ timezoneId: networkTimezone });
  const clinician = await clinicianContext.newPage();
  await signIn(clinician, recipientClinician.email, DEMO_PASSWORD);
  await clinician.goto(patientUrl);
  await expect(clinician.getByRole('heading', { level: 1, name: 'Patient not found' })).toBeVisible();
  const emergency = clinician.getByRole('region', { name: 'Medical emergency access' });
  await expect(emergency.getByLabel('Their health care facility')).toHaveValue(recipient.name);
  await emergency.getByLabel('Nature of the emergency').fill(nature);
  await emergency.getByLabel("The patient's prior written consent cannot be obtained").check();
  const opened = clinician.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/emergency-access'),
  );
  await emergency.getByRole('button', { name: 'Open for emergency treatment' }).click();
  const openedResponse = await opened;
  expect(openedResponse.status()).toBe(201);
  const access = (await openedResponse.json()) as { at: string; expiresAt: string };
  await expect(clinician.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  await clinicianContext.close();

  // The hospital's program manager finds it under Patients → Emergency access review.
  const managerContext = await browser.newContext({ timezoneId: networkTimezone });
  const manager = await managerContext.newPage();
  await signIn(manager, users.hospitalManager.email, DEMO_PASSWORD);
  await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  await manager.getByRole('link', { name: 'Emergency access review' }).click();
  await expect(manager).toHaveURL(/\/patients\/emergency-review$/);
  await expect(manager.getByRole('heading', { level: 1, name: 'Emergency access review' })).toBeVisible();
  const show = manager.getByRole('radiogroup', { name: 'Show' });
  await expect(show.getByRole('radio', { name: 'Open' })).toBeChecked();
  const list = manager.getByTestId('emergency-accesses');
  await expect(list).toHaveAttribute('data-state', 'loaded');
  const table = manager.getByRole('table', { name: 'Emergency accesses' });
  const row = table.getByRole('row').filter({ hasText: patientName });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: patientName })).toHaveAttribute('href', patientUrl);
  await expect(row).toContainText(recipientClinician.displayName);
  await expect(row).toContainText(recipient.name);
  await expect(row).toContainText(nature);
  await expect(row).toContainText(shownDateTime(access.at));
  await expect(row).toContainText(`Until ${shownDateTime(access.expiresAt)}`);
  await expect(row.getByTestId('review-state')).toHaveAttribute('data-state', 'open');
  await expectAccessible(manager, 'emergency access review (open)');

  // Marked reviewed with a note.
  await row.getByRole('button', { name: `Mark reviewed: ${patientName}` }).click();
  const dialog = manager.getByRole('dialog', { name: 'Mark the emergency access reviewed' });
  await expect(dialog).toContainText(nature);
  await expect(dialog).toContainText(recipient.name);
  await expect(dialog.getByRole('button', { name: 'Save review' })).toBeDisabled();
  await dialog.getByLabel('Review note').fill(note);
  await expectAccessible(manager, 'emergency access review dialog');
  await dialog.getByRole('button', { name: 'Save review' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list).toHaveAttribute('data-state', 'loaded');
  await expect(table.getByRole('row').filter({ hasText: patientName })).toHaveCount(0);
  await closeNotifications(manager);

  // Under All: reviewed, by whom, with the note.
  await show.getByText('All', { exact: true }).click();
  await expect(manager).toHaveURL(/\/patients\/emergency-review\?status=all$/);
  await expect(show.getByRole('radio', { name: 'All' })).toBeChecked();
  await expect(list).toHaveAttribute('data-state', 'loaded');
  const reviewed = table.getByRole('row').filter({ hasText: patientName });
  await expect(reviewed).toHaveCount(1);
  await expect(reviewed.getByTestId('review-state')).toHaveAttribute('data-state', 'reviewed');
  await expect(reviewed.getByTestId('review-state')).toContainText('Reviewed');
  await expect(reviewed.getByTestId('review-state')).toContainText(`By ${users.hospitalManager.displayName}`);
  await expect(reviewed.getByTestId('review-note')).toHaveText(note);
  await expect(reviewed.getByRole('button', { name: /^Mark reviewed/ })).toHaveCount(0);
  await expectAccessible(manager, 'emergency access review (all)');

  // The same page in Spanish.
  await manager.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(
    manager.getByRole('heading', { level: 1, name: 'Revisión de accesos de emergencia' }),
  ).toBeVisible();
  await expect(
    manager.getByRole('radiogroup', { name: 'Mostrar' }).getByRole('radio', { name: 'Todos' }),
  ).toBeChecked();
  await expect(
    manager
      .getByRole('table', { name: 'Accesos de emergencia' })
      .getByRole('row')
      .filter({ hasText: patientName }),
  ).toContainText('Revisado');
  await expectAccessible(manager, 'emergency access review (es)');

  await managerContext.close();
});
