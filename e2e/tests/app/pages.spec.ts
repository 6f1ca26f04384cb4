import { expect, test } from '@playwright/test';

test('notifications list the current user notifications', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('article').filter({ hasText: 'I am a white unicorn' })).toBeVisible();
});

test('forgot password: email, then code and new password', async ({ page }) => {
  await page.goto('/forgot');
  await expect(page.getByRole('heading', { name: 'Recover your password' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill('andrew@exampro.co');
  await page.getByRole('button', { name: 'Send recovery code' }).click();
  await page.getByLabel('Recovery code').fill('123456');
  await page.getByLabel('New password', { exact: true }).fill('new-secret-42');
  await page.getByLabel('Confirm new password').fill('new-secret-42');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been reset.' })).toBeVisible();
});

test('mismatched new passwords are refused next to the form', async ({ page }) => {
  await page.goto('/forgot');
  await page.getByLabel('Email', { exact: true }).fill('andrew@exampro.co');
  await page.getByRole('button', { name: 'Send recovery code' }).click();
  await page.getByLabel('Recovery code').fill('123456');
  await page.getByLabel('New password', { exact: true }).fill('new-secret-42');
  await page.getByLabel('Confirm new password').fill('something-else');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been reset.' })).toHaveCount(0);
  await expect(page.getByLabel('Confirm new password')).toHaveAttribute('aria-invalid', 'true');
});

test('an unknown page says so', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
