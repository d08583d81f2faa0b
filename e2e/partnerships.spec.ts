/**
 * Partnership journey: the hospital admin starts a partnership with the first OBOT, adds an MOU that
 * expires in 30 days (and sees the warning), names themself liaison, records a meeting with action
 * items (one overdue, then done), adds a goal and answers the quarter's self-assessment. The OBOT's
 * admin sees the partnership; a person of an unrelated organization is told it was not found; the
 * network convener sees the counts grow in the network overview.
 */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, signOut, test } from './support/fixtures.ts';
import {
  cbo,
  closeNotifications,
  hospital,
  localQuarter,
  networkDay,
  readOverview,
  unrelatedPerson,
} from './support/partnerships.ts';

const ANSWERS: Record<string, string> = {
  'We communicate openly and promptly': '4',
  'Referrals move smoothly between us': '4',
  "We share an understanding of MOUD and each other's work": '5',
  'We trust each other': '3',
  'We share the data we need, lawfully': '4',
  'Our leaders support the partnership': '5',
};
/** The mean of the answers above, rounded to two decimals. */
const SCORE = '4.17';

test('a hospital and a community organization keep their partnership together', async ({ page }) => {
  test.setTimeout(300_000);
  const workspaceHeading = `${hospital.name} ↔ ${cbo.name}`;

  // The convener's counts before the journey (the demo network may already hold partnerships).
  await signIn(page, users.convener.email, DEMO_PASSWORD);
  const before = await readOverview(page);
  await closeNotifications(page);
  await expectAccessible(page, 'partnerships (convener)');
  await signOut(page);

  // The hospital admin starts the partnership.
  await signIn(page, users.hospitalAdmin.email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partnerships' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network overview' })).toHaveCount(0);
  await closeNotifications(page);
  await expectAccessible(page, 'partnerships');
  const start = page.getByRole('region', { name: 'Start a partnership' });
  await start.getByLabel('Partner organization').selectOption({ label: cbo.name });
  await start.getByLabel('Notes (optional)').fill('Bridge clinic referrals from the emergency department.');
  await start.getByRole('button', { name: 'Start partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: workspaceHeading })).toBeVisible();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  const url = page.url();
  await expect(page.getByTestId('partnership-status').first()).toHaveText('Exploring');
  await closeNotifications(page);
  await expectAccessible(page, 'partnership overview');

  // Overview: the partnership becomes active.
  const change = page.getByRole('region', { name: 'Change status, start date and notes' });
  await change.getByLabel('Status').selectOption('active');
  await change.getByLabel('Start date').fill(networkDay(-30));
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('partnership-status').first()).toHaveText('Active');

  // Agreements: an MOU with its signed document, expiring in 30 days.
  await page.getByRole('tab', { name: 'Agreements' }).click();
  await expect(page.getByRole('tabpanel').getByText('No agreements yet.')).toBeVisible();
  const addAgreement = page.getByRole('region', { name: 'Add an agreement' });
  await addAgreement.getByLabel('Kind').selectOption('mou');
  await addAgreement.getByLabel('Title').fill('Bridge clinic MOU');
  await addAgreement.getByLabel('Effective').fill(networkDay(-335));
  await addAgreement.getByLabel('Expires').fill(networkDay(30));
  await page.getByTestId('agreement-document').setInputFiles({
    name: 'bridge-mou.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% signed MOU\n'),
  });
  await addAgreement.getByRole('button', { name: 'Add agreement' }).click();
  const agreement = page.getByRole('table', { name: 'Agreements' }).getByRole('row').filter({
    hasText: 'Bridge clinic MOU',
  });
  await expect(agreement).toContainText('Memorandum of understanding (MOU)');
  await expect(agreement.getByTestId('agreement-expiry')).toHaveText(/expires in 30 days/i);
  await expect(agreement.getByTestId('agreement-expiry')).toHaveAttribute('data-state', 'soon');
  const download = page.waitForEvent('download');
  await agreement.getByRole('link', { name: 'Download bridge-mou.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('bridge-mou.pdf');
  await closeNotifications(page);
  await expectAccessible(page, 'partnership agreements');

  // Liaisons: the admin names themself primary liaison of the hospital's side.
  await page.getByRole('tab', { name: 'Liaisons' }).click();
  const addLiaison = page.getByRole('region', { name: `Name a liaison for ${hospital.name}` });
  await addLiaison.getByLabel('Person').selectOption({ label: users.hospitalAdmin.displayName });
  await addLiaison.getByLabel('Role').selectOption('primary');
  await addLiaison.getByRole('button', { name: 'Name liaison' }).click();
  const liaisons = page.getByRole('table', { name: `Liaisons of ${hospital.name}` });
  await expect(liaisons.getByRole('row').filter({ hasText: users.hospitalAdmin.displayName })).toContainText(
    'Primary',
  );
  await expect(
    page.getByRole('region', { name: `Liaisons of ${cbo.name}` }).getByText('No liaison named yet.'),
  ).toBeVisible();
  await closeNotifications(page);
  await expectAccessible(page, 'partnership liaisons');

  // Meetings: a kickoff with two action items, one already overdue.
  await page.getByRole('tab', { name: 'Meetings' }).click();
  const addMeeting = page.getByRole('region', { name: 'Record a meeting' });
  await addMeeting.getByLabel('Date').fill(networkDay(-3));
  await addMeeting.getByLabel('Title').fill('Kickoff');
  await addMeeting
    .getByRole('textbox', { name: 'Attendees' })
    .fill(`${users.hospitalAdmin.displayName}\n${users.cboAdmin.displayName}`);
  await addMeeting.getByRole('button', { name: 'Add an action item' }).click();
  const first = addMeeting.getByRole('group', { name: 'Action item 1' });
  await first.getByRole('textbox', { name: 'Action item', exact: true }).fill('Share the referral form');
  await first.getByLabel('Owner (optional)').selectOption({ label: users.hospitalAdmin.displayName });
  await first.getByLabel('Due date (optional)').fill(networkDay(-1));
  await addMeeting.getByRole('button', { name: 'Add an action item' }).click();
  const second = addMeeting.getByRole('group', { name: 'Action item 2' });
  await second.getByRole('textbox', { name: 'Action item', exact: true }).fill('Schedule in-reach visits');
  await second.getByLabel('Due date (optional)').fill(networkDay(14));
  await closeNotifications(page);
  await expectAccessible(page, 'meeting form');
  await addMeeting.getByRole('button', { name: 'Record meeting' }).click();
  const meeting = page.getByRole('article', { name: 'Kickoff' });
  await expect(meeting).toContainText(users.cboAdmin.displayName);
  const overdue = meeting.getByTestId('action-item').filter({ hasText: 'Share the referral form' });
  await expect(overdue).toHaveAttribute('data-overdue', 'true');
  await expect(overdue).toContainText('Overdue');
  await expect(overdue).toContainText(users.hospitalAdmin.displayName);
  await closeNotifications(page);
  await expectAccessible(page, 'partnership meetings');
  // The box shows the server's state: it flips only when the save returns, so click and wait for the result
  // (`check()` fails when the state has not changed right after its click).
  await overdue.getByRole('checkbox', { name: 'Mark “Share the referral form” done' }).click();
  await expect(overdue).toContainText('Done');
  await expect(overdue.getByRole('checkbox', { name: 'Reopen “Share the referral form”' })).toBeChecked();
  await expect(
    meeting.getByTestId('action-item').filter({ hasText: 'Schedule in-reach visits' }),
  ).toContainText('Open');

  // Goals: intake within 72 hours for 60 % of referrals.
  await page.getByRole('tab', { name: 'Goals' }).click();
  const addGoal = page.getByRole('region', { name: 'Add a goal' });
  await addGoal.getByLabel('Measure').selectOption('intake_within_72h');
  await addGoal.getByLabel('Target (% of referrals)').fill('60');
  await addGoal.getByLabel('Description (optional)').fill('Starting with ED discharges');
  await addGoal.getByRole('button', { name: 'Add goal' }).click();
  const goal = page.getByRole('table', { name: 'Shared goals' }).getByRole('row').filter({
    hasText: 'Intake within 72 hours of discharge',
  });
  await expect(goal).toContainText('60%');
  await closeNotifications(page);
  await expectAccessible(page, 'partnership goals');

  // Self-assessment: the six questions for the hospital's side, then the score.
  await page.getByRole('tab', { name: 'Self-assessment' }).click();
  const quarter = localQuarter();
  await expect(page.getByRole('heading', { name: `Self-assessment for ${quarter}` })).toBeVisible();
  for (const [question, answer] of Object.entries(ANSWERS)) {
    await page
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  }
  await closeNotifications(page);
  await expectAccessible(page, 'self-assessment form');
  await page.getByRole('button', { name: 'Submit self-assessment' }).click();
  await expect(page.getByTestId('own-assessment-score')).toHaveText(
    `Score of ${hospital.name} for ${quarter}: ${SCORE}`,
  );
  const history = page.getByRole('table', { name: 'Self-assessment scores per quarter and side' });
  await expect(history.getByRole('row').filter({ hasText: quarter })).toContainText(SCORE);
  await closeNotifications(page);
  await expectAccessible(page, 'partnership self-assessment');

  // Back on the list: the partnership is active and flags the agreement that expires soon.
  await page.getByRole('link', { name: 'All partnerships' }).click();
  const row = page
    .getByRole('table', { name: 'Partnerships' })
    .getByRole('row')
    .filter({ hasText: cbo.name });
  await expect(row).toContainText('Active');
  await expect(row.getByTestId('expiring-flag')).toHaveText('Agreement expiring soon');
  await closeNotifications(page);
  await expectAccessible(page, 'partnerships list');
  await signOut(page);

  // The OBOT's admin sees the same partnership from the other side.
  await signIn(page, users.cboAdmin.email, DEMO_PASSWORD);
  await page.goto('/partnerships');
  await page.getByRole('table', { name: 'Partnerships' }).getByRole('link', { name: hospital.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: workspaceHeading })).toBeVisible();
  await page.getByRole('tab', { name: 'Agreements' }).click();
  await expect(page.getByRole('table', { name: 'Agreements' })).toContainText('Bridge clinic MOU');
  await page.getByRole('tab', { name: 'Self-assessment' }).click();
  await expect(page.getByText(`${cbo.name} has not answered for ${quarter} yet.`)).toBeVisible();
  await closeNotifications(page);
  await expectAccessible(page, 'partnership (other side)');
  await signOut(page);

  // Someone of an unrelated organization: the partnership does not exist for them.
  await signIn(page, unrelatedPerson.email, DEMO_PASSWORD);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Partnership not found' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Not found.');
  await expect(page.getByText(workspaceHeading)).toHaveCount(0);
  await closeNotifications(page);
  await expectAccessible(page, 'partnership not found');
  await signOut(page);

  // The convener sees the network's counts grow, but not the partnership itself.
  await signIn(page, users.convener.email, DEMO_PASSWORD);
  const after = await readOverview(page);
  expect(after).toEqual({
    partnerships: before.partnerships + 1,
    agreementsExpiring: before.agreementsExpiring + 1,
    actionItemsOpen: before.actionItemsOpen + 1,
  });
  await closeNotifications(page);
  await expectAccessible(page, 'network overview');
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Partnership not found' })).toBeVisible();
});
