import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import type { CaseItem, QuizQuestion } from '../../src/quiz/index.ts';

const LETTERS = 'ABCDE';

async function meetingsBank(request: APIRequestContext): Promise<{ questions: QuizQuestion[]; cases: CaseItem[] }> {
  const response = await request.get('/data/bank/meetings.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as { questions: QuizQuestion[]; cases: CaseItem[] };
}

/** An option index that is not part of the answer. */
function wrongOption(question: QuizQuestion): number {
  return question.options.findIndex((_, i) => !question.answer.includes(i));
}

const feedback = (page: Page) => page.locator('.stage .feedback');


test('practising a chapter gives feedback with the explanation and a link to the section', async ({ page, request }) => {
  const questions = (await meetingsBank(request)).questions;
  const [first] = questions;
  if (!first) throw new Error('meetings has no questions');
  await page.goto('/practice/');
  await page.getByLabel('章节', { exact: true }).selectOption('meetings');
  await page.getByRole('radio', { name: /顺序练习/ }).check();
  await page.getByRole('button', { name: '开始练习' }).click();
  await expect(page).toHaveURL(/\/practice\/\?chapter=meetings&mode=order$/);
  await expect(page.getByRole('heading', { level: 2, name: '会议组织与管理 · 顺序练习' })).toBeFocused();

  const question = page.locator('fieldset.question');
  await expect(question.locator('legend')).toContainText(first.stem);
  await question.locator('label.option').nth(first.answer[0] ?? 0).click();
  await expect(feedback(page)).toContainText('回答正确');
  await expect(feedback(page)).toContainText(`解析：${first.explanation}`);
  await expect(page.locator('.tally')).toHaveText(`已答 1 / ${questions.length} 题 · 答对 1 题 · 正确率 100%`);
  // Practice locks an answered question: the answer has been shown.
  await expect(question.locator('input').first()).toBeDisabled();

  const sectionLink = feedback(page).getByRole('link', { name: /去学习本节/ });
  await expect(sectionLink).toHaveAttribute('href', `/chapters/meetings/#${first.section}`);
  await sectionLink.click();
  await expect(page).toHaveURL(new RegExp(`/chapters/meetings/#${first.section}$`));
});

test('a wrong answer goes into the 错题本, where it can be pinned', async ({ page, request }) => {
  const [first] = (await meetingsBank(request)).questions;
  if (!first) throw new Error('meetings has no questions');
  await page.goto('/practice/?chapter=meetings&mode=wrong');
  await expect(page.getByText('错题本为空：去练习或考试。')).toBeVisible();

  await page.goto('/practice/?chapter=meetings&mode=order');
  await expect(page.locator('fieldset.question legend')).toContainText(first.stem);
  await page.keyboard.press(String(wrongOption(first) + 1));
  await expect(feedback(page)).toContainText('回答错误');
  await expect(feedback(page)).toContainText('已加入错题本');
  await expect(feedback(page)).toBeFocused();

  await page.goto('/practice/?chapter=meetings&mode=wrong');
  await expect(page.getByRole('heading', { level: 2, name: '会议组织与管理 · 错题本' })).toBeVisible();
  await expect(page.locator('fieldset.question legend')).toContainText(first.stem);
  await expect(page.locator('.position')).toHaveText('第 1 / 1 题');
  const pin = page.getByRole('button', { name: '保留在错题本' });
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: '保留在错题本' })).toHaveAttribute('aria-pressed', 'true');
});

test('a starred question is found in 收藏', async ({ page, request }) => {
  const questions = (await meetingsBank(request)).questions;
  await page.goto('/practice/?chapter=meetings&mode=starred');
  await expect(page.getByText(/还没有收藏的题/)).toBeVisible();

  await page.goto('/practice/?chapter=meetings&mode=order');
  await page.getByRole('button', { name: '下一题 →' }).click();
  await expect(page.locator('.position')).toHaveText(`第 2 / ${questions.length} 题`);
  await page.getByRole('button', { name: '收藏' }).click();
  await expect(page.getByRole('button', { name: '收藏' })).toHaveAttribute('aria-pressed', 'true');

  await page.goto('/practice/?mode=starred');
  await expect(page.getByRole('heading', { level: 2, name: '全部章节 · 收藏' })).toBeVisible();
  await expect(page.locator('fieldset.question legend')).toContainText(questions[1]?.stem ?? '');
  await expect(page.locator('.position')).toHaveText('第 1 / 1 题');
});

