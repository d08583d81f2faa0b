/**
 * Pathways and the follow-up area in Spanish, as the hospital's program manager (manager.hospital@…).
 *
 * 1. The pathway editor meets a version saved meanwhile (the same person, "from another window": the page's
 *    own request context): its save is refused (412), the page says so, shows the version saved meanwhile,
 *    and the next save makes the version after it.
 * 2. A new pathway with a step without a title and a step due 401 days after its anchor: each error shows
 *    beside its own field (`steps.0.title`, `steps.1.offsetMinutes`); once fixed, the hospital already has a
 *    default pathway, and the page says so (409).
 * 3. In Spanish: the task worklist, a task, the notifications with their e-mail preferences, the pathways, a
 *    pathway and its editor. Headings and buttons read from `web/src/i18n/*.es.json`; no raw key
 *    (`followup.…`) and no English string of the bundles shows; axe on each screen.
 *
 * Only a partnership's pathway is changed, and only its description: its steps stay as they are, so the
 * tasks other journeys expect are made as before.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO_PATHWAYS } from '../server/src/domain/followup/demo-pathways.ts';
import type { PathwayView } from '../server/src/domain/followup/views.ts';
import { expectAccessible } from './support/accessibility.ts';
import { appStrings, type Language } from './support/bundles.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { closeNotifications } from './support/partnerships.ts';
import { freshPatient } from './support/transitions.ts';

/** The whole app's strings (main bundle and every area's file), as the page shows them. */
const bundles: Record<Language, Map<string, string>> = { en: appStrings('en'), es: appStrings('es') };

/** A string of the web app's bundle, interpolated as i18next does (`{{name}}`). */
function tr(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const text = bundles[language].get(key);
  if (text === undefined) throw new Error(`${language}: no string ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${language} ${key}: no value for {{${name}}}`);
    return String(value);
  });
}
const en = (key: string, values?: Record<string, string | number>) => tr('en', key, values);
const es = (key: string, values?: Record<string, string | number>) => tr('es', key, values);

/** The session's CSRF token, for writes from the page's request context (as the app's own writes). */
async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = await request.get('/api/v1/auth/session');
  expect(session.status()).toBe(200);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/** The fact of a `FactsTable` (term, value) row. */
const fact = (table: Locator, term: string): Locator =>
  table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: term, exact: true }) })
    .getByRole('cell');

/** Every English string of the bundles that Spanish says otherwise (no placeholders, not a Spanish word too). */
const englishOnly = (() => {
  const spanish = new Set([...bundles.es.values()].map((v) => v.trim()));
  const out = new Set<string>();
  for (const [key, value] of bundles.en) {
    const text = value.trim();
    if (text.length < 2 || text.includes('{{') || spanish.has(text)) continue;
    if (bundles.es.get(key)?.trim() === text) continue;
    out.add(text);
  }
  return out;
})();

/** Every key path of the bundles (plural forms by their base key too), as i18next would show a missing one. */
const keyPaths = (() => {
  const out = new Set<string>();
  for (const key of bundles.en.keys()) {
    out.add(key);
    out.add(key.replace(/_(zero|one|two|few|many|other)$/, ''));
  }
  return [...out].filter((k) => k.includes('.'));
})();

/**
 * The texts a person meets on the page: visible text nodes, and the accessible names and hints given as
 * attributes. The language switch's own option names ("English") are meant to be in their language.
 */
