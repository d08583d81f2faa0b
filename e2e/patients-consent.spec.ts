/**
 * Patients and 42 CFR Part 2 consent: the hospital navigator registers a patient (and is warned when
 * registering the same name and date of birth again), records a consent for treatment, payment and
 * operations naming a community clinic — first without a signature, which the server refuses naming the
 * missing element, then signed. The clinic's intake worker, in another browser, finds the patient in the
 * Patients list and reads the page under the Part 2 notice. The navigator revokes the consent for that
 * clinic from a written request and sees the clinic's views in the accounting of disclosures; from the
 * next page load the clinic finds the patient nowhere: not in the list, and "not found" at its address.
 * Then a clinician of the clinic, treating the patient in an emergency, opens the record under § 2.51.
 */
import type { Page } from '@playwright/test';
import {
  CONSENT_ELEMENTS,
  CONSENT_PURPOSES,
  CONSENT_TYPES,
  DATA_CATEGORIES,
  SIGNATURE_METHODS,
  SIGNER_CAPACITIES,
} from '../server/src/domain/consent/vocabulary.ts';
import {
  ADMINISTRATIVE_SEXES,
  INSURANCE_KINDS,
  PHONE_USES,
} from '../server/src/domain/patients/vocabulary.ts';
import { expectAccessible } from './support/accessibility.ts';
import { areaStrings } from './support/bundles.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { closeNotifications, networkDay } from './support/partnerships.ts';
import {
  navigatorOrganization,
  networkTimezone,
  recipient,
  recipientClinician,
  recipientUser,
  shownDay,
} from './support/patients.ts';

const patient = { given: 'Rosalind', family: 'Thornquist', birthDate: '1988-04-17', mrn: 'ESMC-0042917' };
const patientName = `${patient.given} ${patient.family}`;

async function registerForm(page: Page): Promise<void> {
  await page.getByLabel('First name').fill(patient.given);
  await page.getByLabel('Last name').fill(patient.family);
  await page.getByLabel('Date of birth').fill(patient.birthDate);
  await page.getByLabel('Sex').selectOption('female');
}