test('the keyboard chooses, submits a 多选 with Enter and moves on with →', async ({ page, request }) => {
  const questions = (await meetingsBank(request)).questions;
  const index = questions.findIndex((q) => q.type === 'multiple');
  const multiple = questions[index];
  if (!multiple) throw new Error('meetings has no 多选');
  await page.goto('/practice/?chapter=meetings&mode=order');
  await expect(page.locator('.position')).toHaveText(`第 1 / ${questions.length} 题`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.position')).toHaveText(`第 ${index + 1} / ${questions.length} 题`);
  await expect(page.locator('fieldset.question legend')).toContainText(multiple.stem);

  const submit = page.getByRole('button', { name: '提交本题' });
  await expect(submit).toBeDisabled();
  for (const option of multiple.answer) await page.keyboard.press(LETTERS[option] ?? 'A');
  await expect(submit).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(feedback(page)).toContainText(`回答正确 ✓　正确答案：${multiple.answer.map((i) => LETTERS[i]).join('')}`);
  await expect(page.locator('.tally')).toContainText(`已答 1 / ${questions.length} 题`);

  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.position')).toHaveText(`第 ${index + 2} / ${questions.length} 题`);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.position')).toHaveText(`第 ${index + 1} / ${questions.length} 题`);
  await expect(feedback(page)).toContainText('回答正确');
});

test('arrow keys move between options without answering', async ({ page }) => {
  await page.goto('/practice/?chapter=meetings&mode=order');
  const options = page.locator('fieldset.question input');
  await options.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toBeFocused();
  await expect(feedback(page)).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(feedback(page)).toBeVisible();
});

test('背题模式 shows every answer and explanation and records nothing', async ({ page, request }) => {
  const [first, second] = (await meetingsBank(request)).questions;
  if (!first || !second) throw new Error('meetings has too few questions');
  await page.goto('/practice/?chapter=meetings&mode=recite');
  await expect(page.locator('.tally')).toContainText('背题模式');
  const answerText = (q: QuizQuestion) => (q.type === 'judge' ? q.options[q.answer[0] ?? 0] : q.answer.map((i) => LETTERS[i]).join(''));
  await expect(feedback(page)).toContainText(`正确答案：${answerText(first)}`);
  await expect(feedback(page)).toContainText(first.explanation);
  await expect(feedback(page)).not.toContainText('未作答');
  await expect(page.locator('label.option.is-right')).toHaveCount(first.answer.length);
  await page.keyboard.press('ArrowRight');
  await expect(feedback(page)).toContainText(`正确答案：${answerText(second)}`);
  expect(await page.evaluate(() => localStorage.getItem('mishu:review'))).toBeNull();
});

test('a case item is written, revealed and self-marked, and the work is kept', async ({ page, request }) => {
  const cases = (await meetingsBank(request)).cases.filter((c) => c.kind === 'case');
  const [item] = cases;
  if (!item) throw new Error('meetings has no case items');
  const max = item.parts.reduce((sum, part) => sum + part.points.reduce((s, p) => s + p.score, 0), 0);
  const firstPoint = item.parts[0]?.points[0];
  if (!firstPoint) throw new Error('case has no 得分点');

  await page.goto('/practice/?chapter=meetings&mode=case');
  await expect(page.getByRole('heading', { level: 3, name: `案例分析 1 / ${cases.length}` })).toBeVisible();
  const answer = page.getByRole('textbox', { name: '你的作答' }).first();
  await answer.fill('会前没有拟定议程；有人未请假缺席。');
  await page.getByRole('button', { name: '查看参考答案并自评' }).click();
  await expect(page.locator('.model-answer').first()).toContainText(item.parts[0]?.modelAnswer ?? '');
  await expect(page.getByRole('textbox', { name: '你的作答（已锁定）' }).first()).toHaveAttribute('readonly', '');

  await page.getByRole('checkbox', { name: new RegExp(firstPoint.text) }).check();
  await expect(page.locator('.case .self-mark')).toHaveText(`自评得分：${firstPoint.score} / ${max} 分`);
  await expect(page.locator('.tally')).toContainText(`自评得分 ${firstPoint.score} / ${max} 分（自评，单独记录`);

  await page.reload();
  await expect(page.getByRole('textbox', { name: '你的作答（已锁定）' }).first()).toHaveValue('会前没有拟定议程；有人未请假缺席。');
  await expect(page.getByRole('checkbox', { name: new RegExp(firstPoint.text) })).toBeChecked();
});