async function textsOnPage(page: Page, languageLabel: string): Promise<string[]> {
  return page.evaluate((switchLabel) => {
    const out: string[] = [];
    // Not shown: hidden, or transparent (an empty table's "no rows" text stays in the DOM at opacity 0).
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style')) continue;
      const select = parent.closest('select');
      if (select?.getAttribute('aria-label') === switchLabel) continue;
      if (shown(select ?? parent)) out.push(text);
    }
    for (const el of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (!shown(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  }, languageLabel);
}

/** The screen speaks Spanish: no raw key, no English string of the bundles; and axe finds nothing serious. */
async function expectSpanishScreen(page: Page, label: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('navigation', { name: es('nav.label') })).toBeVisible();
  const texts = await textsOnPage(page, es('frame.language'));
  const rawKeys = texts.filter((t) => /\bfollowup\.[a-z]/i.test(t) || keyPaths.some((k) => t.includes(k)));
  expect(rawKeys, `raw translation keys on ${label}`).toEqual([]);
  const english = texts.filter((t) => englishOnly.has(t));
  expect(english, `English strings on ${label} (es)`).toEqual([]);
  await expectAccessible(page, `${label} (es)`);
}

/** A pattern matching text that contains `text` as it is. */
const containing = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** The hospital's pathway this journey changes: a partnership's (its steps are kept). */
async function partnershipPathway(request: APIRequestContext): Promise<PathwayView> {
  const list = await request.get('/api/v1/pathways');
  expect(list.status()).toBe(200);
  const pathways = ((await list.json()) as PathwayView[])
    .filter((p) => p.owner.kind === 'partnership' && p.status === 'active')
    .sort((a, b) => a.name.localeCompare(b.name));
  const chosen = pathways[0];
  if (!chosen) throw new Error('The hospital has no partnership pathway');
  return chosen;
}

test('the pathway editor says when a version was saved meanwhile, and saves the next one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, users.hospitalManager.email, DEMO_PASSWORD);
  const before = await partnershipPathway(page.request);
  const path = `/pathways/${before.id}`;

  await page
    .getByRole('navigation', { name: en('nav.label') })
    .getByRole('link', { name: en('followup.nav.pathways'), exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: en('followup.pathways.title') })).toBeVisible();
  await page
    .getByRole('table', { name: en('followup.pathways.table') })
    .getByRole('link', { name: before.name, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole('heading', { level: 1, name: before.name })).toBeVisible();
  const about = page.getByRole('table', { name: en('followup.pathway.about') });
  await expect(fact(about, en('followup.pathways.version'))).toHaveText(String(before.version));
  await page.getByRole('link', { name: en('followup.pathway.edit') }).click();
  const editTitle = en('followup.editor.editTitle', { name: before.name });
  await expect(page.getByRole('heading', { level: 1, name: editTitle })).toBeVisible();
  const form = page.getByRole('form', { name: editTitle });
  const description = form.getByRole('textbox', { name: en('followup.editor.description') });
  await expect(description).toHaveValue(before.description ?? '');
  await expect(form.getByTestId('step-fields')).toHaveCount(before.steps.length);
  await expectAccessible(page, 'pathway editor');

  // Meanwhile the same pathway is saved "from another window": its version moves on.
  const elsewhere = `Changed elsewhere at ${new Date().toISOString()}.`;
  const current = await page.request.get(`/api/v1/pathways/${before.id}`);
  expect(current.headers().etag).toBe(`"${before.version}"`);
  const saved = await page.request.put(`/api/v1/pathways/${before.id}`, {
    data: { name: before.name, description: elsewhere, steps: before.steps },
    headers: { 'If-Match': current.headers().etag ?? '', 'X-CSRF-Token': await csrfOf(page.request) },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const meanwhile = before.version + 1;
  expect(((await saved.json()) as PathwayView).version).toBe(meanwhile);

  // The editor's save acts on the version it opened: refused, and said so.
  await description.fill('My change, made on the old version.');
  const refused = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/pathways/${before.id}`) && r.request().method() === 'PUT',
  );
  await form.getByRole('button', { name: en('followup.editor.saveVersion') }).click();
  expect((await refused).status()).toBe(412);
  const stale = page.getByRole('alert').filter({ hasText: en('followup.stale.title') });
  await expect(stale).toBeVisible();
  await expect(stale).toContainText(en('followup.editor.staleBody', { version: meanwhile }));
  // The editor now holds the version saved meanwhile, and saves again.
  await expect(description).toHaveValue(elsewhere);
  const saveButton = form.getByRole('button', { name: en('followup.editor.saveVersion') });
  await expect(saveButton).toBeEnabled();
  await expect(page).toHaveURL(new RegExp(`${path}/edit$`));
  await expectAccessible(page, 'pathway editor after a stale save');

  const mine = `Follow-up of ${before.name}, reviewed ${new Date().toISOString()}.`;
  await description.fill(mine);
  await saveButton.click();
  const next = meanwhile + 1;
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(
    page.getByText(en('followup.editor.saved', { name: before.name, version: next })),
  ).toBeVisible();
  await expect(fact(about, en('followup.pathways.version'))).toHaveText(String(next));
  await expect(fact(about, en('followup.editor.description'))).toHaveText(mine);
  await closeNotifications(page);

  const after = (await (await page.request.get(`/api/v1/pathways/${before.id}`)).json()) as PathwayView;
  expect(after.version).toBe(next);
  expect(after.description).toBe(mine);
  expect(after.steps, 'the steps are as they were').toEqual(before.steps);
});

test('a new pathway shows each step error beside its field, then that the hospital already has one', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, users.hospitalManager.email, DEMO_PASSWORD);
  await page.goto('/pathways');
  await expect(page.getByRole('heading', { level: 1, name: en('followup.pathways.title') })).toBeVisible();
  const defaults = page
    .getByRole('table', { name: en('followup.pathways.table') })
    .getByRole('row')
    .filter({ hasText: en('followup.vocab.ownerKind.hospital') });
  await expect(defaults).toHaveCount(1);
  await page.getByRole('link', { name: en('followup.pathways.new') }).click();
  const title = en('followup.editor.newTitle');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const form = page.getByRole('form', { name: title });
  await expect(form.getByRole('combobox', { name: en('followup.editor.owner'), exact: true })).toHaveValue(
    '',
  );
  await expect(form.getByRole('combobox', { name: en('followup.editor.owner'), exact: true })).toContainText(
    en('followup.editor.hospitalDefault'),
  );

  const name = `Second default ${Date.now()}`;
  await form.getByRole('textbox', { name: en('followup.editor.name') }).fill(name);
  await form.getByRole('button', { name: en('followup.editor.addStep') }).click();
  const step = (n: number) =>
    form.getByRole('group', { name: en('followup.editor.stepNumber', { number: n }) });
  await expect(step(2)).toBeVisible();
  const titleOf = (n: number) => step(n).getByRole('textbox', { name: en('followup.editor.title') });
  const dueOf = (n: number) =>
    step(n).getByRole('textbox', { name: en('followup.editor.offset'), exact: true });
  // Step 1 has no title; step 2 is due 401 days after discharge (at most 400).
  await titleOf(2).fill('Check in after a year and a month');
  await dueOf(2).fill('401');
  await step(2)
    .getByRole('combobox', { name: en('followup.editor.offsetUnit'), exact: true })
    .selectOption('days');
  await expect(step(2).getByTestId('step-preview')).toContainText('401');

  const create = form.getByRole('button', { name: en('followup.editor.create') });
  const invalid = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/pathways') && r.request().method() === 'POST',
  );
  await create.click();
  const problem = await invalid;
  expect(problem.status()).toBe(400);
  const fields = ((await problem.json()) as { errors: { field: string; message: string }[] }).errors;
  expect(fields.map((f) => f.field).sort()).toEqual(['steps.0.title', 'steps.1.offsetMinutes']);
  const messageOf = (field: string) => fields.find((f) => f.field === field)?.message ?? '';
  expect(messageOf('steps.1.offsetMinutes')).toContain('400 days after the anchor');

  await expect(form.getByRole('alert').filter({ hasText: en('errors.validation') })).toBeVisible();
  await expect(titleOf(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(titleOf(1)).toHaveAccessibleDescription(containing(messageOf('steps.0.title')));
  await expect(dueOf(2)).toHaveAttribute('aria-invalid', 'true');
  await expect(dueOf(2)).toHaveAccessibleDescription(containing(messageOf('steps.1.offsetMinutes')));
  // …and only there.
  await expect(dueOf(1)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(titleOf(2)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: en('followup.editor.name') })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(page, 'new pathway with field errors');

  // Fixed: the hospital's default pathway exists already (one active per owner).
  await titleOf(1).fill('Call the patient the day after discharge');
  await dueOf(2).fill('30');
  const conflict = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/pathways') && r.request().method() === 'POST',
  );
  await create.click();
  expect((await conflict).status()).toBe(409);
  const alert = form.getByRole('alert').filter({ hasText: en('followup.editor.conflictTitle') });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(en('followup.editor.conflictBody'));
  await expect(titleOf(1)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dueOf(2)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert').filter({ hasText: en('errors.validation') })).toHaveCount(0);
  await expect(page).toHaveURL(/\/pathways\/new$/);
  await expectAccessible(page, 'new pathway refused (409)');

  await form.getByRole('button', { name: en('common.cancel') }).click();
  await expect(page).toHaveURL(/\/pathways$/);
  await expect(defaults).toHaveCount(1);
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
});

test('the follow-up screens speak Spanish: tasks, a task, notifications, pathways and the editor', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, users.hospitalManager.email, DEMO_PASSWORD);

  // A discharged patient of the hospital: its default pathway makes the peer call, unassigned.
  const patient = freshPatient();
  const csrf = await csrfOf(page.request);
  const registered = await page.request.post('/api/v1/patients', {
    data: {
      givenName: patient.given,
      familyName: patient.family,
      birthDate: patient.birthDate,
      sex: 'female',
      unhoused: true,
      confirmNotDuplicate: true,
    },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const patientId = ((await registered.json()) as { id: string }).id;
  const now = Date.now();
  const transition = await page.request.post('/api/v1/transitions', {
    data: {
      patientId,
      encounterType: 'ed',
      admittedAt: new Date(now - 2 * 86_400_000).toISOString(),
      dischargedAt: new Date(now - 60_000).toISOString(),
      oudIdentifiedBy: 'clinician',
    },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(transition.status(), await transition.text()).toBe(201);
  const catchSteps = DEMO_PATHWAYS.find((p) => p.slug === 'catch')?.steps ?? [];
  const peerCall = catchSteps.find((s) => s.key === 'peer_call_7d');
  if (!peerCall) throw new Error('the CATCH pathway has no peer call');

  // In Spanish, from the header's switch.
  await page.getByRole('combobox', { name: en('frame.language') }).selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const nav = page.getByRole('navigation', { name: es('nav.label') });

  // The worklist, the team's queue.
  await nav.getByRole('link', { name: es('areas.tasks.title'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: es('followup.tasks.title') })).toBeVisible();
  await expect(page).toHaveTitle(`${es('followup.tasks.title')} · ${es('app.name')}`);
  const filters = page.getByRole('radiogroup', { name: es('followup.tasks.filter') });
  for (const f of ['mine', 'team', 'overdue', 'due_today'])
    await expect(filters.getByText(es(`followup.tasks.filters.${f}`), { exact: true })).toBeVisible();
  await filters.getByText(es('followup.tasks.filters.team'), { exact: true }).click();
  await expect(page).toHaveURL(/\/tasks\?filter=team$/);
  await expect(page.getByTestId('task-list')).toHaveAttribute('data-state', 'loaded');
  const table = page.getByRole('table', { name: es('followup.tasks.table') });
  for (const column of ['patient', 'task', 'due', 'state', 'assignee'])
    await expect(
      table.getByRole('columnheader', { name: es(`followup.fields.${column}`), exact: true }),
    ).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: patient.name }).filter({ hasText: peerCall.title });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('task-state')).toHaveText(es('followup.vocab.state.due_today'));
  await expect(row.getByTestId('task-assignee')).toHaveText(
    es('followup.tasks.unassigned', { role: es(`vocab.role.${peerCall.role}`).toLocaleLowerCase() }),
  );
  await expect(
    row.getByRole('group', {
      name: es('followup.tasks.outcomeGroup', { title: peerCall.title, patient: patient.name }),
    }),
  ).toBeVisible();
  await expect(row.getByRole('button', { name: es('followup.outcome.contact.reached') })).toBeVisible();
  await expect(
    row.getByRole('button', {
      name: es('followup.tasks.takeFor', { title: peerCall.title, patient: patient.name }),
    }),
  ).toBeVisible();
  await expectSpanishScreen(page, 'task worklist');

  // The task.
  await row.getByRole('link', { name: peerCall.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: peerCall.title })).toBeVisible();
  await expect(page.getByRole('link', { name: es('followup.task.back') })).toBeVisible();
  for (const heading of [
    'followup.task.details',
    'followup.task.complete.heading',
    'followup.task.snooze.heading',
    'followup.task.attempts.heading',
  ])
    await expect(page.getByRole('heading', { level: 2, name: es(heading), exact: true })).toBeVisible();
  const details = page.getByRole('table', { name: es('followup.task.details') });
  await expect(fact(details, es('followup.fields.patient'))).toHaveText(patient.name);
  await expect(fact(details, es('followup.fields.records'))).toHaveText(es('followup.vocab.records.contact'));
  const complete = page.getByRole('form', { name: es('followup.task.complete.heading') });
  await expect(complete.getByText(es('followup.task.complete.question.contact'))).toBeVisible();
  await expect(complete.getByRole('button', { name: es('followup.task.complete.submit') })).toBeVisible();
  await expect(page.getByRole('button', { name: es('followup.task.snooze.submit') })).toBeVisible();
  await expect(page.getByRole('button', { name: es('followup.task.attempts.submit') })).toBeVisible();
  await expect(page.getByRole('button', { name: es('followup.tasks.take'), exact: true })).toBeVisible();
  await expect(page.getByText(es('followup.task.attempts.none'))).toBeVisible();
  await expectSpanishScreen(page, 'task page');

  // The notifications and the e-mail preferences.
  await page.goto('/notifications');
  await expect(
    page.getByRole('heading', { level: 1, name: es('followup.notifications.title') }),
  ).toBeVisible();
  await expect(page.getByTestId('notification-list')).toHaveAttribute('data-state', 'loaded');
  // Notifications are worded in the reader's language from their kind and params, not the stored English.
  const items = await page.getByTestId('notification').allInnerTexts();
  expect(items.length, 'the demo tick notified this manager').toBeGreaterThan(0);
  for (const text of items) {
    expect(text).not.toMatch(
      /Agreement expires|needs your attention|is overdue|Please update the capacity|Coverage gap|may run out|acknowledgement deadline|not acknowledged/,
    );
  }
  await expect(page.getByRole('button', { name: es('followup.notifications.markAll') })).toBeVisible();
  await expect(page.getByRole('switch', { name: es('followup.notifications.unreadOnly') })).toBeVisible();
  const prefs = page.getByTestId('notification-preferences');
  await expect(
    prefs.getByRole('heading', { name: es('followup.notifications.preferences.title') }),
  ).toBeVisible();
  await expect(prefs.getByText(es('followup.notifications.preferences.locked'))).toBeVisible();
  const escalations = prefs.getByRole('radiogroup', {
    name: es('followup.notifications.preferences.category.referral_escalations'),
  });
  await expect(
    escalations.getByRole('radio', { name: es('followup.notifications.preferences.choice.digest') }),
  ).toBeDisabled();
  const taskMail = prefs.getByRole('radiogroup', {
    name: es('followup.notifications.preferences.category.tasks'),
  });
  // Segmented controls: the radios are visually hidden, their labels show.
  for (const choice of ['immediate', 'digest', 'off']) {
    const label = es(`followup.notifications.preferences.choice.${choice}`);
    await expect(taskMail.getByRole('radio', { name: label })).toHaveCount(1);
    await expect(taskMail.getByText(label, { exact: true })).toBeVisible();
  }
  await expectSpanishScreen(page, 'notifications');

  // The pathways, one of them, and its editor.
  await nav.getByRole('link', { name: es('followup.nav.pathways'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: es('followup.pathways.title') })).toBeVisible();
  await expect(page.getByRole('link', { name: es('followup.pathways.new') })).toBeVisible();
  const pathways = page.getByRole('table', { name: es('followup.pathways.table') });
  for (const column of ['name', 'owner', 'version', 'steps', 'status', 'updated'])
    await expect(
      pathways.getByRole('columnheader', { name: es(`followup.pathways.${column}`), exact: true }),
    ).toBeVisible();
  const defaultRow = pathways.getByRole('row').filter({ hasText: es('followup.vocab.ownerKind.hospital') });
  await expect(defaultRow).toHaveCount(1);
  await expect(defaultRow).toContainText(es('followup.vocab.pathwayStatus.active'));
  await expectSpanishScreen(page, 'pathways');

  await defaultRow.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: es('followup.pathway.about') })).toBeVisible();
  const stepCount = catchSteps.length;
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: es(`followup.pathway.steps_${stepCount === 1 ? 'one' : 'other'}`, { count: stepCount }),
    }),
  ).toBeVisible();
  await expect(page.getByTestId('pathway-step').first()).toContainText(
    es('followup.pathway.when.at.discharge'),
  );
  await expectSpanishScreen(page, 'pathway page');

  await page.getByRole('link', { name: es('followup.pathway.edit') }).click();
  await expect(page.getByRole('heading', { level: 2, name: es('followup.editor.about') })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: es('followup.editor.steps') })).toBeVisible();
  const first = page.getByRole('group', { name: es('followup.editor.stepNumber', { number: 1 }) });
  await expect(first.getByRole('textbox', { name: es('followup.editor.title') })).toHaveValue(peerCall.title);
  await expect(first.getByRole('combobox', { name: es('followup.editor.role') })).toContainText(
    es(`vocab.role.${peerCall.role}`),
  );
  await expect(
    first.getByRole('button', { name: es('followup.editor.remove', { number: 1 }) }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: es('followup.editor.addStep') })).toBeVisible();
  await expect(page.getByRole('button', { name: es('followup.editor.saveVersion') })).toBeVisible();
  await expect(page.getByRole('button', { name: es('common.cancel') })).toBeVisible();
  await expectSpanishScreen(page, 'pathway editor');

  await page.goto('/pathways/new');
  await expect(page.getByRole('heading', { level: 1, name: es('followup.editor.newTitle') })).toBeVisible();
  await expect(page.getByRole('combobox', { name: es('followup.editor.owner'), exact: true })).toContainText(
    es('followup.editor.hospitalDefault'),
  );
  await expect(page.getByRole('button', { name: es('followup.editor.create') })).toBeVisible();
  await expectSpanishScreen(page, 'new pathway');
});
