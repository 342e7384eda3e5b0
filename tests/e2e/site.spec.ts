import { expect, test } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

test('the home page lists every chapter with its summary and reading time', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const cards = page.locator('.chapter-card');
  expect(await cards.count()).toBeGreaterThanOrEqual(1);
  await expect(cards.filter({ hasText: '会议组织与管理' })).toContainText('分钟');
  await cards.filter({ hasText: '会议组织与管理' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/chapters\/meetings\/$/);
});

test('a chapter renders its objectives, table of contents and linkable sections', async ({ page }) => {
  await page.goto('/chapters/meetings/');
  await expect(page.getByRole('heading', { level: 1, name: '会议组织与管理' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '学习目标' })).toBeVisible();
  const toc = page.getByRole('navigation', { name: '本章目录' });
  const tocLinks = toc.getByRole('link');
  expect(await tocLinks.count()).toBeGreaterThanOrEqual(5);
  // Every table-of-contents entry points at a section heading that exists on the page.
  for (const href of await tocLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    await expect(page.locator(`h2${href}`)).toHaveCount(1);
  }
  await toc.getByRole('link', { name: '会议简报' }).click();
  await expect(page).toHaveURL(/#briefing$/);
  await expect(page.locator('#briefing')).toBeInViewport();
});

test('a chapter links to the next chapter and back', async ({ page }) => {
  await page.goto('/chapters/meetings/');
  const pager = page.getByRole('navigation', { name: '上一章和下一章' });
  await pager.getByRole('link', { name: /上一章/ }).click();
  await expect(page).toHaveURL(/\/chapters\/ethics\/$/);
  await page.getByRole('navigation', { name: '上一章和下一章' }).getByRole('link', { name: /下一章/ }).click();
  await expect(page).toHaveURL(/\/chapters\/meetings\/$/);
});

test('the theme toggle switches to dark and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.locator('theme-toggle button');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('theme-toggle button')).toHaveAttribute('aria-pressed', 'true');
});

test('marking a chapter as read is remembered on the device', async ({ page }) => {
  await page.goto('/chapters/meetings/');
  const button = page.getByRole('button', { name: '标记为已学完' });
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: '已学完' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.mark-read')).toHaveAttribute('aria-pressed', 'true');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/chapters/meetings/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

for (const path of ['/', '/chapters/meetings/', '/search/', '/practice/']) {
  test(`axe finds no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test(`at 360 px wide ${path} does not scroll sideways`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the dark theme also passes axe on a chapter', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/chapters/meetings/');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('on a phone the table of contents starts closed and opens on tap', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/chapters/meetings/');
  const toc = page.getByRole('navigation', { name: '本章目录' });
  await expect(toc.getByRole('link', { name: '会议简报' })).toBeHidden();
  await toc.getByText('本章目录').click();
  await expect(toc.getByRole('link', { name: '会议简报' })).toBeVisible();
});
