/** The mock exam, walked through in a real browser: start, answer, reload, submit, review, time up. */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

const sheet = (page: Page) => page.getByRole('navigation', { name: '答题卡' });
const sheetButton = (page: Page, number: number) => sheet(page).getByRole('button', { name: new RegExp(`^第 ${number} 题，`) });
const options = (page: Page) => page.locator('[data-ref="question"] label.option');
const clock = (page: Page) => page.locator('[data-ref="clock"]');
const resultsHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^考试成绩：/ });

async function startQuickQuiz(page: Page): Promise<void> {
  await page.goto('/exam/?blueprint=quick-quiz');
  await expect(page.getByRole('radio', { name: /30 分钟快速测验/ })).toBeChecked();
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '30 分钟快速测验' })).toBeFocused();
  await expect(sheet(page).getByRole('button')).toHaveCount(30);
}

function seconds(text: string): number {
  const [m = '0', s = '0'] = text.split(':');
  return Number(m) * 60 + Number(s);
}

/** The right options of a paper item as shown, worked out from the stored layout and the bank. */
function answerKey(page: Page, item: number): Promise<number[]> {
  return page.evaluate(async (index) => {
    const id = new URLSearchParams(location.search).get('attempt');
    const stored = JSON.parse(localStorage.getItem(`mishu:attempt:${id}`) ?? 'null') as {
      data: { layout: { items: { questionId: string; permutation: number[] }[] } };
    };
    const slot = stored.data.layout.items[index];
    if (!slot) throw new Error(`no item ${index}`);
    const catalog = (await (await fetch('/data/catalog.json')).json()) as { chapters: { id: string }[] };
    for (const chapter of catalog.chapters) {
      const bank = (await (await fetch(`/data/bank/${chapter.id}.json`)).json()) as { questions: { id: string; answer: number[] }[] };
      const question = bank.questions.find((q) => q.id === slot.questionId);
      if (question) return slot.permutation.flatMap((original, shown) => (question.answer.includes(original) ? [shown] : []));
    }
    throw new Error(`question ${slot.questionId} not in the bank`);
  }, item);
}

function storedAttempt(page: Page) {
  return page.evaluate(() => {
    const id = new URLSearchParams(location.search).get('attempt');
    return { id, raw: localStorage.getItem(`mishu:attempt:${id}`) };
  });
}


