/** Keyboard helpers: move focus with Tab until a given element has it. */
import { expect, type Locator, type Page } from '@playwright/test';

export async function tabTo(
  page: Page,
  target: Locator,
  { maxPresses = 20, backwards = false }: { maxPresses?: number; backwards?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  await expect(target, `not reachable with ${maxPresses} Tab presses`).toBeFocused();
}
