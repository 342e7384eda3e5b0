import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

// Queries a learner would type, each with the section that teaches the answer (tests/e2e/recall/).
// The section must be among the first five results of the site's own search.
interface RecallCase {
  query: string;
  expect: string;
}
const dir = new URL('./recall/', import.meta.url);
const cases: RecallCase[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as RecallCase[]);

/** `/chapters/meetings/#briefing--sub` → `meetings#briefing` */
function sectionOf(href: string): string {
  const match = /\/chapters\/([^/]+)\/#([^-]+(?:-[^-]+)*?)(?:--.*)?$/.exec(decodeURI(href));
  return match ? `${match[1]}#${match[2]}` : href;
}

test('the recall list is long enough to mean something', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

for (const { query, expect: expected } of cases) {
  test(`search “${query}” finds ${expected} in the top 5`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('#search-page-status')).toContainText(/找到|没有找到/);
    const hrefs = await page.locator('#search-page-results li a').evaluateAll((links) => links.slice(0, 5).map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.map(sectionOf)).toContain(expected);
  });
}