test('take the quick quiz: answer by click and keyboard, flag, reload, submit and review', async ({ page }) => {
  await startQuickQuiz(page);
  const firstKey = await answerKey(page, 0);
  const optionCount = await options(page).count();
  const wrong = [...Array(optionCount).keys()].find((i) => !firstKey.includes(i)) ?? 0;

  // Question 1 by mouse, deliberately wrong; question 2 by keyboard and flagged; question 3 by letter.
  await options(page).nth(wrong).click();
  await expect(sheetButton(page, 1)).toHaveAttribute('aria-label', '第 1 题，已作答，当前题');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-ref="part-title"]')).toHaveText('第 2 题，共 30 题');
  await page.keyboard.press('1');
  await expect(options(page).first().locator('input')).toBeChecked();
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: '标记本题' })).toHaveAttribute('aria-pressed', 'true');
  await expect(sheetButton(page, 2)).toHaveAttribute('aria-label', '第 2 题，已作答，已标记，当前题');
  await expect(sheetButton(page, 2)).toContainText('✓⚑');
  await page.getByRole('button', { name: '下一题 →' }).click();
  await page.keyboard.press('b');
  await expect(options(page).nth(1).locator('input')).toBeChecked();
  await expect(page.locator('[data-ref="answered-count"]')).toHaveText('已答 3 / 30 题');
  await expect(sheetButton(page, 4)).toHaveAttribute('aria-label', '第 4 题，未作答');

  // Reload mid-exam: answers, flag, position and time left all come back.
  const before = seconds(await clock(page).innerText());
  const reloadedAt = Date.now();
  expect(before).toBeGreaterThan(29 * 60);
  await page.reload();
  await expect(page.locator('[data-ref="part-title"]')).toHaveText('第 3 题，共 30 题');
  await expect(options(page).nth(1).locator('input')).toBeChecked();
  await expect(sheetButton(page, 1)).toHaveAttribute('aria-label', '第 1 题，已作答');
  await expect(sheetButton(page, 2)).toHaveAttribute('aria-label', '第 2 题，已作答，已标记');
  // Time kept running while the page reloaded, and only that long: not reset, not lost.
  const after = seconds(await clock(page).innerText());
  const elapsed = (Date.now() - reloadedAt) / 1000;
  expect(before - after).toBeGreaterThanOrEqual(-1);
  expect(before - after).toBeLessThanOrEqual(Math.max(5, elapsed + 2));
  await sheetButton(page, 1).click();
  await expect(options(page).nth(wrong).locator('input')).toBeChecked();

  // The start screen offers to resume the unfinished exam.
  await page.goto('/exam/');
  await expect(page.locator('[data-ref="resume-notice"]')).toContainText('你有一场未交卷的考试：30 分钟快速测验');
  await page.locator('[data-ref="resume-notice"]').getByRole('link', { name: '继续作答' }).click();
  await expect(page.locator('[data-ref="part-title"]')).toHaveText('第 1 题，共 30 题');

  // Submit: the confirmation counts what is still open.
  await page.getByRole('button', { name: '交卷' }).click();
  const dialog = page.getByRole('dialog', { name: '确定交卷？' });
  await expect(dialog).toContainText('还有 27 题未作答，1 题标记为待检查。');
  await dialog.getByRole('button', { name: '确定交卷' }).click();

  await expect(resultsHeading(page)).toHaveText('考试成绩：30 分钟快速测验');
  await expect(resultsHeading(page)).toBeFocused();
  await expect(page.locator('[data-ref="total"]')).toHaveText(/^\d+(\.\d+)? \/ 100 分$/);
  await expect(page.locator('[data-ref="verdict"]')).toHaveText('不及格 ✗');
  await expect(page.getByRole('row', { name: /综合/ })).toContainText('/ 30');
  await expect(page.getByRole('table').nth(1).getByRole('row')).not.toHaveCount(1);

  const review = page.locator('[data-ref="review"] > li');
  await expect(review).toHaveCount(30);
  const first = review.first();
  await expect(first).toContainText('回答错误');
  await expect(first).toContainText('解析：');
  await expect(first.getByText('（你的选择）')).toBeVisible();
  const sectionLink = first.getByRole('link', { name: /^去学习本节：/ });
  const href = await sectionLink.getAttribute('href');
  expect(href).toMatch(/^\/chapters\/[\w-]+\/#[\w-]+$/);
  await expect(review.nth(3)).toContainText('未作答');

  // Filter to wrong answers: question 1 and the 27 unanswered at least, the right ones hidden.
  const right = await review.filter({ hasText: '回答正确 ✓' }).count();
  expect(right).toBeLessThanOrEqual(2);
  await page.getByLabel('只看错题（含未作答）').check();
  await expect(page.locator('[data-ref="review-count"]')).toHaveText(`显示错题 ${30 - right} 道（共 30 题）`);
  const shown = await review.evaluateAll((items) => items.filter((li) => !(li as HTMLElement).hidden).length);
  expect(shown).toBe(30 - right);
  await expect(first).toBeVisible();

  // The wrong answer is in the 错题本 (the review state on the device).
  const questionId = await page.evaluate(() => {
    const id = new URLSearchParams(location.search).get('attempt');
    return (JSON.parse(localStorage.getItem(`mishu:attempt:${id}`) ?? '{}') as { data: { layout: { items: { questionId: string }[] } } }).data.layout.items[0]
      ?.questionId;
  });
  const reviewState = await page.evaluate(() => JSON.parse(localStorage.getItem('mishu:review') ?? 'null') as { v: number; data: { records: Record<string, { inWrongBook: boolean; wrongCount: number }> } });
  expect(reviewState.data.records[questionId ?? '']).toMatchObject({ inWrongBook: true, wrongCount: 1 });

  // A reload of the results shows the same results and does not record the marks again.
  await page.reload();
  await expect(resultsHeading(page)).toBeVisible();
  const again = await page.evaluate((id) => (JSON.parse(localStorage.getItem('mishu:review') ?? 'null') as { data: { records: Record<string, { wrongCount: number }> } }).data.records[id]?.wrongCount, questionId ?? '');
  expect(again).toBe(1);

  // The history lists it with its score and a link back to the review.
  await page.goto('/exam/');
  const history = page.locator('[data-ref="history"] li').first();
  await expect(history).toContainText('30 分钟快速测验');
  await expect(history).toContainText('不及格');
  await expect(history).toContainText('/ 100 分');
  await history.getByRole('link', { name: /查看成绩与解析/ }).click();
  await expect(resultsHeading(page)).toBeVisible();

  // The section link leads to the section that teaches the question.
  await page.goto(href ?? '/');
  await expect(page.locator(`[id="${href?.split('#')[1]}"]`)).toHaveCount(1);
});

