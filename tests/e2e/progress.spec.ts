import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { drawPaper, layoutOf, record, saveAttempt, startAttempt } from '../../src/quiz/index.ts';
import type { Blueprint, KeyValueStore, QuizQuestion } from '../../src/quiz/index.ts';

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok()).toBe(true);
  return (await response.json()) as T;
}

const meetingsQuestions = async (request: APIRequestContext) =>
  (await getJson<{ questions: QuizQuestion[] }>(request, '/data/bank/meetings.json')).questions;

const wrongOption = (q: QuizQuestion) => q.options.findIndex((_, i) => !q.answer.includes(i));

/** Answers the first meetings question right and the second wrong, and stars the second. */
async function practiseTwo(page: Page, questions: QuizQuestion[]) {
  const [first, second] = questions;
  if (!first || !second || first.type === 'multiple' || second.type === 'multiple') throw new Error('expected two single-answer questions first');
  await page.goto('/practice/?chapter=meetings&mode=order');
  await expect(page.locator('fieldset.question')).toBeVisible();
  await page.keyboard.press(String((first.answer[0] ?? 0) + 1));
  await expect(page.locator('.feedback')).toContainText('回答正确');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(String(wrongOption(second) + 1));
  await expect(page.locator('.feedback')).toContainText('回答错误');
  await page.getByRole('button', { name: '收藏' }).click();
  await expect(page.getByRole('button', { name: '收藏' })).toHaveAttribute('aria-pressed', 'true');
}

