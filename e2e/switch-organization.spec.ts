/** Journey 2: a cross-hired peer specialist switches organization and sees the other one's name and roles. */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, organizationsOf, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';

test('a cross-hired user switches between organizations', async ({ page }) => {
  const organizations = organizationsOf(users.crossHired.email);
  expect(organizations).toHaveLength(2);
  await signIn(page, users.crossHired.email, DEMO_PASSWORD);

  const switcher = page.getByRole('combobox', { name: 'Active organization' });
  const active = page.getByTestId('active-organization');
  const before = (await switcher.locator('option:checked').textContent()) ?? '';
  const other = organizations.find((name) => name !== before) ?? '';
  expect(organizations).toContain(before);
  await expect(active).toContainText(before);
  await expect(page.getByText('Your other organizations')).toBeVisible();

  await switcher.selectOption({ label: other });
  await expect(active).toContainText(other);
  await expect(active).toContainText('Peer recovery specialist');
  await expect(page.getByText(`You are now working for ${other}.`)).toBeVisible();
  await expect(switcher.locator('option:checked')).toHaveText(other);
  await expectAccessible(page, 'home after switch');

  // The server remembers the choice for this session.
  await page.reload();
  await expect(page.getByTestId('active-organization')).toContainText(other);

  await switcher.selectOption({ label: before });
  await expect(active).toContainText(before);
});