test('time up: the quick quiz submits itself, after spoken warnings', async ({ page }) => {
  await page.clock.install();
  await startQuickQuiz(page);
  await page.keyboard.press('1');
  await expect(sheetButton(page, 1)).toHaveAttribute('aria-label', /已作答/);

  const announcer = page.locator('[data-ref="announcer"]');
  await expect(announcer).toHaveText('');
  await page.clock.fastForward('20:01');
  await expect(announcer).toHaveText('注意：考试时间还剩 10 分钟。');
  await expect(clock(page)).toHaveText(/^09:5\d$/);

  await page.clock.fastForward('11:00');
  await expect(resultsHeading(page)).toBeVisible();
  await expect(page.locator('[data-ref="timeup-notice"]')).toContainText('考试时间已到');
  await expect(page.locator('[data-ref="facts"]')).toContainText('30 分 00 秒');
  await expect(page.locator('[data-ref="review"] > li').first()).not.toContainText('未作答');
});

test('an exam whose deadline passed while the tab was closed is submitted as of its deadline', async ({ page }) => {
  await startQuickQuiz(page);
  await page.keyboard.press('2');
  await expect(sheetButton(page, 1)).toHaveAttribute('aria-label', /已作答/);
  // As if the tab had been closed for 45 minutes: move the whole attempt back in time.
  await page.evaluate(() => {
    const id = new URLSearchParams(location.search).get('attempt');
    const key = `mishu:attempt:${id}`;
    const entry = JSON.parse(localStorage.getItem(key) ?? '{}') as { data: { steps: { at: number }[] } };
    for (const step of entry.data.steps) step.at -= 45 * 60_000;
    localStorage.setItem(key, JSON.stringify(entry));
  });
  await page.reload();
  await expect(resultsHeading(page)).toBeVisible();
  await expect(page.locator('[data-ref="timeup-notice"]')).toContainText('已按截止时间');
  await expect(page.locator('[data-ref="facts"]')).toContainText('用时30 分 00 秒');
  await expect(page.locator('[data-ref="review"] > li').first()).not.toContainText('未作答');
  const { raw } = await storedAttempt(page);
  expect(raw).toContain('"kind":"timeUp"');
});

test('two tabs on the same exam merge their answers', async ({ page, context }) => {
  await startQuickQuiz(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(sheetButton(other, 1)).toHaveAttribute('aria-label', '第 1 题，未作答，当前题');
  await other.keyboard.press('1');
  // The first tab hears of it through the storage event.
  await expect(sheetButton(page, 1)).toHaveAttribute('aria-label', '第 1 题，已作答，当前题');
  await expect(options(page).first().locator('input')).toBeChecked();

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('2');
  await page.keyboard.press('f');
  await expect(sheetButton(other, 2)).toHaveAttribute('aria-label', '第 2 题，已作答，已标记');
  await other.reload();
  await expect(sheetButton(other, 1)).toHaveAttribute('aria-label', /已作答/);
  await expect(sheetButton(other, 2)).toHaveAttribute('aria-label', /^第 2 题，已作答，已标记/);
  await other.close();
});

test('a full store is reported and the answer stays on screen', async ({ page }) => {
  await startQuickQuiz(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.keyboard.press('1');
  await expect(page.locator('[data-ref="notices"] .notice')).toContainText('存储空间已满');
  await expect(options(page).first().locator('input')).toBeChecked();
  await expect(sheetButton(page, 1)).toHaveAttribute('aria-label', '第 1 题，已作答，当前题');
});

test('a corrupted stored entry is reported, and the page still works', async ({ page }) => {
  await page.goto('/exam/');
  await page.evaluate(() => localStorage.setItem('mishu:attempt:broken', '{oops'));
  await page.reload();
  await expect(page.locator('[data-ref="notices"] .notice')).toContainText('有一条学习记录已损坏');
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(sheet(page).getByRole('button')).not.toHaveCount(0);
});

test('a per-chapter test can be preselected by link', async ({ page }) => {
  await page.goto('/exam/?blueprint=chapter-test&chapter=meetings');
  await expect(page.getByRole('radio', { name: /章节测验/ })).toBeChecked();
  const chapter = page.getByLabel('章节测验测哪一章');
  await expect(chapter).toBeVisible();
  await expect(chapter).toHaveValue('meetings');
  await page.getByRole('radio', { name: /30 分钟快速测验/ }).check();
  await expect(chapter).toBeHidden();
  await page.getByRole('radio', { name: /章节测验/ }).check();
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '章节测验 · 会议组织与管理' })).toBeVisible();
  await expect(sheet(page).getByRole('button')).toHaveCount(25);
});

test('the full mock exam groups the answer sheet by part', async ({ page }) => {
  await page.goto('/exam/');
  await page.getByRole('radio', { name: /理论知识模拟卷/ }).check();
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(sheet(page).getByRole('button')).toHaveCount(125);
  await expect(sheet(page).getByRole('heading', { level: 4 })).toHaveText(['职业道德（第 1–25 题）', '理论知识（第 26–125 题）']);
  await expect(clock(page)).toHaveText(/^(90:00|89:5\d)$/);
});

