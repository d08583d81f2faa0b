/**
 * Journey 7: switch the interface to Spanish (remembered across reloads, `<html lang>` follows), and
 * check that the English and Spanish bundles have the same keys and label every vocabulary code.
 */
import {
  CBO_SUBTYPES,
  ORGANIZATION_KINDS,
  PART2_LEGAL_STATUSES,
  ROLES,
} from '../server/src/domain/identity/vocabulary.ts';
import * as webVocabulary from '../web/src/vocabulary.ts';
import { expectAccessible } from './support/accessibility.ts';
import { appStrings } from './support/bundles.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, test } from './support/fixtures.ts';

test('the interface speaks Spanish when asked, and remembers it', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expectAccessible(page, 'login (es)');

  await page.getByLabel('Correo electrónico').fill(users.intake.email);
  await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Bienvenido/a, ${users.intake.displayName}` }),
  ).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Principal' });
  for (const label of [
    'Inicio',
    'Directorio',
    'Alianzas',
    'Pacientes',
    'Transiciones',
    'Tareas',
    'Resultados',
  ]) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('active-organization')).toContainText('Personal de admisión');
  await expect(page.getByTestId('active-organization')).toContainText('Organización comunitaria');
  await expectAccessible(page, 'home (es)');

  await nav.getByRole('link', { name: 'Alianzas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alianzas' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Alianzas de su organización' })).toBeVisible();
  await expectAccessible(page, 'partnerships (es)');
  await expect(page).toHaveTitle('Alianzas · Handoff');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Alianzas' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships' })).toBeVisible();
});

/** The areas mounted for this check (the follow-up area's own journey checks its file). */
const AREAS = ['directory', 'imports', 'partnerships', 'patients', 'transitions'] as const;

test('English and Spanish have the same keys, none empty, and label every vocabulary code', () => {
  const en = appStrings('en', AREAS);
  const es = appStrings('es', AREAS);
  const onlyEn = [...en.keys()].filter((k) => !es.has(k));
  const onlyEs = [...es.keys()].filter((k) => !en.has(k));
  expect({ onlyEn, onlyEs }).toEqual({ onlyEn: [], onlyEs: [] });
  const empty = [...en, ...es].filter(([, v]) => !v.trim()).map(([k]) => k);
  expect(empty).toEqual([]);

  const vocab: [string, readonly string[]][] = [
    ['vocab.role', ROLES],
    ['vocab.organizationKind', ORGANIZATION_KINDS],
    ['vocab.cboSubtype', CBO_SUBTYPES],
    ['vocab.part2LegalStatus', PART2_LEGAL_STATUSES],
  ];
  for (const [prefix, codes] of vocab) {
    for (const code of codes) {
      expect(en.get(`${prefix}.${code}`), `en ${prefix}.${code}`).toBeTruthy();
      expect(es.get(`${prefix}.${code}`), `es ${prefix}.${code}`).toBeTruthy();
    }
  }
  // The web app's copy of the vocabulary matches the server's.
  expect(webVocabulary.ROLES).toEqual(ROLES);
  expect(webVocabulary.ORGANIZATION_KINDS).toEqual(ORGANIZATION_KINDS);
  expect(webVocabulary.CBO_SUBTYPES).toEqual(CBO_SUBTYPES);
  expect(webVocabulary.PART2_LEGAL_STATUSES).toEqual(PART2_LEGAL_STATUSES);
});
