import { expect, test } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

test.describe('术语表', () => {
  test('lists the terms the chapters mark, each linking back to its chapter', async ({ page }) => {
    await page.goto('/glossary/');
    const items = page.locator('.glossary-item');
    expect(await items.count()).toBeGreaterThan(100);
    const briefing = items.filter({ has: page.locator('dt', { hasText: /^会议简报$/ }) });
    await expect(briefing.getByRole('link')).toHaveAttribute('href', /^\/chapters\/meetings\/#term-会议简报$/);
    await briefing.getByRole('link').click();
    await expect(page.locator('[id="term-会议简报"]')).toBeInViewport();
  });

  for (const query of ['会议简报', 'huiyi jianbao', 'hyjb', '會議簡報']) {
    test(`finds 会议简报 by “${query}”`, async ({ page }) => {
      await page.goto('/glossary/');
      await page.getByLabel(/查找术语/).fill(query);
      const visible = page.locator('.glossary-item:visible');
      await expect(page.getByRole('status')).toContainText('找到');
      // Results are ordered by rank with CSS order; the best match is the lowest order value.
      const best = await visible.evaluateAll((els) =>
        els.sort((a, b) => Number((a as HTMLElement).style.order) - Number((b as HTMLElement).style.order))[0]?.querySelector('dt')?.textContent,
      );
      expect(best).toBe('会议简报');
    });
  }

  test('is accessible', async ({ page }) => {
    await page.goto('/glossary/');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