test('a consent shares a patient with one clinic, and its revocation stops the sharing at once', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const expiresOn = networkDay(365);
  const sentence =
    `${recipient.name} can see identity and contact details and the substance use treatment record ` +
    `for treatment, payment, and health care operations until ${shownDay(expiresOn)}.`;

  // The navigator registers the patient.
  // Dates the pages propose (today) are the browser's: work in the network's time zone, as its staff do.
  const navigatorContext = await browser.newContext({ timezoneId: networkTimezone });
  const nav = await navigatorContext.newPage();
  await signIn(nav, users.navigator.email, DEMO_PASSWORD);
  await nav.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(nav.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  await expect(nav.getByRole('table', { name: 'Patients' })).toBeVisible();
  await expectAccessible(nav, 'patients list');

  await nav.getByRole('link', { name: 'Register patient' }).click();
  await expect(nav.getByRole('heading', { level: 1, name: 'Register a patient' })).toBeVisible();
  await registerForm(nav);
  await nav.getByLabel('Gender identity (optional)').fill('Woman');
  await nav.getByLabel('Medical record number (optional)').fill(patient.mrn);
  const phone = nav.getByRole('group', { name: 'Phone 1' });
  await phone.getByLabel('Phone number').fill('(216) 555-0142');
  await phone.getByLabel('OK to text').check();
  await nav.getByLabel('No fixed address (unhoused)').check();
  await nav.getByLabel('Preferred language').selectOption('es');
  await nav.getByLabel('Type of insurance').selectOption('medicaid');
  await nav.getByLabel('Plan or payer (optional)').fill('Buckeye Health Plan');
  await expectAccessible(nav, 'patient registration');
  await nav.getByRole('button', { name: 'Register patient' }).click();
  await expect(nav.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  await expect(nav).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = new URL(nav.url()).pathname;
  const details = nav.getByRole('table', { name: 'Patient details' });
  await expect(details).toContainText(`${patient.mrn} at ${navigatorOrganization.name}`);
  await expect(details).toContainText('No voicemail');
  await expect(details).toContainText('Texts OK');
  await expect(details).toContainText('No fixed address');
  await expect(nav.getByRole('region', { name: 'Consents' })).toContainText(
    'No consent recorded: no other organization can see this patient.',
  );

  // The same name and date of birth again: a possible duplicate, with a link to the first record.
  await nav.goto('/patients/new');
  await registerForm(nav);
  await nav.getByRole('button', { name: 'Register patient' }).click();
  const duplicates = nav.getByTestId('possible-duplicates');
  await expect(duplicates).toContainText('This patient may already be registered');
  await expect(duplicates.getByRole('button', { name: 'Register anyway' })).toBeVisible();
  await closeNotifications(nav);
  await expectAccessible(nav, 'possible duplicate');
  await duplicates.getByRole('link', { name: patientName }).click();
  await expect(nav).toHaveURL(new RegExp(`${patientUrl}$`));
  await expect(nav.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  await closeNotifications(nav);
  await expectAccessible(nav, 'patient page (holder, no consent)');

  // The consent wizard: a TPO consent naming the clinic, until a date.
  await nav.getByRole('link', { name: 'Record consent' }).click();
  await expect(
    nav.getByRole('heading', { level: 1, name: `Record a consent for ${patientName}` }),
  ).toBeVisible();
  await expect(
    nav.getByRole('radio', { name: 'Consent for treatment, payment and operations' }),
  ).toBeChecked();
  await expectAccessible(nav, 'consent wizard: kind');
  await nav.getByRole('button', { name: 'Next' }).click();
  await expect(nav.getByRole('heading', { name: 'Step 2 of 7: Who will see it' })).toBeFocused();
  await nav.getByLabel('Organization', { exact: true }).selectOption({ label: recipient.name });
  await nav.getByRole('button', { name: 'Add recipient' }).click();
  await expect(nav.getByTestId('chosen-recipients')).toContainText(recipient.name);
  await expectAccessible(nav, 'consent wizard: recipients');
  await nav.getByRole('button', { name: 'Next' }).click();
  await expect(nav.getByRole('checkbox', { name: /^Identity and contact details/ })).toBeChecked();
  await expect(nav.getByRole('checkbox', { name: /^Counseling notes/ })).toBeDisabled();
  await expect(nav.getByRole('checkbox', { name: /^Research/ })).toBeDisabled();
  await expectAccessible(nav, 'consent wizard: information and purposes');
  await nav.getByRole('button', { name: 'Next' }).click();
  await nav.getByRole('radio', { name: 'Until a date' }).check();
  await nav.getByLabel('Last day the consent is valid').fill(expiresOn);
  await expectAccessible(nav, 'consent wizard: expiry');
  await nav.getByRole('button', { name: 'Next' }).click();
  await nav.getByLabel("The form states the patient's right to revoke in writing").check();
  await nav
    .getByLabel('The form states that the records may be redisclosed and lose Part 2 protection')
    .check();
  await nav.getByLabel('The form includes the HIPAA redisclosure statement').check();
  await expectAccessible(nav, 'consent wizard: statements');
  await nav.getByRole('button', { name: 'Next' }).click();
  await expect(nav.getByRole('radio', { name: 'Typed name' })).toBeChecked();
  await nav.getByRole('button', { name: 'Next' }).click();
  await expect(nav.getByRole('heading', { name: 'Exactly who will see what' })).toBeVisible();
  await expect(nav.getByTestId('review-scope')).toHaveText(sentence);
  await expectAccessible(nav, 'consent wizard: review');

  // Saved without a signature: the server names the missing element, shown on its step.
  await nav.getByRole('button', { name: 'Save consent' }).click();
  const problems = nav.getByTestId('consent-problems');
  await expect(problems).toContainText('The consent was not saved');
  await expect(problems.locator('[data-element="signature"]')).toContainText('Signature:');
  await expect(problems.locator('[data-element]')).toHaveCount(1);
  await expect(nav.getByTestId('wizard-step-signature')).toHaveAttribute('data-problems', 'true');
  await expectAccessible(nav, 'consent wizard: missing element');
  await problems.getByRole('button', { name: 'Go to step 6 (Signature)' }).click();
  await expect(nav.getByTestId('step-problems')).toContainText('Signature:');
  await nav.getByLabel("Signature: the signer's full name").fill(patientName);
  await expectAccessible(nav, 'consent wizard: signature');
  await nav.getByTestId('wizard-step-review').click();
  await nav.getByRole('button', { name: 'Save consent' }).click();

  // Back on the patient page: the consent in plain words.
  await expect(nav.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  const consent = nav.getByTestId('consent');
  await expect(consent).toHaveCount(1);
  await expect(consent.getByTestId('consent-state').first()).toHaveText('Active');
  const line = consent.getByTestId('consent-recipient');
  await expect(line).toContainText(sentence);
  await expect(line).toHaveAttribute('data-state', 'active');
  await expect(consent.getByRole('link', { name: /in English$/ })).toHaveAttribute(
    'href',
    /\/api\/v1\/consents\/[0-9a-f-]{36}\/form\.pdf\?language=en$/,
  );
  const signedForm = await nav.request.get(
    (await consent.getByRole('link', { name: /in Spanish$/ }).getAttribute('href')) ?? '',
  );
  expect(signedForm.status()).toBe(200);
  expect(signedForm.headers()['content-type']).toContain('application/pdf');
  await closeNotifications(nav);
  await expectAccessible(nav, 'patient page (holder, consent)');

  // The clinic's intake worker sees the patient, with the Part 2 notice and the consent's scope.
  const clinicContext = await browser.newContext({ timezoneId: networkTimezone });
  const clinic = await clinicContext.newPage();
  await signIn(clinic, recipientUser.email, DEMO_PASSWORD);
  await clinic.goto('/patients');
  const sharedRow = clinic
    .getByRole('table', { name: 'Patients' })
    .getByRole('row')
    .filter({ hasText: patientName });
  await expect(sharedRow).toContainText('Shared by consent');
  await expect(sharedRow).toContainText(navigatorOrganization.name);
  await expectAccessible(clinic, 'patients list (recipient)');
  await sharedRow.getByRole('link', { name: patientName }).click();
  await expect(clinic.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  const banner = clinic.getByTestId('disclosure-banner');
  await expect(banner).toContainText(/^Confidential: /);
  await expect(banner.getByTestId('disclosure-scope')).toContainText(
    `Shared with your organization by ${navigatorOrganization.name} under a consent`,
  );
  await expect(banner.getByTestId('disclosure-scope')).toContainText(
    'for treatment, payment, and health care operations',
  );
  await expect(banner.getByTestId('disclosure-scope')).toContainText(`until ${shownDay(expiresOn)}`);
  await expect(banner.getByTestId('disclosure-statement')).toContainText(/42 CFR part 2/i);
  await expect(clinic.getByRole('region', { name: 'Consents' })).toHaveCount(0);
  await expectAccessible(clinic, 'patient page (recipient)');

  // The navigator revokes the consent for the clinic, from the patient's letter.
  await nav.reload();
  await nav
    .getByTestId('consent')
    .getByRole('button', { name: /^Revoke: / })
    .click();
  const dialog = nav.getByRole('dialog', { name: 'Revoke consent' });
  await dialog.getByRole('radio', { name: 'Only for some recipients' }).check();
  await dialog.getByRole('checkbox', { name: recipient.name }).check();
  await dialog.getByLabel('How the written request came').selectOption('letter');
  await dialog.getByLabel('Note (optional)').fill('Letter handed to the front desk.');
  await expectAccessible(nav, 'revoke dialog');
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(nav.getByTestId('consent-recipient')).toHaveAttribute('data-state', 'revoked');
  await expect(nav.getByTestId('consent-recipient').getByTestId('consent-state')).toHaveText('Revoked');
  await closeNotifications(nav);
  await expectAccessible(nav, 'patient page (revoked)');

  // The accounting of disclosures lists what the clinic saw before the revocation.
  await nav.getByRole('link', { name: 'Open the accounting of disclosures' }).click();
  await expect(
    nav.getByRole('heading', { level: 1, name: `Accounting of disclosures: ${patientName}` }),
  ).toBeVisible();
  const ledger = nav.getByRole('table', { name: 'Disclosures' });
  await expect(ledger.getByRole('row').filter({ hasText: recipient.name }).first()).toContainText(
    recipientUser.displayName,
  );
  const csvLink = nav.getByRole('link', { name: 'Download CSV' });
  await expect(csvLink).toHaveAttribute('href', /format=csv/);
  const csv = await nav.request.get((await csvLink.getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(recipient.name);
  await expectAccessible(nav, 'accounting of disclosures');

  // From the clinic's next page load, the patient is nowhere.
  await clinic.goto('/patients');
  await expect(clinic.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  const results = clinic.getByTestId('patient-results');
  await expect(results).toHaveAttribute('data-state', 'loaded');
  await expect(clinic.getByText(patientName)).toHaveCount(0);
  await clinic.getByLabel('Name or MRN').fill(patient.family);
  await clinic.getByRole('button', { name: 'Search' }).click();
  await expect(clinic).toHaveURL(/\?q=Thornquist$/);
  await expect(results).toHaveAttribute('data-state', 'loaded');
  await expect(results.getByText('No patient your organization can see matches this search.')).toBeVisible();
  await clinic.goto(patientUrl);
  await expect(clinic.getByRole('heading', { level: 1, name: 'Patient not found' })).toBeVisible();
  await expect(clinic.getByText(patientName)).toHaveCount(0);
  await expectAccessible(clinic, 'patient not found (recipient)');

  // A clinician of the clinic, treating the patient in an emergency, opens the record under § 2.51.
  const clinicianContext = await browser.newContext({ timezoneId: networkTimezone });
  const clinician = await clinicianContext.newPage();
  await signIn(clinician, recipientClinician.email, DEMO_PASSWORD);
  await clinician.goto(patientUrl);
  await expect(clinician.getByRole('heading', { level: 1, name: 'Patient not found' })).toBeVisible();
  const emergency = clinician.getByRole('region', { name: 'Medical emergency access' });
  await expect(emergency.getByLabel('Who receives the information')).toHaveValue(
    recipientClinician.displayName,
  );
  await expect(emergency.getByLabel('Their health care facility')).toHaveValue(recipient.name);
  await emergency
    .getByLabel('Nature of the emergency')
    .fill('Unresponsive after a suspected overdose; needs medication history.');
  await expectAccessible(clinician, 'medical emergency access form');
  await emergency.getByLabel("The patient's prior written consent cannot be obtained").check();
  await emergency.getByRole('button', { name: 'Open for emergency treatment' }).click();
  await expect(clinician.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
  await expect(clinician).toHaveURL(/\?purpose=ETREAT$/);
  await expect(clinician.getByTestId('patient-access')).toHaveText('Emergency access');
  await expect(clinician.getByTestId('disclosure-emergency')).toContainText('medical emergency access');
  await closeNotifications(clinician);
  await expectAccessible(clinician, 'patient page (emergency access)');
  // The intake worker's access is not the clinician's: still nothing for them.
  await clinic.reload();
  await expect(clinic.getByRole('heading', { level: 1, name: 'Patient not found' })).toBeVisible();

  // The navigator's patient page in Spanish.
  await nav.goto(patientUrl);
  await nav.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(nav.getByRole('region', { name: 'Consentimientos' })).toBeVisible();
  await expect(nav.getByTestId('consent-recipient')).toContainText(
    `${recipient.name} puede ver los datos de identidad y contacto y el registro de tratamiento`,
  );
  await expect(nav.getByTestId('consent-recipient').getByTestId('consent-state')).toHaveText('Revocado');
  await expectAccessible(nav, 'patient page (es)');

  await clinicianContext.close();
  await clinicContext.close();
  await navigatorContext.close();
});

test('the patients area speaks English and Spanish alike, and labels every code', () => {
  const en = areaStrings('en', 'patients');
  const es = areaStrings('es', 'patients');
  const onlyEn = [...en.keys()].filter((k) => !es.has(k));
  const onlyEs = [...es.keys()].filter((k) => !en.has(k));
  expect({ onlyEn, onlyEs }).toEqual({ onlyEn: [], onlyEs: [] });
  expect([...en, ...es].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  const vocab: [string, readonly string[]][] = [
    ['vocab.sex', ADMINISTRATIVE_SEXES],
    ['vocab.phoneUse', PHONE_USES],
    ['vocab.insuranceKind', INSURANCE_KINDS],
    ['vocab.consentType', CONSENT_TYPES],
    ['vocab.category', DATA_CATEGORIES],
    ['vocab.purpose', [...CONSENT_PURPOSES, 'ETREAT']],
    ['vocab.signatureMethod', SIGNATURE_METHODS],
    ['vocab.capacity', SIGNER_CAPACITIES],
    ['vocab.element', CONSENT_ELEMENTS],
  ];
  for (const [prefix, codes] of vocab) {
    for (const code of codes) {
      expect(en.get(`${prefix}.${code}`), `en ${prefix}.${code}`).toBeTruthy();
      expect(es.get(`${prefix}.${code}`), `es ${prefix}.${code}`).toBeTruthy();
    }
  }
});
