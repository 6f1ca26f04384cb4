import { expect, test } from '@playwright/test';

test('post a crud and see it on top of the feed, and after a reload', async ({ page }) => {
  const message = `Week two is about tracing ${String(Date.now())}`;
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();

  await page.getByRole('button', { name: 'New crud' }).click();
  const dialog = page.getByRole('dialog', { name: 'New crud' });
  await dialog.getByRole('textbox', { name: 'Crud message' }).fill(message);
  await expect(dialog.getByText(`${String(message.length)}/280`)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Expires after' }).selectOption('1-day');
  await dialog.getByRole('button', { name: 'Crud', exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article').first()).toContainText(message);
  await page.reload();
  await expect(page.getByRole('article').first()).toContainText(message);
});

test('the API refuses a blank crud and the form says why', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New crud' }).click();
  const dialog = page.getByRole('dialog', { name: 'New crud' });
  await dialog.getByRole('textbox', { name: 'Crud message' }).fill('   ');
  const answer = page.waitForResponse((res) => res.url().endsWith('/api/activities') && res.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
  expect((await answer).status()).toBe(422);
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog).toBeVisible();
});

test('the counter turns red past 280 characters', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New crud' }).click();
  const dialog = page.getByRole('dialog', { name: 'New crud' });
  const text = dialog.getByRole('textbox', { name: 'Crud message' });
  await text.fill('x'.repeat(281));
  await expect(dialog.getByText('281/280')).toBeVisible();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
});

for (const path of ['/notifications', '/@andrewbrown']) {
  test(`post a crud from ${path} with the navigation's Crud button; it is on top of the home feed`, async ({ page }) => {
    const message = `Posted from ${path} ${String(Date.now())}`;
    await page.goto(path);
    await expect(page.getByRole('article').first()).toBeVisible();

    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('button', { name: 'New crud' }).click();
    const dialog = page.getByRole('dialog', { name: 'New crud' });
    await dialog.getByRole('textbox', { name: 'Crud message' }).fill(message);
    await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(path);

    await navigation.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('article').first()).toContainText(message);
  });
}

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the navigation is a bottom bar with the Crud button, and posting works from it', async ({ page }) => {
    const message = `Posted from a phone ${String(Date.now())}`;
    await page.goto('/notifications');
    await expect(page.getByRole('article').first()).toBeVisible();

    const navigation = page.getByRole('navigation', { name: 'Main' });
    const crud = navigation.getByRole('button', { name: 'New crud' });
    await expect(crud).toBeInViewport();
    // Along the bottom of the screen, whole.
    const [bar, viewport] = [await navigation.boundingBox(), page.viewportSize()];
    if (bar === null || viewport === null) throw new Error('no navigation bar or viewport');
    expect(bar.y).toBeGreaterThan(viewport.height - 100);
    expect(bar.y + bar.height).toBeLessThanOrEqual(viewport.height);
    // No sideways scrolling: the page fits the screen.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);

    await crud.click();
    const dialog = page.getByRole('dialog', { name: 'New crud' });
    await dialog.getByRole('textbox', { name: 'Crud message' }).fill(message);
    await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
    await expect(dialog).toBeHidden();
    await navigation.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('article').first()).toContainText(message);
  });
});
