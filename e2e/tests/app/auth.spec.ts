import { expect, test } from '@playwright/test';

test('sign up, confirm with the emailed code, then sign in', async ({ page }) => {
  const email = `geordi.${String(Date.now())}@example.com`;
  await page.goto('/signup');
  await page.getByLabel('Name', { exact: true }).fill('Geordi La Forge');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Username').fill('geordi');
  await page.getByLabel('Password', { exact: true }).fill('visor-1701');
  await page.getByRole('button', { name: 'Sign up' }).click();

  // The original confirm page never read its query string; this one does.
  await expect(page).toHaveURL(new RegExp(`/confirm\\?email=${encodeURIComponent(email).replace(/\./g, '\\.')}$`));
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
  await page.getByLabel('Confirmation code').fill('123456');
  await page.getByRole('button', { name: 'Confirm email' }).click();

  await expect(page).toHaveURL(/\/signin\?email=/);
  await expect(page.getByText('Your email is confirmed')).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
  await page.getByLabel('Password', { exact: true }).fill('visor-1701');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/$/);
  const user = page.getByRole('region', { name: 'Signed in user' });
  await expect(user).toContainText('Geordi La Forge');
  await expect(page.getByRole('region', { name: 'Join The Party!' })).toHaveCount(0);
});
