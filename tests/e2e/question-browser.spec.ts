import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import type { ChapterBank } from '../../src/content/catalog.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /共 \d+ 题|没有符合条件/ });
const entries = (page: Page) => page.locator('question-browser .entry');
/** A filter control by its label, inside the filter form (the header search has labels too). */
const control = (page: Page, label: string) => page.getByRole('search', { name: '筛选题目' }).getByLabel(label, { exact: true });

async function countShown(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  return Number(/共 (\d+) 题/.exec(text)?.[1] ?? 0);
}

test('filtering to one chapter and 判断 shows only those, and the URL keeps the filter', async ({ page }) => {
  await page.goto('/bank/');
  await expect(status(page)).toBeVisible();
  const everything = await countShown(page);
  expect(everything).toBeGreaterThan(50);
  // Results come 50 at a time; the retry button is only for a failed download.
  await expect(entries(page)).toHaveCount(50);
  await expect(page.getByRole('button', { name: '重新载入' })).toBeHidden();

  await control(page, '章节').selectOption('meetings');
  await control(page, '题型').selectOption({ label: '判断' });
  await expect(page).toHaveURL(/\?chapter=meetings&type=judge$/);
  const judged = await countShown(page);
  expect(judged).toBeGreaterThan(0);
  expect(judged).toBeLessThan(everything);
  await expect(entries(page)).toHaveCount(Math.min(judged, 50));
  for (const meta of await entries(page).locator('.meta').allTextContents()) {
    expect(meta).toContain('判断');
    expect(meta).toContain('会议组织与管理 ›');
  }

  // A shared link opens the same view.
  await page.goto('/bank/?chapter=meetings&type=judge');
  await expect(control(page, '章节')).toHaveValue('meetings');
  await expect(control(page, '题型')).toHaveValue('judge');
  await expect(status(page)).toHaveText(`共 ${judged} 题`);
});

test('the section list follows the chapter, and difficulty narrows further', async ({ page }) => {
  await page.goto('/bank/');
  await expect(status(page)).toBeVisible();
  await expect(control(page, '小节')).toBeDisabled();
  await control(page, '章节').selectOption('meetings');
  await expect(control(page, '小节')).toBeEnabled();
  await control(page, '小节').selectOption('plan');
  await control(page, '难度').selectOption({ label: '易' });
  await expect(page).toHaveURL(/\?chapter=meetings&section=plan&difficulty=1$/);
  for (const meta of await entries(page).locator('.meta').allTextContents()) expect(meta).toContain('难度：易');

  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page).toHaveURL(/\/bank\/$/);
  await expect(control(page, '小节')).toBeDisabled();
});

/** A phrase of 12 characters from a stem that no other stem contains, so the question must rank first. */
async function uniquePhrase(request: APIRequestContext): Promise<{ phrase: string; stem: string }> {
  const catalog = (await (await request.get('/data/catalog.json')).json()) as { chapters: { id: string }[] };
  const stems: string[] = [];
  for (const { id } of catalog.chapters) {
    const response = await request.get(`/data/bank/${id}.json`);
    if (response.ok()) stems.push(...((await response.json()) as ChapterBank).questions.map((q) => q.stem));
  }
  for (const stem of stems.slice(7)) {
    const phrase = stem.replace(/[（(]\s*[）)]/g, '').slice(0, 12);
    if (phrase.length === 12 && stems.filter((other) => other.includes(phrase)).length === 1) return { phrase, stem };
  }
  throw new Error('no stem with a unique opening phrase');
}

test('searching a phrase from a stem finds that question first', async ({ page, request }) => {
  const { phrase, stem } = await uniquePhrase(request);
  await page.goto('/bank/');
  await expect(status(page)).toBeVisible();
  const search = control(page, '搜索题干、选项或案例');
  await search.fill(phrase);
  await expect(entries(page).first().locator('.stem')).toHaveText(stem);
  expect(new URL(page.url()).searchParams.get('q')).toBe(phrase);

  await search.fill('量子纠缠态的测量');
  await expect(page.getByRole('status')).toContainText('没有符合条件的题目');
  await expect(entries(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /显示更多/ })).toBeHidden();
});

test('expanding a question shows its answer, explanation and a link to its section', async ({ page, request }) => {
  const bank = (await (await request.get('/data/bank/meetings.json')).json()) as ChapterBank;
  const first = bank.questions.find((q) => q.type === 'single');
  if (!first) throw new Error('no 单选 in the meetings bank');

  await page.goto('/bank/?chapter=meetings&type=single');
  const entry = entries(page).first();
  await expect(entry.locator('.stem')).toHaveText(first.stem);
  await expect(entry.locator('.options li')).toHaveCount(first.options.length);
  await expect(entry.locator('.options li').first()).toHaveText(`A.${first.options[0]}`);

  const explanation = entry.getByText(first.explanation);
  await expect(explanation).toBeHidden();
  // Keyboard: the summary is focusable and Enter opens it.
  await entry.getByText('答案与解析').focus();
  await page.keyboard.press('Enter');
  await expect(explanation).toBeVisible();
  await expect(entry.getByText(`答案：${'ABCDE'[first.answer[0] ?? 0]}`)).toBeVisible();
  const link = entry.getByRole('link', { name: /去学习本节/ });
  await expect(link).toHaveAttribute('href', `/chapters/meetings/#${first.section}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/chapters/meetings/#${first.section}$`));
  await expect(page.locator(`[id="${first.section}"]`)).toBeInViewport();
});

test('a case item shows its scenario, and on expanding its model answers and 得分点', async ({ page }) => {
  await page.goto('/bank/?type=case');
  const entry = entries(page).first();
  await expect(entry.locator('.scenario')).not.toBeEmpty();
  await expect(entry.locator('.prompts li').first()).not.toBeEmpty();
  await entry.getByText('参考答案与得分点').click();
  await expect(entry.getByText(/第 1 问参考答案/)).toBeVisible();
  await expect(entry.locator('.points li').first()).toContainText(/（\d+ 分）$/);
});

test('显示更多 adds the next 50 and moves focus to the first of them', async ({ page }) => {
  await page.goto('/bank/');
  await expect(entries(page)).toHaveCount(50);
  await page.getByRole('button', { name: /显示更多/ }).click();
  await expect(entries(page)).toHaveCount(Math.min(await countShown(page), 100));
  await expect(entries(page).nth(50)).toBeFocused();
});

test.describe('without the service worker', () => {
  // The worker would answer from its cache, out of page.route's reach.
  test.use({ serviceWorkers: 'block' });

  test('a failed download says so in Chinese and offers to retry', async ({ page }) => {
    let fail = true;
    await page.route('**/data/bank/*.json', (route) => (fail ? route.abort() : route.continue()));
    await page.goto('/bank/');
    await expect(page.getByRole('status')).toContainText('题库载入失败');
    fail = false;
    await page.getByRole('button', { name: '重新载入' }).click();
    await expect(status(page)).toContainText(/共 \d+ 题/);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no accessibility violations on /bank/ (${colorScheme}), with a question open`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/bank/?chapter=meetings');
    await entries(page).first().getByText('答案与解析').click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('at 360 px wide /bank/ does not scroll sideways, even with a case open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/bank/?type=case');
  await entries(page).first().getByText('参考答案与得分点').click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('printing hides the filters', async ({ page }) => {
  await page.goto('/bank/?chapter=meetings');
  await expect(status(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('search', { name: '筛选题目' })).toBeHidden();
  await expect(entries(page).first()).toBeVisible();
});
