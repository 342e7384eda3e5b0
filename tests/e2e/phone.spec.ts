/**
 * The site on a phone (360×780, touch): compact header and tab bar, the exam and practice screens,
 * nothing scrolling sideways, no accessibility violation, search hits without anchor text, and
 * the home page's 今日 card with its plan.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a compact header (at most 56 px) with one search button, and the tab bar with the current tab marked', async ({ page }) => {
  await page.goto('/practice/');
  const header = await page.locator('.site-header').boundingBox();
  expect(header?.height).toBeLessThanOrEqual(56);
  await expect(page.getByRole('button', { name: '搜索' })).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  const tabs = page.getByRole('navigation', { name: '底部导航' });
  await expect(tabs.getByRole('link')).toHaveText(['学习', '练习', '考试', '进度', '更多']);
  await expect(tabs.getByRole('link', { name: '练习' })).toHaveAttribute('aria-current', 'page');
  const bar = await tabs.boundingBox();
  expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeLessThanOrEqual(780);
  // Typing: the tab bar steps aside for the on-screen keyboard.
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(tabs).toBeHidden();
});

test('the exam on a phone: first question in view, timer and 交卷 stay, the sheet opens as a bottom sheet, big targets, no key hints', async ({ page }) => {
  await page.goto('/exam/?blueprint=quick-quiz');
  await page.getByRole('button', { name: '开始考试' }).click();
  const stem = page.locator('[data-ref="question"] legend');
  await expect(stem).toBeInViewport();
  await expect(page.locator('.keys-hint').first()).toBeHidden();
  for (const name of ['← 上一题', '标记本题', '下一题 →', '交卷']) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    expect(box?.height, name).toBeGreaterThanOrEqual(44);
  }
  const option = await page.locator('[data-ref="question"] label.option').first().boundingBox();
  expect(option?.height).toBeGreaterThanOrEqual(44);

  await page.locator('[data-ref="question"] label.option').first().click();
  await expect(page.getByRole('button', { name: /^答题卡 1\/30$/ })).toBeVisible();
  // Scroll down: the bar with the clock and 交卷 is still on screen.
  await page.mouse.wheel(0, 600);
  await expect(page.locator('[data-ref="clock"]')).toBeInViewport();
  await expect(page.getByRole('button', { name: '交卷' })).toBeInViewport();

  await page.getByRole('button', { name: /^答题卡/ }).click();
  const sheet = page.getByRole('dialog', { name: '答题卡' });
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: /^第 7 题，/ }).click();
  await expect(sheet).toBeHidden();
  await expect(page.locator('[data-ref="part-title"]')).toHaveText('第 7 题，共 30 题');
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '交卷' }).click();
  await page.getByRole('dialog', { name: '确定交卷？' }).getByRole('button', { name: '确定交卷' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^考试成绩：/ })).toBeVisible();
  // The results tables become cards: a part's name is not squeezed into a column.
  const partName = await page.locator('table.tally tbody th').first().boundingBox();
  expect(partName?.width).toBeGreaterThan(200);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('no page scrolls sideways, and axe finds nothing, at phone width', async ({ page }) => {
  for (const path of ['/', '/chapters/official-documents/', '/practice/?chapter=meetings&mode=order', '/practice/?chapter=office&mode=task', '/progress/', '/bank/', '/glossary/', '/search/?q=会议', '/more/', '/exam-info/', '/trainer/', '/exam/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test('search hits name the section and chapter, never the anchor\'s hidden text', async ({ page }) => {
  await page.goto('/search/?q=保密范围');
  const hits = page.locator('#search-page-results li');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('.chapter')).not.toBeEmpty();
  await expect(page.locator('#search-page-results')).not.toContainText('本节链接');
  await page.goto('/');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.getByRole('dialog', { name: '搜索全站内容' }).getByRole('searchbox').fill('骑缝章');
  const dialogHits = page.getByRole('dialog').locator('.search-results li');
  await expect(dialogHits.first()).toBeVisible();
  await expect(page.getByRole('dialog').locator('.search-results')).not.toContainText('本节链接');
});

test('the 今日 card: continue and due counts after some practice, and a plan after setting a date', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('today-card [data-ref="status"]')).toBeHidden();
  // Read into a chapter, answer a question wrong, come back.
  await page.goto('/chapters/meetings/#seating');
  await page.waitForTimeout(2200);
  await page.goto('/practice/?chapter=meetings&mode=order');
  const options = page.locator('fieldset.question label.option');
  const key = await page.evaluate(async () => ((await (await fetch('/data/bank/meetings.json')).json()) as { questions: { answer: number[] }[] }).questions[0]?.answer ?? [0]);
  await options.nth(key.includes(0) ? 1 : 0).click();
  await expect(page.locator('.stage .feedback')).toContainText('回答错误');
  await page.goto('/');
  const card = page.locator('today-card');
  await expect(card.getByRole('link', { name: /^继续学习：会议组织与管理/ })).toHaveAttribute('href', /\/chapters\/meetings\/#/);
  await expect(card.locator('[data-ref="wrong"]')).toHaveText('1 题');
  await expect(card.locator('[data-ref="streak"]')).toHaveText('1 天');

  await card.getByText('有考试日期？').click();
  const exam = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await card.getByLabel('考试日期').fill(exam);
  await card.getByLabel('每天能学习').selectOption('90');
  await card.getByRole('button', { name: '生成学习计划' }).click();
  await expect(card.locator('.countdown')).toContainText(/距离考试还有 (39|40) 天/);
  await expect(card.getByRole('heading', { level: 3, name: /^今天/ })).toBeVisible();
  await expect(card.locator('.plan-tasks').first().getByRole('link').first()).toBeVisible();
  // A past date gets a clear message, not a plan.
  await card.getByText('修改考试日期').click();
  await card.getByLabel('考试日期').evaluate((input: HTMLInputElement) => (input.min = ''));
  await card.getByLabel('考试日期').fill('2020-01-01');
  await card.getByRole('button', { name: '生成学习计划' }).click();
  await expect(card.locator('[data-ref="plan"]')).toContainText('这个考试日期已经过去了');
});
