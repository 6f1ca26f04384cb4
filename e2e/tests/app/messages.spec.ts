import { expect, test } from '@playwright/test';

test('open messages and send one to Worf', async ({ page }) => {
  const text = `Today is a good day to trace ${String(Date.now())}`;
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { name: 'Messages' })).toBeVisible();

  const conversations = page.getByRole('navigation', { name: 'Conversations' });
  await conversations.getByRole('link', { name: /Worf/ }).click();
  await expect(page).toHaveURL(/\/messages\/@worf$/);

  const conversation = page.getByRole('region', { name: '@worf' });
  await conversation.getByRole('textbox', { name: 'Message' }).fill(text);
  await conversation.getByRole('button', { name: 'Send' }).click();
  await expect(conversation.getByText(text)).toBeVisible();
  // The group list shows the newest message of each conversation.
  await expect(conversations.getByRole('link', { name: /Worf/ })).toContainText(text);
});
