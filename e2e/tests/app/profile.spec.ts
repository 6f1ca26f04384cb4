import { expect, test } from '@playwright/test';

test('open your profile from the navigation', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/\/@andrewbrown$/);
  await expect(page.getByRole('heading', { name: 'Andrew Brown' })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'Cloud is very fun!' }).first()).toBeVisible();
});

test('open a suggested user profile with only their cruds', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Suggested Users' }).getByRole('link', { name: 'Worf @worf' }).click();
  await expect(page).toHaveURL(/\/@worf$/);
  await expect(page.getByRole('heading', { name: 'Worf' })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'I am out of prune juice' })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'My dear doctor' })).toHaveCount(0);
});

test('an unknown user has a not-found page', async ({ page }) => {
  await page.goto('/@nobody-here');
  await expect(page.getByRole('heading', { name: "This account doesn't exist" })).toBeVisible();
});
