import { expect, test } from '@playwright/test';

test('reply to a crud and see the reply under it', async ({ page }) => {
  const reply = `Qapla'! ${String(Date.now())}`;
  await page.goto('/');
  const crud = page.getByRole('article').filter({ hasText: 'My dear doctor, I am just simple tailor' }).first();
  await crud.getByRole('button', { name: /^Reply \(\d+\)$/ }).first().click();

  const dialog = page.getByRole('dialog', { name: 'Reply to Garek' });
  await dialog.getByRole('textbox', { name: 'Reply message' }).fill(reply);
  await dialog.getByRole('button', { name: 'Reply', exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(crud.getByText(reply)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('article').filter({ hasText: reply }).first()).toBeVisible();
});
