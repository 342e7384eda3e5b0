/** axe on the page as it is now: every violation as 「rule: selectors」, so a failure names what to fix. */
import { expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}
