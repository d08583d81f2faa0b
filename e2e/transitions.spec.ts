/**
 * Transitions: the hospital navigator starts a transition for a freshly registered patient (buprenorphine
 * film 16 mg daily, last dose now, a 7-day bridge prescription, discharged now), finds the well-known OBOT
 * in the directory and refers the patient — refused until a consent names the clinic, recorded through the
 * consent wizard the refusal links to. The clinic's intake worker, in another browser, accepts the referral
 * from the inbox and books the first visit on day 9 at 10:00: the navigator's worklist flags the coverage
 * gap (the bridge ends at midnight starting day 7: 58 hours). Moving the visit to day 5 clears the flag;
 * both sides write in the thread and see each other's read receipts; the intake worker reports the visit
 * attended and the navigator's transition shows "Linked". Every page is scanned with axe.
 */
import type { Locator, Page } from '@playwright/test';
import { moveLabelKey } from '../web/src/pages/transitions/move-label-key.ts';
import { MOVES } from '../server/src/domain/transitions/referral-states.ts';
import {
  BRIDGE_KINDS,
  CANCEL_REASONS,
  CARE_NEEDS,
  DECLINE_REASONS,
  DISPOSITIONS,
  ENCOUNTER_TYPES,
  FAILURE_REASONS,
  FORMULATIONS,
  MEDICATIONS,
  OUD_IDENTIFIED_BY,
  REFERRAL_STATUSES,
  TRANSITION_STATUSES,
  URGENCIES,
} from '../server/src/domain/transitions/vocabulary.ts';
import { expectAccessible } from './support/accessibility.ts';
import { areaStrings } from './support/bundles.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { closeNotifications } from './support/partnerships.ts';
import { navigatorOrganization, networkTimezone } from './support/patients.ts';
import {
  addDays,
  freshPatient,
  hoursBetween,
  networkInstant,
  networkLocalInput,
  obotService,
  recordConsentNaming,
  registerPatient,
} from './support/transitions.ts';

/** Picks the OBOT's service in the referral form and sends the referral. */
async function referToObot(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Refer to a partner service' });
  await form.getByLabel('Search services').fill(obotService.name);
  await form.getByRole('radio', { name: obotService.name, exact: true }).check();
  await form.getByRole('button', { name: 'Send referral' }).click();
}

/** The inbox row of the patient, newest referrals first. */
async function inboxRow(page: Page, patientName: string): Promise<Locator> {
  await page.goto('/referrals?sort=sent');
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  await expect(page.getByTestId('inbox')).toHaveAttribute('data-state', 'loaded');
  return page
    .getByRole('table', { name: 'Referrals to your organization' })
    .getByRole('row')
    .filter({ hasText: patientName });
}

/** Opens the row's menu and picks a move. */
async function rowMove(page: Page, row: Locator, patientName: string, move: string): Promise<void> {
  await row.getByRole('button', { name: `Actions for ${patientName}` }).click();
  await page.getByRole('menuitem', { name: move }).click();
}

