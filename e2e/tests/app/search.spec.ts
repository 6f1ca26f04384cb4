import { expect, test } from '@playwright/test';

test('search from the sidebar runs the search API', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search cruds' });
  await box.fill('prune');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?term=prune$/);
  const results = page.getByRole('article');
  await expect(results.filter({ hasText: 'I am out of prune juice' })).toBeVisible();
  await expect(results.filter({ hasText: 'Cloud is very fun!' })).toHaveCount(0);
});

test('a blank search is refused with a message', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search cruds' });
  await box.fill('   ');
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Type something to search for' })).toBeVisible();
});
