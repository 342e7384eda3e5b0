/**
 * The Content-Security-Policy (scripts/csp.ts) blocks nothing the site itself does: every built
 * page, the search (Pagefind's WebAssembly), the service worker and a QR code load without a
 * single violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = new URL('../../dist/', import.meta.url).pathname;

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pages(path);
    return name === 'index.html' ? [`/${relative(dist, dir)}${dir === dist ? '' : '/'}`.replace('//', '/')] : [];
  });
}

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('every page has the policy and loads without a violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const paths = pages(dist);
  expect(paths.length).toBeGreaterThan(30);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self' 'sha256-/);
  }
  expect(violations).toEqual([]);
});

test('search (Pagefind WebAssembly), the service worker and a QR code run under the policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/search/?q=会议简报');
  await expect(page.locator('#search-page-results li').first()).toBeVisible();
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state ?? null))).toBe('activated');
  await page.goto('/trainer/');
  await page.getByLabel('作业名称').fill('CSP 检查');
  await page.getByLabel(/^培训师姓名/).fill('王老师');
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.locator('svg.qr').first()).toBeVisible();
  expect(violations).toEqual([]);
});