/** The navigator's worklist row of the patient (searched by family name). */
async function worklistRow(page: Page, family: string, patientName: string): Promise<Locator> {
  await page.goto(`/transitions?q=${encodeURIComponent(family)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Transitions' })).toBeVisible();
  await expect(page.getByTestId('worklist')).toHaveAttribute('data-state', 'loaded');
  return page.getByRole('table', { name: 'Transitions' }).getByRole('row').filter({ hasText: patientName });
}

test('a navigator hands a patient over to an OBOT and the gap clock follows the booking until the visit', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const patient = freshPatient();

  // The navigator registers the patient and starts the transition from the patient's page.
  const navigatorContext = await browser.newContext({ timezoneId: networkTimezone });
  const nav = await navigatorContext.newPage();
  await signIn(nav, users.navigator.email, DEMO_PASSWORD);
  await registerPatient(nav, patient);
  await closeNotifications(nav);
  await nav.getByRole('link', { name: 'Start transition' }).click();
  await expect(
    nav.getByRole('heading', { level: 1, name: `Start a transition for ${patient.name}` }),
  ).toBeVisible();

  const now = new Date();
  const discharged = networkLocalInput(now);
  await nav
    .getByRole('textbox', { name: 'Arrived or admitted', exact: true })
    .fill(networkLocalInput(new Date(now.getTime() - 20 * 3_600_000)));
  await nav.getByRole('textbox', { name: 'Discharged', exact: true }).fill(discharged);
  await nav.getByRole('combobox', { name: 'Discharged to', exact: true }).selectOption('home');
  await expect(nav.getByRole('combobox', { name: 'Medication', exact: true })).toHaveValue('buprenorphine');
  await nav.getByRole('combobox', { name: 'Formulation', exact: true }).selectOption('sublingual_film');
  await nav.getByRole('textbox', { name: 'Dose', exact: true }).fill('16 mg daily');
  await nav.getByRole('textbox', { name: 'Last dose in hospital', exact: true }).fill(discharged);
  await nav.getByRole('combobox', { name: 'Bridge supply', exact: true }).selectOption('prescription');
  await nav.getByRole('textbox', { name: 'Days supplied' }).fill('7');
  await expect(nav.getByLabel('Naloxone given to the patient')).toBeChecked();
  await expectAccessible(nav, 'new transition');
  await nav.getByRole('button', { name: 'Save transition' }).click();

  await expect(nav.getByRole('heading', { level: 1, name: `Transition: ${patient.name}` })).toBeVisible();
  const transitionPath = new URL(nav.url()).pathname;
  expect(transitionPath).toMatch(/^\/transitions\/[0-9a-f-]{36}$/);
  await expect(nav.getByTestId('transition-status')).toHaveAttribute('data-status', 'open');
  await expect(nav.getByTestId('gap-clock')).toHaveAttribute('data-state', 'pending');
  await expect(nav.getByRole('link', { name: 'Patient letter (English)' })).toHaveAttribute(
    'href',
    /\/packet\.pdf\?audience=patient&lang=en$/,
  );
  await closeNotifications(nav);
  await expectAccessible(nav, 'transition page');

  // No consent names the clinic yet: the referral is refused, with the way to record one.
  await referToObot(nav);
  const noConsent = nav.getByTestId('no-consent');
  await expect(noConsent).toContainText(`with ${obotService.organization}`);
  await expectAccessible(nav, 'referral refused for want of consent');
  await noConsent.getByRole('link', { name: `Record a consent for ${patient.name}` }).click();
  await recordConsentNaming(nav, obotService.organization, patient.name);

  await nav.goto(transitionPath);
  await referToObot(nav);
  const referrals = nav.getByRole('table', { name: 'Referrals of this transition' });
  const referralRow = referrals.getByRole('row').filter({ hasText: obotService.organization });
  await expect(referralRow.getByTestId('referral-status')).toHaveText('Sent');
  await closeNotifications(nav);
  await expectAccessible(nav, 'transition page with a referral');

  // The clinic's intake worker accepts it from the inbox and books day 9 at 10:00.
  const clinicContext = await browser.newContext({ timezoneId: networkTimezone });
  const clinic = await clinicContext.newPage();
  await signIn(clinic, users.intake.email, DEMO_PASSWORD);
  await clinic.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  const row = await inboxRow(clinic, patient.name);
  await expect(row.getByTestId('referral-status')).toHaveText('Sent');
  await expect(row).toContainText(navigatorOrganization.name);
  await expectAccessible(clinic, 'inbox');
  await rowMove(clinic, row, patient.name, 'Accept');
  await expect(row.getByTestId('referral-status')).toHaveText('Accepted');
  await closeNotifications(clinic);

  const day = discharged.slice(0, 10);
  const coverageEnd = networkInstant(`${addDays(day, 7)}T00:00`);
  const late = `${addDays(day, 9)}T10:00`;
  const gapHours = hoursBetween(coverageEnd, networkInstant(late));
  // 2 days and 10 hours: 58 h, unless a daylight-saving change falls in between.
  expect(Math.abs(gapHours - 58)).toBeLessThanOrEqual(1);

  await rowMove(clinic, row, patient.name, 'Book appointment');
  let dialog = clinic.getByRole('dialog', { name: 'Book appointment' });
  await dialog.getByRole('textbox', { name: 'Date and time' }).fill(late);
  await dialog.getByLabel('Place (optional)').fill('Front desk, second floor');
  await expectAccessible(clinic, 'book appointment dialog');
  await dialog.getByRole('button', { name: 'Book appointment' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId('referral-status')).toHaveText('Appointment booked');
  await expect(row.getByTestId('gap-badge')).toHaveAttribute('data-state', 'gap');
  await closeNotifications(clinic);

  // The navigator's worklist flags the gap: the bridge runs out 58 hours before the visit.
  let workRow = await worklistRow(nav, patient.family, patient.name);
  await expect(workRow.getByTestId('gap-badge')).toHaveAttribute('data-flagged', 'true');
  await expect(workRow.getByTestId('gap-badge')).toHaveText(`Gap: ${gapHours} h (2 days)`);
  await expect(workRow).toContainText(`${gapHours} h`);
  await expectAccessible(nav, 'worklist with a gap');

  // The clinic moves the visit to day 5: covered.
  await rowMove(clinic, row, patient.name, 'Change appointment');
  dialog = clinic.getByRole('dialog', { name: 'Change appointment' });
  await dialog.getByRole('textbox', { name: 'Date and time' }).fill(`${addDays(day, 5)}T10:00`);
  await dialog.getByRole('button', { name: 'Change appointment' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId('gap-badge')).toHaveAttribute('data-state', 'covered');
  await closeNotifications(clinic);

  workRow = await worklistRow(nav, patient.family, patient.name);
  await expect(workRow.getByTestId('gap-badge')).toHaveAttribute('data-state', 'covered');
  await expect(workRow.getByTestId('gap-badge')).toHaveAttribute('data-flagged', 'false');
  await expect(workRow.getByTestId('gap-badge')).toHaveText('Covered');

  // The thread: one message from each side, each read by the other.
  await workRow.getByRole('link', { name: patient.name }).click();
  await nav
    .getByRole('table', { name: 'Referrals of this transition' })
    .getByRole('link', { name: obotService.organization, exact: true })
    .click();
  await expect(
    nav.getByRole('heading', {
      level: 1,
      name: `Referral of ${patient.name} to ${obotService.organization}`,
    }),
  ).toBeVisible();
  const fromHospital = 'She prefers morning visits; her phone is the only one to call.';
  await nav.getByLabel('Message', { exact: true }).fill(fromHospital);
  await nav.getByRole('button', { name: 'Send message' }).click();
  await expect(nav.getByTestId('message-body').filter({ hasText: fromHospital })).toBeVisible();
  await expectAccessible(nav, 'referral page (sender)');

  await (await inboxRow(clinic, patient.name)).getByRole('link', { name: patient.name }).click();
  await expect(clinic.getByTestId('disclosure-banner')).toBeVisible();
  await expect(clinic.getByTestId('packet')).toContainText('16 mg daily');
  const hospitalMessage = clinic.getByTestId('message').filter({ hasText: fromHospital });
  await expect(hospitalMessage).toBeVisible();
  const fromClinic = 'Thank you. We will call her the day before.';
  await clinic.getByLabel('Message', { exact: true }).fill(fromClinic);
  await clinic.getByRole('button', { name: 'Send message' }).click();
  await expect(clinic.getByTestId('message-body').filter({ hasText: fromClinic })).toBeVisible();
  await expectAccessible(clinic, 'referral page (receiver)');

  await nav.reload();
  await expect(nav.getByTestId('message').filter({ hasText: fromClinic })).toBeVisible();
  await expect(
    nav.getByTestId('message').filter({ hasText: fromHospital }).getByTestId('read-receipts'),
  ).toContainText(`Read by ${users.intake.displayName}`);
  await clinic.reload();
  await expect(
    clinic.getByTestId('message').filter({ hasText: fromClinic }).getByTestId('read-receipts'),
  ).toContainText(`Read by ${users.navigator.displayName}`);

  // The patient comes to the visit; the navigator's transition is linked.
  await clinic.getByRole('button', { name: 'Mark attended' }).click();
  await expect(clinic.getByRole('main').getByTestId('referral-status').first()).toHaveText('Attended');
  await closeNotifications(clinic);
  await expectAccessible(clinic, 'referral attended');

  await nav.goto(transitionPath);
  await expect(nav.getByTestId('transition-status')).toHaveAttribute('data-status', 'linked');
  await expect(nav.getByTestId('transition-status')).toHaveText('Linked');
  await expect(nav.getByTestId('gap-clock')).toHaveAttribute('data-state', 'linked');
  await expectAccessible(nav, 'transition linked');

  // The handoff letters: for the patient in English and Spanish, and for the clinic.
  for (const name of [
    'Patient letter (English)',
    'Patient letter (Español)',
    `Letter for ${obotService.organization}`,
  ]) {
    const letter = await nav.request.get((await nav.getByRole('link', { name }).getAttribute('href')) ?? '');
    expect(letter.status(), name).toBe(200);
    expect(letter.headers()['content-type'], name).toContain('application/pdf');
  }

  await clinicContext.close();
  await navigatorContext.close();
});

/** Every state of the coverage-gap clock (`server/src/domain/transitions/gap-clock.ts`). */
const GAP_STATES = ['linked', 'gap', 'at_risk', 'covered', 'pending', 'no_plan'] as const;

test('the transitions area speaks English and Spanish alike, and labels every code and move', () => {
  const en = areaStrings('en', 'transitions');
  const es = areaStrings('es', 'transitions');
  const onlyEn = [...en.keys()].filter((k) => !es.has(k));
  const onlyEs = [...es.keys()].filter((k) => !en.has(k));
  expect({ onlyEn, onlyEs }).toEqual({ onlyEn: [], onlyEs: [] });
  expect([...en, ...es].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  const vocab: [string, readonly string[]][] = [
    ['vocab.status', TRANSITION_STATUSES],
    ['vocab.gapState', GAP_STATES],
    ['vocab.encounterType', ENCOUNTER_TYPES],
    ['vocab.oudIdentifiedBy', OUD_IDENTIFIED_BY],
    ['vocab.disposition', DISPOSITIONS],
    ['vocab.medication', MEDICATIONS],
    ['vocab.formulation', FORMULATIONS],
    ['vocab.bridgeKind', BRIDGE_KINDS],
    ['vocab.referralStatus', REFERRAL_STATUSES],
    ['vocab.urgency', URGENCIES],
    ['vocab.careNeed', CARE_NEEDS],
    ['vocab.reason', [...DECLINE_REASONS, ...CANCEL_REASONS, ...FAILURE_REASONS]],
    ['moves', MOVES.map((m) => moveLabelKey(m.from, m.to))],
  ];
  for (const [prefix, codes] of vocab) {
    for (const code of codes) {
      expect(en.get(`${prefix}.${code}`), `en ${prefix}.${code}`).toBeTruthy();
      expect(es.get(`${prefix}.${code}`), `es ${prefix}.${code}`).toBeTruthy();
    }
  }
});
