import { expect, test } from '@playwright/test';

test('a Chinese query on the search page returns the section that teaches it', async ({ page }) => {
  await page.goto('/search/?q=会议简报');
  const first = page.locator('#search-page-results li').first();
  await expect(first).toBeVisible();
  await expect(first.getByRole('link')).toHaveAttribute('href', /\/chapters\/meetings\/#briefing$/);
  await expect(first.locator('mark').first()).toBeVisible();
  await expect(first.locator('.chapter')).toHaveText('会议组织与管理');
});

test('typing in the search box shows results without reloading', async ({ page }) => {
  await page.goto('/search/');
  await page.getByLabel(/输入关键词/).fill('会场布置');
  const hits = page.locator('#search-page-results li a');
  await expect(hits.first()).toBeVisible();
  const hrefs = await hits.evaluateAll((links) => links.slice(0, 5).map((a) => a.getAttribute('href')));
  expect(hrefs.some((h) => h?.startsWith('/chapters/meetings/#layout'))).toBe(true);
});

test('the header search opens with "/" and loads Pagefind only then', async ({ page }) => {
  const pagefindRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) pagefindRequests.push(r.url());
  });
  await page.goto('/chapters/meetings/');
  await page.waitForLoadState('networkidle');
  expect(pagefindRequests).toEqual([]);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: '搜索全站内容' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox').fill('会议纪要');
  await expect(dialog.locator('.search-results a').first()).toHaveAttribute('href', /#minutes(--|$)/);
  expect(pagefindRequests.length).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a query that matches nothing says so', async ({ page }) => {
  await page.goto('/search/?q=zqxjvw');
  await expect(page.locator('#search-page-status')).toContainText('没有找到与“zqxjvw”相关的内容');
  await expect(page.locator('#search-page-results li')).toHaveCount(0);
});