const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`);
const chapterRow = (page: Page, id: string) => page.locator(`tr[data-chapter="${id}"]`);


/** Stored entries for submitted 本章测验 attempts on meetings, one per score, built with the engine itself. */
async function examEntries(request: APIRequestContext, rightCounts: number[]): Promise<[string, string][]> {
  const questions = await meetingsQuestions(request);
  const { blueprints } = await getJson<{ blueprints: Blueprint[] }>(request, '/data/catalog.json');
  const blueprint = blueprints.find((b) => b.perChapter);
  if (!blueprint) throw new Error('no per-chapter blueprint');
  const entries = new Map<string, string>();
  const store: KeyValueStore = {
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
    keys: () => [...entries.keys()],
  };
  const start = Date.now() - rightCounts.length * 86_400_000;
  rightCounts.forEach((right, n) => {
    const paper = drawPaper(questions, blueprint, `e2e-${n}`, { chapter: 'meetings' });
    const at = start + n * 86_400_000;
    let attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: blueprint.minutes * 60_000 }, at);
    paper.items.forEach((item, index) => {
      const choice = index < right ? item.question.answer : [wrongOption(item.question)];
      attempt = record(attempt, { kind: 'answer', at: at + 1000 + index, item: index, choice }).attempt;
    });
    attempt = record(attempt, { kind: 'submit', at: at + 600_000 }).attempt;
    saveAttempt(store, { id: `e2e-exam-${n}`, layout: layoutOf(paper), steps: attempt.steps });
  });
  return [...entries];
}

test('progress shows mastery, 错题本/收藏/复习 counts, the streak and the chapters read', async ({ page, request }) => {
  await page.goto('/progress/');
  await expect(figure(page, 'streak')).toHaveText('0 天');
  await expect(page.getByText('还没有交卷的理论知识试卷或测验')).toBeVisible();

  const questions = await meetingsQuestions(request);
  await practiseTwo(page, questions);
  await page.goto('/chapters/meetings/');
  await page.getByRole('button', { name: '标记为已学完' }).click();

  await page.goto('/progress/');
  await expect(figure(page, 'wrong')).toHaveText('1 题');
  await expect(figure(page, 'starred')).toHaveText('1 题');
  await expect(figure(page, 'due')).toHaveText('0 题');
  await expect(figure(page, 'streak')).toHaveText('1 天');
  await expect(figure(page, 'streak-detail')).toContainText('今天已学习');
  await expect(figure(page, 'read')).toHaveText(/^1 \/ \d+ 章$/);
  const row = chapterRow(page, 'meetings');
  await expect(row.locator('[data-cell="read"]')).toContainText('✓');
  await expect(row.locator('[data-cell="practised"]')).toHaveText(`2/${questions.length}`);
  await expect(row.locator('[data-cell="mastery"]')).toHaveText('50%（最近 2 题答对 1 题）');
  await expect(chapterRow(page, 'ethics').locator('[data-cell="mastery"]')).toHaveText('未练习');
  await expect(row.getByRole('link', { name: '会议组织与管理', exact: true })).toHaveAttribute('href', '/chapters/meetings/');

  const chart = page.getByRole('img', { name: '各章掌握度（条形图）' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText('会议组织与管理 50%');

  await page.getByRole('link', { name: '练习错题本' }).click();
  await expect(page).toHaveURL(/\/practice\/\?mode=wrong$/);
  await expect(page.locator('.position')).toHaveText('第 1 / 1 题');
});

test('submitted mock exams are charted over time, with the numbers in a table', async ({ page, request }) => {
  const entries = await examEntries(request, [10, 20]);
  await page.goto('/progress/');
  await page.evaluate((pairs) => {
    for (const [key, value] of pairs) localStorage.setItem(key, value);
  }, entries);
  await page.reload();

  const chart = page.getByRole('img', { name: '模拟考试成绩走势（折线图）' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText('共 2 次模拟考试');
  await expect(chart.locator('circle')).toHaveCount(2);
  const rows = page.locator('table.exam-table tbody tr');
  await expect(rows).toHaveCount(2);
  // 本章测验 has 25 questions scaled to 100 points: 10 right is 40, 20 right is 80.
  await expect(rows.nth(0)).toContainText('40/100');
  await expect(rows.nth(0)).toContainText('未及格');
  await expect(rows.nth(1)).toContainText('80/100');
  await expect(rows.nth(1)).toContainText('及格');
  await expect(page.getByText('还没有交卷的理论知识试卷或测验')).toBeHidden();
  expect(await axeViolations(page)).toEqual([]);
});

test('progress exported to a file imports into a fresh browser with the 错题本 restored', async ({ page, request, browser }) => {
  const questions = await meetingsQuestions(request);
  await practiseTwo(page, questions);
  await page.goto('/progress/');
  await expect(figure(page, 'wrong')).toHaveText('1 题');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出学习进度' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mishu-progress-\d{4}-\d{2}-\d{2}\.json$/);
  // Read at once: test-results/ is shared with other runs, the download's own temp file is not.
  const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: await readFile(await download.path()) };
  expect(JSON.parse(file.buffer.toString('utf8'))).toMatchObject({ format: 'mishu-xuetang-progress', entries: { review: { v: 2 } } });
  await expect(page.locator('.backup-status')).toContainText('已导出 1 条记录');

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto('/progress/');
    await expect(figure(other, 'wrong')).toHaveText('0 题');
    await other.getByLabel(/导入学习进度/).setInputFiles(file);
    // A dry run first: what the file would add, and nothing written until the learner confirms.
    const plan = other.locator('.import-plan');
    await expect(plan).toContainText('错题本、收藏与复习记录（按题计）：新增 2');
    await expect(figure(other, 'wrong')).toHaveText('0 题');
    await plan.getByRole('button', { name: '确认导入' }).click();
    const status = other.locator('.backup-status');
    await expect(status).toContainText(`已从 ${download.suggestedFilename()} 导入 1 条记录`);
    await expect(figure(other, 'wrong')).toHaveText('1 题');
    await expect(figure(other, 'starred')).toHaveText('1 题');
    await expect(chapterRow(other, 'meetings').locator('[data-cell="mastery"]')).toHaveText('50%（最近 2 题答对 1 题）');

    await other.goto('/practice/?mode=wrong');
    await expect(other.locator('fieldset.question legend')).toContainText(questions[1]?.stem ?? '');
  } finally {
    await fresh.close();
  }
});

test('a file that is not a progress export is refused with the reason', async ({ page }) => {
  await page.goto('/progress/');
  await page.getByLabel(/导入学习进度/).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.locator('.backup-status')).toContainText('这个文件不能导入：不是本站导出的学习进度文件');
  await expect(page.locator('.import-plan')).toBeHidden();
});

test('axe finds nothing on the progress page, empty or filled, light or dark', async ({ page, request }) => {
  await page.goto('/progress/');
  await expect(figure(page, 'streak')).toHaveText('0 天');
  expect(await axeViolations(page)).toEqual([]);
  await practiseTwo(page, await meetingsQuestions(request));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/progress/');
  await expect(figure(page, 'streak')).toHaveText('1 天');
  expect(await axeViolations(page)).toEqual([]);
});

test('at 360 px the progress page with charts does not scroll sideways', async ({ page, request }) => {
  const entries = await examEntries(request, [15]);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/progress/');
  await page.evaluate((pairs) => {
    for (const [key, value] of pairs) localStorage.setItem(key, value);
  }, entries);
  await page.reload();
  await expect(page.getByRole('img', { name: '模拟考试成绩走势（折线图）' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

/**
 * Fills localStorage to its last byte with filler entries (halving the chunk until not even one
 * character fits), as a device whose browser storage is full. Returns the filler keys.
 */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler-${n}`, chunk);
        n++;
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
    return n;
  });
}

