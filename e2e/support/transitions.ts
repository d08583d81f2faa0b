/**
 * Transitions journey helpers: a fresh patient per run (registered through the UI), the consent wizard
 * naming one organization, a transition started for the patient and its discharge, the OBOT the
 * well-known intake worker answers for, and wall-clock times in the network's time zone — the values a
 * `datetime-local` input takes, and the instants they stand for (to compute the coverage gap the page
 * must show, whatever the daylight-saving rules).
 */
import { expect, type Page } from '@playwright/test';
import { firstObotService } from './directory.ts';
import { closeNotifications } from './partnerships.ts';
import { networkTimezone } from './patients.ts';

/** The first OBOT's service: the well-known intake worker (intake@demo.handoff.test) works there. */
export const obotService = firstObotService;

export interface FreshPatient {
  given: string;
  family: string;
  birthDate: string;
  name: string;
}

/** A name no other run or journey uses (letters only: the family name carries the run's time). */
export function freshPatient(now = Date.now()): FreshPatient {
  const letters = now
    .toString(26)
    .split('')
    .map((c) => String.fromCharCode(97 + parseInt(c, 26)))
    .join('');
  const family = `Quillane${letters.slice(-6)}`;
  return { given: 'Teodora', family, birthDate: '1991-02-23', name: `Teodora ${family}` };
}

/** Registers the patient through Patients › Register patient and waits for their page. */
export async function registerPatient(page: Page, patient: FreshPatient): Promise<string> {
  await page.goto('/patients/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Register a patient' })).toBeVisible();
  await page.getByLabel('First name').fill(patient.given);
  await page.getByLabel('Last name').fill(patient.family);
  await page.getByLabel('Date of birth').fill(patient.birthDate);
  await page.getByLabel('Sex').selectOption('female');
  await page.getByRole('group', { name: 'Phone 1' }).getByLabel('Phone number').fill('(216) 555-0173');
  await page.getByLabel('No fixed address (unhoused)').check();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: patient.name })).toBeVisible();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/**
 * Walks the consent wizard (already open) for a TPO consent naming one organization, until revoked, typed
 * signature; waits for the patient page it returns to.
 */
export async function recordConsentNaming(page: Page, organization: string, patientName: string) {
  await expect(
    page.getByRole('heading', { level: 1, name: `Record a consent for ${patientName}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 7: Who will see it' })).toBeFocused();
  await page.getByLabel('Organization', { exact: true }).selectOption({ label: organization });
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await expect(page.getByTestId('chosen-recipients')).toContainText(organization);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel("The form states the patient's right to revoke in writing").check();
  await page
    .getByLabel('The form states that the records may be redisclosed and lose Part 2 protection')
    .check();
  await page.getByLabel('The form includes the HIPAA redisclosure statement').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel("Signature: the signer's full name").fill(patientName);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Exactly who will see what' })).toBeVisible();
  await page.getByRole('button', { name: 'Save consent' }).click();
  await expect(page.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  await expect(page.getByTestId('consent-recipient').filter({ hasText: organization })).toHaveAttribute(
    'data-state',
    'active',
  );
}

/**
 * Registers the patient, records a consent naming the OBOT if asked (so a referral to it may be sent), and
 * starts a transition: buprenorphine 16 mg daily, last dose in hospital now (the network's wall clock), not
 * discharged yet. Waits for the transition's page and returns its path.
 */
export async function startTransition(
  page: Page,
  patient: FreshPatient,
  withConsent: boolean,
): Promise<string> {
  const patientPath = await registerPatient(page, patient);
  await closeNotifications(page);
  if (withConsent) {
    await page.goto(`${patientPath}/consents/new`);
    await recordConsentNaming(page, obotService.organization, patient.name);
    await closeNotifications(page);
  }
  await page.getByRole('link', { name: 'Start transition' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Start a transition for ${patient.name}` }),
  ).toBeVisible();
  const now = networkLocalInput(new Date());
  await page.getByRole('textbox', { name: 'Dose', exact: true }).fill('16 mg daily');
  await page.getByRole('textbox', { name: 'Last dose in hospital', exact: true }).fill(now);
  await page.getByRole('button', { name: 'Save transition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Transition: ${patient.name}` })).toBeVisible();
  await closeNotifications(page);
  return new URL(page.url()).pathname;
}

/** On the transition's page: records the discharge as now (the hospital's pathway makes its discharge tasks). */
export async function recordDischargeNow(page: Page): Promise<void> {
  const discharge = page.getByRole('form', { name: 'Record the discharge' });
  await discharge.getByRole('button', { name: 'Set Discharged to now' }).click();
  await discharge.getByRole('button', { name: 'Save discharge' }).click();
  await expect(page.getByText('Transition updated.')).toBeVisible();
  await closeNotifications(page);
}

/** The wall clock of an instant in the network's time zone, as a `datetime-local` value (minutes). */
export function networkLocalInput(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: networkTimezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The calendar day `days` after a `YYYY-MM-DD…` value. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The instant a wall-clock `YYYY-MM-DDTHH:mm` stands for in the network's time zone. */
export function networkInstant(local: string): Date {
  const wall = Date.parse(`${local}:00Z`);
  let guess = wall;
  // Two rounds settle the offset, also across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${networkLocalInput(new Date(guess))}:00Z`);
    guess += wall - shown;
  }
  return new Date(guess);
}

/** Hours from `from` to `to`, rounded up to whole hours (as the gap clock counts). */
export const hoursBetween = (from: Date, to: Date): number =>
  Math.ceil((to.getTime() - from.getTime()) / 3_600_000);
