/**
 * Restrictions (42 CFR § 2.26, P17) and written requests for the list of disclosures (§ 2.24, P16): the
 * hospital navigator registers a patient, records an agreed restriction and ends it at the patient's
 * written request; then logs the patient's written request for the list, received two days ago, and sees
 * it due 30 days after receipt. The hospital's program manager opens Patients → Requests for the list of
 * disclosures, finds the request, marks it fulfilled, and finds it gone from the open ones and listed
 * under All as fulfilled.
 */
import { randomBytes } from 'node:crypto';
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { closeNotifications, networkDay } from './support/partnerships.ts';
import { networkTimezone, shownDay } from './support/patients.ts';

/** A family name no other run (or journey) uses: letters only, like a real one. */
const uniqueFamily = () =>
  `Halvorsen${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/** The calendar day `days` after `day` (`YYYY-MM-DD`). */
const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

test('a restriction ends at the patient’s written request, and a § 2.24 list request is fulfilled on time', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const given = 'Ingrid';
  const family = uniqueFamily();
  const patientName = `${given} ${family}`;
  const description = `Do not share my records with my health plan (${family}).`;
  const endNote = `Signed letter of ${shownDay(networkDay())} asking to end the restriction, scanned to the chart (${family}).`;
  const receivedOn = networkDay(-2);
  const dueOn = addDays(receivedOn, 30);
  const requestNote = `Letter handed in at the front desk (${family}).`;

  // The navigator of the first hospital registers the patient.
  // Dates the pages propose (today) are the browser's: work in the network's time zone, as its staff do.
  const navigatorContext = await browser.newContext({ timezoneId: networkTimezone });
  const nav = await navigatorContext.newPage();
  await signIn(nav, users.navigator.email, DEMO_PASSWORD);
  await nav.goto('/patients/new');
  await expect(nav.getByRole('heading', { level: 1, name: 'Register a patient' })).toBeVisible();
  await nav.getByLabel('First name').fill(given);
  await nav.getByLabel('Last name').fill(family);
  await nav.getByLabel('Date of birth').fill('1984-02-11');
  await nav.getByLabel('Sex').selectOption('female');
  await nav.getByRole('button', { name: 'Register patient' }).click();
  await expect(nav.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  await expect(nav).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = new URL(nav.url()).pathname;

  // An agreed restriction, recorded as the patient asked.
  const section = nav.getByRole('region', { name: 'Requests for restrictions' });
  await section.getByRole('button', { name: 'Record a request' }).click();
  const form = section.getByRole('form', { name: 'Record a request' });
  await form.getByLabel('What the patient asked').fill(description);
  await expect(form.getByLabel('Received')).toHaveValue(networkDay());
  await expect(form.getByLabel('Decision')).toHaveValue('agreed');
  await form.getByRole('button', { name: 'Record request' }).click();
  await expect(form).toHaveCount(0);
  const restrictions = section.getByRole('table', { name: 'Requests for restrictions' });
  const row = restrictions.getByRole('row').filter({ hasText: description });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Agreed');
  await expect(row.getByTestId('restriction-state')).toHaveAttribute('data-state', 'in_force');
  await closeNotifications(nav);
  await expectAccessible(nav, 'patient page (restriction in force)');

  // The patient asks in writing to end it.
  await row.getByRole('button', { name: `End restriction: ${description}` }).click();
  const dialog = nav.getByRole('dialog', { name: 'End the restriction' });
  await expect(dialog).toContainText(description);
  const basis = dialog.getByRole('radiogroup', { name: 'How the patient ended it' });
  await expect(basis.getByRole('radio')).toHaveCount(2);
  await expect(basis.getByRole('radio', { name: 'The patient agreed orally (documented)' })).toBeVisible();
  const save = dialog.getByRole('button', { name: 'End restriction' });
  await expect(save).toBeDisabled();
  await basis.getByRole('radio', { name: 'The patient asked in writing' }).check();
  await expect(save).toBeDisabled();
  await dialog.getByLabel('Note').fill(endNote);
  await expectAccessible(nav, 'end restriction dialog');
  const ended = nav.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/terminate'));
  await save.click();
  const endedResponse = await ended;
  expect(endedResponse.status()).toBe(200);
  const termination = (await endedResponse.json()) as { terminatedAt: string };
  await expect(dialog).toHaveCount(0);
  const state = row.getByTestId('restriction-state');
  await expect(state).toHaveAttribute('data-state', 'ended');
  await expect(state).toContainText('Ended');
  await expect(row.getByTestId('termination-basis')).toHaveText('The patient asked in writing');
  await expect(state).toContainText(`By ${users.navigator.displayName} on `);
  await expect(state).toContainText(
    new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: networkTimezone }).format(
      new Date(termination.terminatedAt),
    ),
  );
  await expect(row.getByTestId('termination-note')).toHaveText(endNote);
  await expect(row.getByRole('button', { name: /^End restriction/ })).toHaveCount(0);
  await closeNotifications(nav);
  await expectAccessible(nav, 'patient page (restriction ended)');

  // The patient's written request for the § 2.24 list, received two days ago.
  await nav.getByRole('link', { name: 'Open the accounting of disclosures' }).click();
  await expect(
    nav.getByRole('heading', { level: 1, name: `Accounting of disclosures: ${patientName}` }),
  ).toBeVisible();
  const requests = nav.getByRole('region', { name: 'Written requests for the list of disclosures (§ 2.24)' });
  const requestTable = requests.getByRole('table', { name: 'Requests for the list' });
  await expect(requests.getByTestId('patient-list-requests')).toHaveAttribute('data-state', 'loaded');
  await expect(requests.getByText('The patient has not asked for the list of disclosures.')).toBeVisible();
  const logForm = requests.getByRole('form', { name: 'Log a written request for the list (§2.24)' });
  const received = logForm.getByLabel('Received on');
  await expect(received).toHaveValue(networkDay());
  await expect(received).toHaveAttribute('max', networkDay());
  await received.fill(networkDay(1));
  await expect(logForm.getByText('The day cannot be in the future.')).toBeVisible();
  await expect(logForm.getByRole('button', { name: 'Log request' })).toBeDisabled();
  await received.fill(receivedOn);
  await logForm.getByLabel('Note (optional)').fill(requestNote);
  await expectAccessible(nav, 'accounting of disclosures with the list request form');
  await logForm.getByRole('button', { name: 'Log request' }).click();
  await expect(nav.getByText(`Request logged. It is due on ${shownDay(dueOn)}.`)).toBeVisible();
  const logged = requestTable.getByRole('row').filter({ hasText: requestNote });
  await expect(logged).toHaveCount(1);
  await expect(logged).toContainText(shownDay(receivedOn));
  await expect(logged).toContainText(shownDay(dueOn));
  await expect(logged).toContainText(users.navigator.displayName);
  await expect(logged.getByTestId('overdue')).toHaveCount(0);
  await expect(logged.getByTestId('request-state')).toHaveAttribute('data-state', 'open');
  await closeNotifications(nav);
  await expectAccessible(nav, 'accounting of disclosures with a list request');
  await navigatorContext.close();

  // The hospital's program manager finds it under Patients → Requests for the list of disclosures.
  const managerContext = await browser.newContext({ timezoneId: networkTimezone });
  const manager = await managerContext.newPage();
  await signIn(manager, users.hospitalManager.email, DEMO_PASSWORD);
  await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  await manager.getByRole('link', { name: 'Requests for the list of disclosures' }).click();
  await expect(manager).toHaveURL(/\/patients\/list-requests$/);
  await expect(
    manager.getByRole('heading', { level: 1, name: 'Requests for the list of disclosures' }),
  ).toBeVisible();
  const show = manager.getByRole('radiogroup', { name: 'Show' });
  await expect(show.getByRole('radio', { name: 'Open' })).toBeChecked();
  const list = manager.getByTestId('list-requests');
  await expect(list).toHaveAttribute('data-state', 'loaded');
  const table = manager.getByRole('table', { name: 'List requests' });
  const open = table.getByRole('row').filter({ hasText: patientName });
  await expect(open).toHaveCount(1);
  await expect(open.getByRole('link', { name: patientName })).toHaveAttribute('href', patientUrl);
  await expect(open).toContainText(shownDay(receivedOn));
  await expect(open).toContainText(shownDay(dueOn));
  await expect(open).toContainText(requestNote);
  await expect(open).toContainText(users.navigator.displayName);
  await expect(open.getByTestId('overdue')).toHaveCount(0);
  await expect(open.getByTestId('request-state')).toHaveAttribute('data-state', 'open');
  await expectAccessible(manager, 'list requests worklist (open)');

  // Marked fulfilled.
  await open.getByRole('button', { name: `Mark fulfilled: ${patientName}` }).click();
  const confirm = manager.getByRole('dialog', { name: 'Mark the request fulfilled' });
  await expect(confirm).toContainText(patientName);
  await expect(confirm).toContainText(shownDay(dueOn));
  await expectAccessible(manager, 'mark list request fulfilled dialog');
  await confirm.getByRole('button', { name: 'Mark fulfilled' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(list).toHaveAttribute('data-state', 'loaded');
  await expect(table.getByRole('row').filter({ hasText: patientName })).toHaveCount(0);
  await closeNotifications(manager);

  // Under All: fulfilled, by whom.
  await show.getByText('All', { exact: true }).click();
  await expect(manager).toHaveURL(/\/patients\/list-requests\?status=all$/);
  await expect(show.getByRole('radio', { name: 'All' })).toBeChecked();
  await expect(list).toHaveAttribute('data-state', 'loaded');
  const fulfilled = table.getByRole('row').filter({ hasText: patientName });
  await expect(fulfilled).toHaveCount(1);
  await expect(fulfilled.getByTestId('request-state')).toHaveAttribute('data-state', 'fulfilled');
  await expect(fulfilled.getByTestId('request-state')).toContainText('Fulfilled');
  await expect(fulfilled.getByTestId('request-state')).toContainText(
    `By ${users.hospitalManager.displayName}`,
  );
  await expect(fulfilled.getByRole('button', { name: /^Mark fulfilled/ })).toHaveCount(0);
  await expectAccessible(manager, 'list requests worklist (all)');

  await managerContext.close();
});