test('axe finds no accessibility violations on the start, exam and results screens', async ({ page }) => {
  await page.goto('/exam/');
  await expectNoAxeViolations(page);
  await startQuickQuiz(page);
  await page.keyboard.press('1');
  await page.keyboard.press('f');
  await page.keyboard.press('ArrowRight');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '交卷' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('dialog').getByRole('button', { name: '确定交卷' }).click();
  await expect(resultsHeading(page)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/exam/');
  await expect(page.locator('[data-ref="history"] li')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('at 360 px wide no exam screen scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.goto('/exam/?blueprint=quick-quiz');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: '开始考试' }).click();
  // On a phone the 答题卡 is a bottom sheet behind its button, which counts what is answered.
  await expect(page.getByRole('button', { name: /^答题卡 0\/30$/ })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: '交卷' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定交卷' }).click();
  await expect(resultsHeading(page)).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('the skills paper: write two items, reload, hand in, tick 得分点, see the self-marked score and the history', async ({ page }) => {
  await page.goto('/exam/?blueprint=skills-paper');
  await expect(page.getByRole('radio', { name: /秘书专业能力模拟卷/ })).toBeChecked();
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '秘书专业能力模拟卷' })).toBeFocused();
  await expect(sheet(page).getByRole('button')).toHaveCount(5);
  await expect(clock(page)).toHaveText(/^(120:00|119:5\d)$/);
  await expect(page.locator('.written-title')).toHaveText(/^第 1 题 · 案例分析$/);

  const first = page.locator('[data-ref="question"] textarea').first();
  await first.fill('第一题的作答：指出会前准备不足，应当事先核对名单。');
  await page.getByRole('button', { name: '下一题 →' }).click();
  await page.getByRole('button', { name: '下一题 →' }).click();
  await expect(page.locator('.written-title')).toHaveText(/^第 3 题 · 工作实务/);
  const task = page.locator('[data-ref="question"] textarea').first();
  await task.fill('关于召开会议的通知\n各部门：……\n办公室');
  await task.blur();
  await expect(sheetButton(page, 3)).toHaveAttribute('aria-label', /^第 3 题，已作答/);
  await expect(sheetButton(page, 1)).toHaveAttribute('aria-label', /^第 1 题，已作答/);

  // Reload: the text of both items is there.
  await page.reload();
  await expect(page.locator('[data-ref="question"] textarea').first()).toHaveValue('关于召开会议的通知\n各部门：……\n办公室');
  await sheetButton(page, 1).click();
  await expect(page.locator('[data-ref="question"] textarea').first()).toHaveValue('第一题的作答：指出会前准备不足，应当事先核对名单。');

  await page.getByRole('button', { name: '交卷' }).click();
  await expect(page.getByRole('dialog', { name: '确定交卷？' })).toContainText('还有 3 题未作答');
  await page.getByRole('dialog').getByRole('button', { name: '确定交卷' }).click();

  const title = page.getByRole('heading', { level: 2, name: /^自评成绩：/ });
  await expect(title).toBeFocused();
  const total = page.locator('[data-ref="skills-total"]');
  await expect(total).toHaveText('0 / 100 分');
  await expect(page.locator('.self-mark-items .own-answer').first()).toContainText('第一题的作答');
  await expect(page.locator('.self-mark-items .model-answer').first()).not.toBeEmpty();
  // Tick every 得分点 of the first item's first part: the score rises, the ticks are kept.
  const firstItem = page.locator('.self-mark-items > li').first();
  const boxes = firstItem.locator('fieldset.points').first().getByRole('checkbox');
  const count = await boxes.count();
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await expect(total).not.toHaveText('0 / 100 分');
  const after = await total.innerText();
  await page.reload();
  await expect(page.locator('[data-ref="skills-total"]')).toHaveText(after);
  await expect(page.locator('.self-mark-items > li').first().locator('fieldset.points').first().getByRole('checkbox').first()).toBeChecked();
  await expectNoAxeViolations(page);

  // The history keeps it apart from the theory papers.
  await page.goto('/exam/');
  await expect(page.locator('[data-ref="history"] h3')).toContainText(['专业能力（自评）']);
  const row = page.locator('[data-ref="history"] li').first();
  await expect(row).toContainText(`自评 ${after.replace(' 分', '')}`);
  await expect(row.getByRole('link', { name: /查看作答与自评/ })).toBeVisible();

  // The progress page lists it apart too, out of the theory chart.
  await page.goto('/progress/');
  const skillsRow = page.locator('table.skills-table tbody tr');
  await expect(skillsRow).toHaveCount(1);
  await expect(skillsRow.first()).toContainText(`${after.replace(' 分', '').replace(' / ', '/')}`);
  await expect(skillsRow.first()).toContainText('秘书专业能力模拟卷');
  await expect(page.locator('.exam-empty')).toBeVisible();
});
