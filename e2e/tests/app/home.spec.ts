import { expect, test } from '@playwright/test';
import { saveScreenshot } from '../../fixtures/screenshots.js';

test('home feed shows the three seeded cruds, newest first, with replies', async ({ page }, testInfo) => {
  await page.goto('/');
  const feed = page.getByRole('article');
  const garek = feed.filter({ hasText: 'My dear doctor, I am just simple tailor' });
  const worf = feed.filter({ hasText: 'I am out of prune juice' });
  const andrew = feed.filter({ hasText: 'Cloud is very fun!' }).first();
  await expect(garek).toBeVisible();
  await expect(worf).toBeVisible();
  await expect(andrew).toBeVisible();
  await expect(andrew.getByText('This post has no honor!')).toBeVisible();
  await expect(andrew.getByRole('link', { name: 'Andrew Brown @andrewbrown' }).first()).toBeVisible();

  // Newest first: Garek (2 hours ago), Worf (7 days), Andrew (10 days).
  const top = await Promise.all([garek, worf, andrew].map(async (item) => (await item.boundingBox())?.y ?? NaN));
  expect(top[0]).toBeLessThan(top[1] ?? NaN);
  expect(top[1]).toBeLessThan(top[2] ?? NaN);

  await saveScreenshot(page, testInfo, 'home.png');
});

test('the API is reachable only from the web app origin', async ({ request }) => {
  const allowed = await request.get('http://localhost:4567/api/activities/home', {
    headers: { origin: 'http://localhost:3000' },
  });
  expect(allowed.headers()['access-control-allow-origin']).toBe('http://localhost:3000');
  const other = await request.get('http://localhost:4567/api/activities/home', {
    headers: { origin: 'http://evil.example' },
  });
  expect(other.headers()['access-control-allow-origin']).toBeUndefined();
});