const freeFillers = (page: Page) =>
  page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });

test('storage full to the last byte: progress still shows, the export holds all of it, and new work is reported unsaved', async ({ page, request }) => {
  const questions = await meetingsQuestions(request);
  await practiseTwo(page, questions);
  const entries = await examEntries(request, [12, 15]);
  await page.evaluate((pairs) => {
    for (const [key, value] of pairs) localStorage.setItem(key, value);
  }, entries);
  expect(await fillStorage(page)).toBeGreaterThan(0);

  await page.goto('/progress/');
  await expect(figure(page, 'wrong')).toHaveText('1 题');
  await expect(page.getByRole('img', { name: '模拟考试成绩走势（折线图）' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出学习进度' }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { entries: Record<string, unknown> };
  expect(Object.keys(exported.entries)).toEqual(expect.arrayContaining(['review', 'attempt:e2e-exam-0', 'attempt:e2e-exam-1']));
  await expect(page.locator('.backup-status')).not.toContainText('不允许本站保存数据');

  // New work (a question never answered before) cannot be saved: the page says so, the answer
  // stays on screen, and what was stored is untouched.
  await page.goto('/practice/?chapter=office&mode=order');
  await expect(page.locator('fieldset.question')).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.locator('.feedback')).toBeVisible();
  await expect(page.getByText(/存储空间已满/).first()).toBeVisible();
  await freeFillers(page);
  await page.goto('/progress/');
  await expect(figure(page, 'wrong')).toHaveText('1 题');
});

/** A progress file of `count` submitted attempts (copies of the engine-built ones, renamed). */
async function progressFile(request: APIRequestContext, count: number): Promise<Buffer> {
  const built = await examEntries(request, [10]);
  const envelope = JSON.parse(built[0]?.[1] ?? 'null') as { v: number; data: { id: string } };
  const entries: Record<string, unknown> = {};
  for (let n = 0; n < count; n++) entries[`attempt:big-${n}`] = { v: envelope.v, data: { ...envelope.data, id: `big-${n}` } };
  return Buffer.from(JSON.stringify({ format: 'mishu-xuetang-progress', version: 2, exportedAt: Date.now(), entries }));
}

test('a progress file bigger than the device can hold is refused whole, and one that no longer fits writes nothing', async ({ page, request }) => {
  await page.goto('/progress/');
  const huge = await progressFile(request, 8000);
  expect(huge.length).toBeGreaterThan(15 * 1024 * 1024);
  await page.getByLabel(/导入学习进度/).setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: huge });
  await expect(page.locator('.backup-status')).toContainText('这个文件不能导入：它有');
  await expect(page.locator('.backup-status')).toContainText('超过浏览器为本站保存数据的容量');
  await expect(page.locator('.import-plan')).toBeHidden();

  // A file that fits the limit, on a device with almost no room left: planned, then refused whole.
  const file = await progressFile(request, 400);
  expect(file.length).toBeLessThan(5 * 1024 * 1024);
  await fillStorage(page);
  await page.evaluate(() => localStorage.removeItem('filler-0'));
  const keysBefore = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('mishu:')).length);
  await page.getByLabel(/导入学习进度/).setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: file });
  const plan = page.locator('.import-plan');
  await expect(plan).toContainText('新增 400');
  await plan.getByRole('button', { name: '确认导入' }).click();
  await expect(page.locator('.backup-status')).toContainText('没有导入');
  await expect(page.locator('.backup-status')).toContainText('存储空间已满');
  // The messages are said once, not once per entry.
  expect(await page.locator('.backup-status p').count()).toBeLessThan(5);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('mishu:')).length)).toBe(keysBefore);
  await freeFillers(page);
});
