import { expect, test } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

test.describe('术语表', () => {
  test('lists the terms the chapters mark, each linking back to its chapter', async ({ page }) => {
    await page.goto('/glossary/');
    const items = page.locator('.term-names .glossary-item');
    expect(await items.count()).toBeGreaterThan(100);
    const briefing = items.filter({ hasText: /^会议简报$/ });
    await expect(briefing.getByRole('link')).toHaveAttribute('href', /^\/chapters\/meetings\/#term-会议简报$/);
    await briefing.getByRole('link').click();
    await expect(page.locator('[id="term-会议简报"]')).toBeInViewport();
  });

  test('a chapter\'s terms are listed with their definitions on its own page', async ({ page }) => {
    await page.goto('/glossary/');
    await page.getByRole('link', { name: /会议组织与管理/ }).click();
    await expect(page).toHaveURL(/\/glossary\/meetings\/$/);
    const briefing = page.locator('.glossary-item').filter({ has: page.locator('dt', { hasText: /^会议简报$/ }) });
    await expect(briefing.locator('dd')).not.toBeEmpty();
    await expect(briefing.getByRole('link')).toHaveAttribute('href', /^\/chapters\/meetings\/#term-会议简报$/);
  });

  for (const query of ['会议简报', 'huiyi jianbao', 'hyjb', '會議簡報']) {
    test(`finds 会议简报 by “${query}”`, async ({ page }) => {
      await page.goto('/glossary/');
      await page.getByLabel(/查找术语/).fill(query);
      await expect(page.getByRole('status')).toContainText('找到');
      // Results are listed best match first.
      await expect(page.locator('.glossary-results .glossary-item .term').first()).toHaveText('会议简报');
    });
  }

  test('a query typed before the terms arrive still finds them (the converter may load first)', async ({ page, context }) => {
    // The service worker would answer from its cache, out of page.route's reach.
    await context.route('**/sw.js', (route) => route.abort());
    await page.route('**/data/glossary.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto('/glossary/');
    await page.getByLabel(/查找术语/).fill('會議簡報');
    await expect(page.locator('.glossary-results .glossary-item .term').first()).toHaveText('会议简报');
  });

  test('is accessible', async ({ page }) => {
    await page.goto('/glossary/');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