test('a 工作实务 task shows its materials, hints the points the answer covers, and 完成自评 puts missed points into review', async ({ page, request }) => {
  const bank = (await request.get('/data/bank/office.json').then((r) => r.json())) as { cases: { id: string; kind: string; verb?: string; materials?: { title: string }[]; parts: { points: { text: string; keywords?: string[] }[] }[] }[] };
  const tasks = bank.cases.filter((c) => c.kind === 'task');
  const task = tasks[0];
  const point = task?.parts[0]?.points[0];
  if (!task || !point) throw new Error('office has no 工作实务 task');
  await page.goto('/practice/?chapter=office&mode=task');
  await expect(page.getByRole('heading', { level: 3, name: `工作实务 · ${task.verb} 1 / ${tasks.length}` })).toBeVisible();
  for (const material of task.materials ?? []) await expect(page.locator('figure.material figcaption', { hasText: material.title })).toBeVisible();
  // An answer that uses the first point's words, and nothing of the others'.
  await page.getByRole('textbox', { name: '你的作答' }).fill((point.keywords ?? [point.text]).join('，'));
  await page.getByRole('button', { name: '查看参考答案并自评' }).click();
  const first = page.locator('label.point').first();
  await expect(first.locator('.hint-badge')).toHaveText('似已写到');
  await expect(page.getByText('“似已写到”只是按关键词给的提示')).toBeVisible();
  await first.getByRole('checkbox').check();
  await page.getByRole('button', { name: /完成自评/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记入' })).toBeVisible();
  const records = await page.evaluate(() => Object.keys((JSON.parse(localStorage.getItem('mishu:review') ?? '{}') as { data?: { records?: Record<string, unknown> } }).data?.records ?? {}));
  const ids = records.filter((id) => id.startsWith(`point:${task.id}:`));
  expect(ids.length).toBe(task.parts[0]?.points.length);
});

test('a storage problem is shown without losing the question on screen', async ({ page }) => {
  await page.goto('/practice/?chapter=meetings&mode=order');
  await expect(page.locator('fieldset.question')).toBeVisible();
  // Fill the review entry with something unreadable: the engine quarantines it and reports it.
  await page.evaluate(() => localStorage.setItem('mishu:review', '{not json'));
  await page.keyboard.press('1');
  await expect(page.locator('.storage-notice')).toContainText('有一条学习记录已损坏');
  await expect(page.locator('fieldset.question')).toBeVisible();
  await expect(feedback(page)).toBeVisible();
});

test('after a first visit, chapters and practice work offline', async ({ page, context }) => {
  await page.goto('/practice/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.goto('/chapters/meetings/');
  await expect(page.getByRole('heading', { level: 1, name: '会议组织与管理' })).toBeVisible();
  await page.goto('/practice/?chapter=meetings&mode=random');
  await expect(page).toHaveURL(/mode=random&seed=[0-9a-f]+$/);
  await expect(page.locator('fieldset.question')).toBeVisible();
  // The shuffle may open with a 多选, which Enter submits; after a 单选 or 判断, Enter does nothing.
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(feedback(page)).toBeVisible();
  await context.setOffline(false);
});

test('an unknown chapter or mode in the link is explained', async ({ page }) => {
  await page.goto('/practice/?chapter=nowhere');
  await expect(page.locator('.storage-notice')).toContainText('找不到章节“nowhere”');
  await page.goto('/practice/?mode=exam');
  await expect(page.locator('.storage-notice')).toContainText('没有“exam”这种练习模式');
});

test('axe finds nothing on the practice page, in a session and in a case', async ({ page }) => {
  await page.goto('/practice/');
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('/practice/?chapter=meetings&mode=order');
  await expect(page.locator('fieldset.question')).toBeVisible();
  await page.keyboard.press('2');
  await expect(feedback(page)).toContainText('回答错误');
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('/practice/?chapter=meetings&mode=case');
  await page.getByRole('button', { name: '查看参考答案并自评' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/practice/?chapter=meetings&mode=wrong');
  await expect(page.locator('fieldset.question')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('at 360 px a practice session does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const mode of ['order', 'case']) {
    await page.goto(`/practice/?chapter=business-reception&mode=${mode}`);
    await expect(page.locator('.stage > *').first()).toBeVisible();
    if (mode === 'order') await page.keyboard.press('1');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});
