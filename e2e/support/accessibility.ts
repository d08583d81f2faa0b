/** Runs axe-core on the current page, once its transitions have finished, and fails on any `serious` or `critical` violation. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  // Scan a settled page: a menu closing or a dialog fading in is mid-transition (half-transparent colours,
  // a dropdown leaving the DOM), which axe reports as contrast or ARIA faults that no user would meet.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(summary, `accessibility violations on ${label}`).toEqual([]);
}
