import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { deflateSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { QuizQuestion } from '../../src/quiz/index.ts';
import {
  createAssignment,
  createCodec,
  decodeAssignment,
  decodeResult,
  encodeAssignment,
  encodeResult,
  type AssignmentDraft,
} from '../../src/quiz/trainer/index.ts';
import { crc32, toBase64Url } from '../../src/quiz/trainer/codec.ts';

const TITLE = '会议组织 课后练习';

// Each test plays several browsers (trainer and learners) through whole papers.
test.describe.configure({ timeout: 90_000 });

async function meetingsBank(request: APIRequestContext): Promise<QuizQuestion[]> {
  const response = await request.get('/data/bank/meetings.json');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { questions: QuizQuestion[] }).questions;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

/** Builds a 4-question assignment on the meetings chapter and returns its link. */
async function buildAssignment(page: Page, options: { perLearner?: boolean } = {}): Promise<string> {
  await page.goto('/trainer/');
  await page.getByLabel('作业名称').fill(TITLE);
  await page.getByLabel(/培训师姓名/).fill('王老师');
  await page.getByLabel(/给学员的说明/).fill('<b>不是粗体</b>\n周五前完成。');
  await page.getByLabel('查找章节或小节').fill('会议组织');
  await expect(page.locator('.module-status')).toContainText('找到');
  // The filter hides chapters that do not match.
  await expect(page.getByLabel('客户投诉处理（整章）')).toBeHidden();
  await page.getByLabel('会议组织与管理（整章）').check();
  await expect(page.locator('.module-chosen')).toHaveText('已选 1 项：会议组织与管理');
  for (const type of ['单选题', '多选题', '判断题']) {
    for (const level of ['易', '中', '难']) await page.getByLabel(`${type} ${level}`, { exact: true }).fill('0');
  }
  await page.getByLabel('单选题 易', { exact: true }).fill('2');
  await page.getByLabel('多选题 中', { exact: true }).fill('1');
  await page.getByLabel('判断题 易', { exact: true }).fill('1');
  await expect(page.locator('.mix-total')).toContainText('共 4 题');
  if (options.perLearner) await page.getByLabel(/每人一份/).check();
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.getByRole('heading', { name: `作业已生成：${TITLE}` })).toBeVisible();
  const link = await page.getByRole('textbox', { name: /^作业链接/ }).inputValue();
  expect(link).toMatch(/\/trainer\/assignment\/#a=[A-Za-z0-9_-]+$/);
  await expect(page.getByLabel('发到班级群的消息')).toHaveValue(new RegExp(`【作业】${TITLE}[\\s\\S]*${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page.getByRole('img', { name: /作业「会议组织 课后练习」的二维码/ })).toBeVisible();
  return link;
}

const sheetButtons = (page: Page) => page.getByRole('navigation', { name: '答题卡' }).getByRole('button');
const shownQuestion = (page: Page) => page.locator('[data-ref="question"] fieldset.question');
const clock = (page: Page) => page.locator('[data-ref="clock"]');

/**
 * Walks the paper on the attempt desk from the first item, one item at a time: `visit` sees each
 * item's legend and options as shown, and its fieldset. Returns how many items there were.
 */
async function walkPaper(page: Page, visit: (item: { legend: string; options: string[] }, fieldset: ReturnType<typeof shownQuestion>) => Promise<void>): Promise<number> {
  // The desk loads when the paper starts: its first item's title says how many there are.
  const title = page.locator('[data-ref="part-title"]');
  await expect(title).toHaveText(/^第 \d+ 题，共 \d+ 题$/);
  const count = Number(/共 (\d+) 题/.exec(await title.innerText())?.[1]);
  await sheetButtons(page).first().click();
  for (let i = 0; i < count; i++) {
    await expect(page.locator('[data-ref="part-title"]')).toContainText(`第 ${i + 1} 题，共 ${count} 题`);
    const fieldset = shownQuestion(page);
    const item = await fieldset.evaluate((set) => ({
      legend: set.querySelector('legend')?.textContent ?? '',
      options: [...set.querySelectorAll('label.option')].map((label) => (label.textContent ?? '').replace(/^\s*[A-E]\.\s*/, '').trim()),
    }));
    await visit(item, fieldset);
    if (i < count - 1) await page.getByRole('button', { name: '下一题 →' }).click();
  }
  return count;
}

/** The stems of the paper's questions, in paper order. */
async function paperStems(page: Page): Promise<string[]> {
  const stems: string[] = [];
  // The legend is 「单选题 3. 题干」: keep the stem, since the same question may sit at another number.
  await walkPaper(page, async (item) => void stems.push(item.legend.replace(/^\S+\s*\d+\.\s*/, '')));
  return stems;
}

/** Answers every question on the learner's page, all right or all wrong, using the bank's keys. */
async function answerAll(page: Page, bank: QuizQuestion[], right: boolean): Promise<number> {
  return walkPaper(page, async (item, fieldset) => {
    const question = bank.find((q) => item.legend.endsWith(q.stem));
    if (!question) throw new Error(`question not in bank: ${item.legend}`);
    const keys = question.answer.map((a) => item.options.indexOf(question.options[a]!));
    const wrong = item.options.findIndex((_, j) => !keys.includes(j));
    const choose = right ? keys : [wrong];
    for (const j of choose) await fieldset.locator('input').nth(j).check();
  });
}

/** 交卷, and confirm in the desk's dialog. */
async function submit(page: Page): Promise<void> {
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('dialog', { name: '确定交卷？' }).getByRole('button', { name: '确定交卷' }).click();
}

async function takeAssignment(browser: Browser, link: string, bank: QuizQuestion[], learner: string, right: boolean): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`作业：${TITLE}`);
  // Text from the link is text, never markup.
  await expect(page.locator('[data-ref="note"]')).toContainText('<b>不是粗体</b>');
  await expect(page.locator('[data-ref="note"] b')).toHaveCount(0);
  await expect(page.locator('.reading-list')).toContainText('会议组织与管理（整章）');
  await page.getByLabel(/你的姓名/).fill(learner);
  await page.getByRole('button', { name: '开始作答' }).click();
  await expect(clock(page)).toHaveText(/^(29|30):\d\d$/);

  // Answer the first question, reload: the answer and the clock survive.
  await shownQuestion(page).locator('input').first().check();
  await page.reload();
  await expect(shownQuestion(page).locator('input').first()).toBeChecked();
  await expect(clock(page)).toHaveText(/^(29|30):\d\d$/);

  const count = await answerAll(page, bank, right);
  expect(count).toBe(4);
  await expect(page.locator('[data-ref="answered-count"]')).toHaveText('已答 4 / 4 题');
  await submit(page);
  const score = right ? '100 分（满分 100）' : '0 分（满分 100）';
  await expect(page.locator('.score')).toHaveText(score);
  await expect(page.locator('.outcome')).toContainText(right ? '及格' : '未及格');
  // The review shows explanations, as the trainer allowed.
  await expect(page.locator('.review .feedback')).toHaveCount(4);
  const code = await page.getByLabel('结果码').inputValue();
  expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载结果文件' }).click();
  expect((await readFile((await (await file).path())!, 'utf8')).trim()).toBe(code);
  await page.getByRole('button', { name: '显示二维码' }).click();
  await expect(page.getByRole('img', { name: `结果码二维码（${learner}）` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Reopening the link shows the result, not a new attempt.
  await page.reload();
  await expect(page.locator('.score')).toHaveText(score);
  await expect(page.getByLabel('结果码')).toHaveValue(code);
  await expect(page.getByRole('button', { name: '开始作答' })).toBeHidden();

  // The answers were shown, so the same name cannot take the paper again on this device.
  await page.getByRole('button', { name: '换一位学员在本设备作答' }).click();
  await page.getByLabel(/你的姓名/).fill(learner);
  await page.getByRole('button', { name: '开始作答' }).click();
  await expect(page.locator('#tr-name-error')).toContainText('已经在本设备上交过卷');
  await context.close();
  return code;
}

test('an assignment goes from the trainer to two learners and back into the class report', async ({ page, browser, request }) => {
  const bank = await meetingsBank(request);
  const link = await buildAssignment(page);

  const zhang = await takeAssignment(browser, link, bank, '张三', true);
  const li = await takeAssignment(browser, link, bank, '李四', false);

  await page.getByLabel(/粘贴结果码/).fill(`张三的结果码：${zhang}\n${li}`);
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.locator('.added-summary')).toHaveText('找到 2 个结果码：已接收 2 个');

  const roster = page.locator('table.roster tbody tr');
  await expect(roster).toHaveCount(2);
  await expect(roster.filter({ hasText: '张三' })).toContainText('100 / 100');
  await expect(roster.filter({ hasText: '张三' })).toContainText('及格');
  await expect(roster.filter({ hasText: '李四' })).toContainText('0 / 100');
  await expect(roster.filter({ hasText: '李四' })).toContainText('不及格');
  // Times are read as epoch seconds: submitted today in Beijing, within minutes.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await expect(roster.filter({ hasText: '张三' })).toContainText(today);
  await expect(roster.filter({ hasText: '张三' })).toContainText(/\d+ 秒|\d+ 分 \d\d 秒/);
  await expect(page.locator('.histogram')).toContainText('90–100%');

  // One learner right and one wrong on every item: facility 50%, and the item tells them apart.
  const items = page.locator('table.items tbody tr');
  await expect(items).toHaveCount(4);
  for (const row of await items.all()) {
    await expect(row.locator('td').nth(2)).toHaveText('50%');
    await expect(row.locator('td').nth(3)).toHaveText('100');
    await expect(row.getByRole('link')).toHaveAttribute('href', /^\/chapters\/meetings\/#[a-z0-9-]+$/);
  }
  await expect(page.locator('table.sections tbody tr').first()).toContainText('50%');

  // A code changed by one character in the middle is refused with its reason; the inbox keeps both.
  const mid = Math.floor(zhang.length / 2);
  const tampered = zhang.slice(0, mid) + (zhang[mid] === 'A' ? 'B' : 'A') + zhang.slice(mid + 1);
  await page.getByLabel(/粘贴结果码/).fill(`${tampered}\n${li}`);
  await page.getByRole('button', { name: '加入收件箱' }).click();
  const rows = page.locator('.added-rows tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('损坏');
  await expect(rows.nth(0)).toContainText('结果码已被修改或损坏（校验失败）');
  await expect(rows.nth(1)).toContainText('重复');
  await expect(roster).toHaveCount(2);

  // The inbox and the assignment are kept on the device.
  await page.reload();
  await expect(page.locator('table.roster tbody tr')).toHaveCount(2);
  await expect(page.locator('.assignment-list')).toContainText('已收 2 份结果');
  await expectNoAxeViolations(page);
  // Wide tables scroll inside their own box; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The roster downloads as CSV with a BOM, so Excel reads the Chinese.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出名单 CSV' }).click();
  const csv = await readFile((await (await csvDownload).path())!, 'utf8');
  expect(csv.startsWith('\uFEFF姓名,得分,满分')).toBe(true);
  expect(csv).toContain('张三,100,100,100,及格');

  // The exported inbox file carries the results to another device, where the link adds the assignment.
  const inboxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出收件箱文件/ }).click();
  const inboxFile = (await (await inboxDownload).path())!;
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto('/trainer/');
  await other.getByLabel(/粘贴作业链接/).fill(link);
  await other.getByRole('button', { name: '添加', exact: true }).click();
  await expect(other.getByLabel('选择作业')).toHaveValue(/^[0-9a-z]{8}$/);
  await other.getByLabel(/选择结果文件/).setInputFiles({ name: '收件箱.json', mimeType: 'application/json', buffer: await readFile(inboxFile) });
  await expect(other.locator('.added-summary')).toHaveText('找到 2 个结果码：已接收 2 个');
  // A learner's result file is read too; this one is already in.
  await other.getByLabel(/选择结果文件/).setInputFiles({ name: '结果码-张三.txt', mimeType: 'text/plain', buffer: Buffer.from(`${zhang}\n`) });
  await expect(other.locator('.added-rows tbody tr')).toContainText(['重复']);
  await expect(other.locator('table.roster tbody tr')).toHaveCount(2);
  await colleague.close();
});

test('the print view has the paper without answers, and the key has them', async ({ page, request }) => {
  const bank = await meetingsBank(request);
  const link = await buildAssignment(page);
  const code = new URL(link).hash.slice('#a='.length);

  await page.goto(`/trainer/print/#a=${code}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const sheet = page.locator('.sheet');
  await expect(sheet.locator('li.q')).toHaveCount(4);
  await expect(sheet).toContainText('姓名');
  await expect(sheet).toContainText('得分');
  const text = (await sheet.textContent()) ?? '';
  const onPaper = bank.filter((q) => text.includes(q.stem));
  expect(onPaper).toHaveLength(4);
  expect(text).not.toContain('答案：');
  expect(text).not.toContain('解析');
  for (const q of onPaper) expect(text).not.toContain(q.explanation);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '看答案与解析' }).click();
  await expect(page).toHaveURL(/&key=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${TITLE} · 答案与解析`);
  for (const q of onPaper) await expect(sheet).toContainText(q.explanation);
  await expect(sheet.locator('.answer')).toHaveCount(4);

  await page.goto(`/trainer/print/#a=${code}&key=1`);
  await expect(sheet.locator('.key-item')).toHaveCount(4);
  await expectNoAxeViolations(page);
});

test('a broken assignment link gets its message and nothing from it', async ({ page }) => {
  await page.goto('/trainer/assignment/');
  await expect(page.getByRole('alert')).toContainText('没有找到作业');

  const link = await buildAssignment(page);
  const code = new URL(link).hash.slice('#a='.length);
  const cases: [string, RegExp][] = [
    [code.slice(0, code.length - 12), /不完整/],
    [code.slice(0, 40) + (code[40] === 'x' ? 'y' : 'x') + code.slice(41), /已被修改或损坏/],
    ['abc$def', /不该出现的字符/],
  ];
  for (const [broken, message] of cases) {
    await page.goto('/');
    await page.goto(`/trainer/assignment/#a=${broken}`);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('作业');
    await expect(page.getByRole('button', { name: '开始作答' })).toBeHidden();
  }
});

test('the trainer, learner and print pages are accessible and fit a 360 px screen', async ({ page }) => {
  const link = await buildAssignment(page);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page);

  await page.goto(link);
  await expect(page.getByRole('button', { name: '开始作答' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.getByLabel(/你的姓名/).fill('王五');
  await page.getByRole('button', { name: '开始作答' }).click();
  await expect(page.locator('[data-ref="part-title"]')).toHaveText('第 1 题，共 4 题');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  const code = new URL(link).hash.slice('#a='.length);
  await page.goto(`/trainer/print/#a=${code}`);
  await expect(page.locator('.sheet li.q')).toHaveCount(4);
  await expectNoHorizontalScroll(page);
});

test('the builder shows problems next to their fields', async ({ page }) => {
  await page.goto('/trainer/');
  await page.getByLabel('作业名称').fill('');
  await page.getByLabel(/培训师姓名/).fill('');
  await page.getByLabel('单选题 易', { exact: true }).fill('300');
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.locator('#tb-title-error')).toHaveText('作业名称不能为空');
  await expect(page.getByLabel('作业名称')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('作业名称')).toBeFocused();
  await expect(page.locator('#tb-trainer-error')).toHaveText('培训师姓名不能为空');
  await expect(page.locator('#tb-mix-error')).toContainText('单选题量（难度 1）应在 0 到 200 之间');
  await expect(page.locator('.output')).toBeHidden();

  // More questions than the chosen section holds: caught here, not on a learner's phone.
  await page.getByLabel('作业名称').fill('题量过多');
  await page.getByLabel(/培训师姓名/).fill('王老师');
  await page.getByLabel('单选题 易', { exact: true }).fill('150');
  await page.getByLabel('会议组织与管理（整章）').check();
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.locator('#tb-mix-error')).toContainText('需要 150 道');
  await expect(page.locator('.output')).toBeHidden();

  // A blueprint instead: its time limit and pass mark are offered, and the paper follows it.
  await page.getByLabel('会议组织与管理（整章）').uncheck();
  await page.getByLabel('使用试卷蓝本').check();
  await page.getByRole('combobox', { name: '试卷蓝本' }).selectOption({ label: '30 分钟快速测验' });
  await expect(page.getByLabel(/限时/)).toHaveValue('30');
  await expect(page.getByLabel(/及格线/)).toHaveValue('60');
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.locator('#tb-mix-error')).toBeHidden();
  await expect(page.getByLabel('发到班级群的消息')).toHaveValue(/共 30 题 · 限时 30 分钟/);
  await page.locator('.output').getByRole('link', { name: '打印试卷' }).click();
  await expect(page.locator('.sheet li.q')).toHaveCount(30);
});

test('with a paper per learner, each learner gets their own and the report still matches them up', async ({ page, browser, request }) => {
  const bank = await meetingsBank(request);
  const link = await buildAssignment(page, { perLearner: true });
  const stems: string[][] = [];
  const codes: string[] = [];
  for (const learner of ['赵一', '钱二']) {
    const context = await browser.newContext();
    const learnerPage = await context.newPage();
    await learnerPage.goto(link);
    await learnerPage.getByLabel(/你的姓名/).fill(learner);
    await learnerPage.getByRole('button', { name: '开始作答' }).click();
    stems.push(await paperStems(learnerPage));
    await answerAll(learnerPage, bank, true);
    await submit(learnerPage);
    await expect(learnerPage.locator('.score')).toHaveText('100 分（满分 100）');
    codes.push(await learnerPage.getByLabel('结果码').inputValue());
    await context.close();
  }
  expect(stems[0]).not.toEqual(stems[1]);

  await page.getByLabel(/粘贴结果码/).fill(codes.join(' '));
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.locator('table.roster tbody tr')).toHaveCount(2);
  // Every question either learner had is in the item statistics, all answered right.
  const questions = new Set(stems.flat());
  await expect(page.locator('table.items tbody tr')).toHaveCount(questions.size);
  for (const cell of await page.locator('table.items tbody tr td:nth-child(4)').allTextContents()) expect(cell).toBe('100%');
  await expect(page.getByText('未计入逐题统计')).toHaveCount(0);
});

test('the clock runs on wall-clock time: a reload keeps the time left, and time up submits the paper', async ({ browser }) => {
  const trainer = await browser.newPage();
  const link = await buildAssignment(trainer);
  await trainer.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(link);
  await page.getByLabel(/你的姓名/).fill('孙三');
  await page.getByRole('button', { name: '开始作答' }).click();
  await expect(clock(page)).toHaveText(/^(30:00|29:5\d)$/);
  await shownQuestion(page).locator('input').first().check();

  await page.clock.fastForward('10:00');
  await page.reload();
  await expect(clock(page)).toHaveText(/^(20:00|19:5\d)$/);
  await expect(shownQuestion(page).locator('input').first()).toBeChecked();

  await page.clock.fastForward('21:00');
  await expect(page.locator('.result-facts')).toContainText('时间到，系统已自动交卷');
  await expect(page.locator('.outcome')).toContainText('答对');
  await page.reload();
  await expect(page.locator('.result-facts')).toContainText('时间到，系统已自动交卷');
  await context.close();
});

/** Opens the link as a learner, starts under `learner`, and submits at once with nothing answered. */
async function submitBlank(browser: Browser, link: string, learner: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel(/你的姓名/).fill(learner);
  await page.getByRole('button', { name: '开始作答' }).click();
  await submit(page);
  await expect(page.locator('.score')).toHaveText('0 分（满分 100）');
  const code = await page.getByLabel('结果码').inputValue();
  await context.close();
  return code;
}

test('forged codes are re-scored and flagged in the class report', async ({ page, browser }) => {
  const link = await buildAssignment(page);
  const spec = decodeAssignment(new URL(link).hash.slice('#a='.length));
  if (!spec.ok) throw new Error(spec.error.message);
  const honest = await submitBlank(browser, link, '李四');
  const decoded = decodeResult(honest, spec.value.id);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const result = decoded.value;
  // What a forger does with the site's own encoder: claim full marks, or move the start back a day.
  const fullMarks = encodeResult({ ...result, learner: '赵六', score: { points: 100, max: 100, passed: true } });
  const startedAt = spec.value.createdAt - 86_400;
  const backdated = encodeResult({ ...result, learner: '钱七', startedAt, submittedAt: startedAt + 600 });

  await page.getByLabel(/粘贴结果码/).fill(`${honest}\n${fullMarks}\n${backdated}`);
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.locator('.added-summary')).toHaveText('找到 3 个结果码：已接收 3 个');

  const roster = page.locator('table.roster tbody tr');
  await expect(roster).toHaveCount(3);
  const zhao = roster.filter({ hasText: '赵六' });
  await expect(zhao).toContainText('0 / 100');
  await expect(zhao).toContainText('不及格');
  await expect(zhao.locator('.flag')).toHaveText(['自报分数不符']);
  await expect(roster.filter({ hasText: '钱七' }).locator('.flag')).toHaveText(['开始早于布置']);
  await expect(roster.filter({ hasText: '李四' })).toContainText('无异常');
  await expect(page.locator('.summary div').filter({ hasText: '需核实' }).locator('dd')).toHaveText('2 人');
  await expect(page.locator('.summary div').filter({ hasText: '及格率' }).locator('dd')).toHaveText('0%');
  await expect(page.locator('.flag-list')).toContainText('赵六（自报分数不符）：结果码自报 100/100 分（及格），按作答复核为 0/100 分（不及格）');
  await expect(page.locator('.flag-list')).toContainText(/钱七（开始早于布置）：开始作答的时间 .* 早于作业布置的时间/);
  // The statement that a code proves nothing against a determined forger stays.
  await expect(page.locator('.forgery')).toContainText('不能防止有意伪造');
  await expectNoAxeViolations(page);
});

test('chat pasted into the inbox yields only its codes, and the box is cleared', async ({ page, browser }) => {
  const link = await buildAssignment(page);
  const code = await submitBlank(browser, link, '孙八');
  const box = page.getByLabel(/粘贴结果码/);

  await box.fill('王老师：2026-12-02 前交\n07 OK 收到\n好的 v219 [图片]');
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.locator('.added-summary')).toHaveText('没有找到结果码');
  await expect(page.locator('.added-rows tbody tr')).toHaveCount(0);
  await expect(box).not.toHaveValue(''); // nothing was taken in: the text stays

  await box.fill(`2026-12-02 07:15\n孙八：${code}，谢谢老师！\nOK`);
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.locator('.added-summary')).toHaveText('找到 1 个结果码：已接收 1 个');
  await expect(page.locator('.added-rows tbody tr')).toHaveCount(1);
  await expect(page.locator('.added-rows')).not.toContainText('损坏');
  await expect(box).toHaveValue('');
  await expect(page.locator('table.roster tbody tr')).toHaveCount(1);
});

/** A result code whose payload inflates to 5 MiB, as in issue 13: well-formed up to the inflating. */
function oversizedCode(): string {
  const payload = deflateSync(new Uint8Array(5 * 1024 * 1024).fill(32), { level: 9 });
  const bytes = Uint8Array.from([1, 0x52, 0, 0, 0, 0, (payload.length & 0x7f) | 0x80, payload.length >> 7, ...payload]);
  new DataView(bytes.buffer).setUint32(2, crc32(bytes.subarray(6), crc32(bytes.subarray(0, 2))), false);
  return toBase64Url(bytes);
}
const OVERSIZED = oversizedCode();

/** Pastes `text` (as a paste would: no typing) and adds it, measuring the page's longest task. */
async function pasteAndMeasure(page: Page, text: string): Promise<{ totalMs: number; longestTaskMs: number }> {
  await page.getByLabel(/粘贴结果码/).evaluate((box, value) => {
    (box as HTMLTextAreaElement).value = value;
  }, text);
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { tasks: number[] }).tasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask' });
  });
  const start = Date.now();
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.locator('.added-summary')).toHaveText(/找到/, { timeout: 60_000 });
  const totalMs = Date.now() - start;
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => (window as unknown as { tasks: number[] }).tasks);
  return { totalMs, longestTaskMs: Math.round(Math.max(0, ...tasks)) };
}

test('400 oversized codes and a 1 MB chat paste are checked without freezing the page', async ({ page }) => {
  await buildAssignment(page);
  const oversized = Array.from({ length: 400 }, () => OVERSIZED).join('\n');
  const big = await pasteAndMeasure(page, oversized);
  await expect(page.locator('.added-summary')).toHaveText('找到 400 个结果码：损坏 400 个');
  await expect(page.locator('.added-rows tbody tr')).toHaveCount(200);
  await expect(page.locator('.added-rows')).toContainText('结果码内容过大，不是本站生成的');
  await expect(page.locator('.added-rows')).toContainText('只列出前 200 个，其余 200 个已计入上面的统计');
  // The same broken code 400 times stays in the box once.
  await expect(page.getByLabel(/粘贴结果码/)).toHaveValue(OVERSIZED);

  const words = ['2026-12-02', '07', 'OK', '收到', '谢谢老师', '12:30', '好的', 'v219'];
  let chat = '';
  for (let i = 0; chat.length < 1_000_000; i++) chat += words[i % words.length] + (i % 12 === 11 ? '\n' : ' ');
  const chatted = await pasteAndMeasure(page, chat);
  await expect(page.locator('.added-summary')).toHaveText('没有找到结果码');
  await expect(page.locator('.added-rows tbody tr')).toHaveCount(0);

  console.info(`400 oversized codes: ${big.totalMs} ms, longest task ${big.longestTaskMs} ms; 1 MB chat: ${chatted.totalMs} ms, longest task ${chatted.longestTaskMs} ms`);
  // Before issue 13 one task took the whole import (9 s and 12 s here); now the page gets a turn every few ms.
  for (const run of [big, chatted]) expect(run.longestTaskMs).toBeLessThanOrEqual(Math.max(300, run.totalMs / 2));
});

test('a large import can be stopped, and then adds nothing', async ({ page }) => {
  await page.clock.install();
  await buildAssignment(page);
  await page.getByLabel(/粘贴结果码/).evaluate((box, value) => {
    (box as HTMLTextAreaElement).value = value;
  }, Array.from({ length: 400 }, () => OVERSIZED).join('\n'));
  // With the page's clock stopped, the import checks its first slice and waits there for its turn.
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '导入进度' })).toHaveAttribute('max', '400');
  await expect(page.getByRole('button', { name: '加入收件箱' })).toBeDisabled();
  await page.getByRole('button', { name: '停止导入' }).click();
  await page.clock.resume();
  await expect(page.locator('.added-summary')).toHaveText('已停止导入：这次的结果码都没有加入收件箱。');
  await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeHidden();
  await expect(page.locator('.count')).toHaveText('收件箱是空的。');
  await expect(page.getByRole('button', { name: '加入收件箱' })).toBeEnabled();
});

/** A link made on another version of the site: same format, content this site may not have. */
function linkFor(draft: Partial<AssignmentDraft>): string {
  const created = createAssignment(
    {
      title: TITLE,
      trainer: '王老师',
      note: '',
      modules: ['meetings'],
      mix: { counts: { single: [2, 0, 0], multiple: [0, 0, 0], judge: [0, 0, 0] } },
      minutes: 30,
      passMark: 60,
      multiplePolicy: 'all-or-nothing',
      due: null,
      variant: 'shared',
      showAnswers: true,
      ...draft,
    },
    { random: Math.random, now: Date.now },
  );
  if (!created.ok) throw new Error(created.error.join('；'));
  return `/trainer/assignment/#a=${encodeAssignment(created.value)}`;
}

test('a stale link says on opening, in Chinese, what the site no longer has, and whether the paper can be drawn', async ({ page }) => {
  // A chapter that is gone: the paper is drawn from what is left, and the learner is told.
  await page.goto(linkFor({ modules: ['meetings', 'archives', 'meetings#old-section'] }));
  const stale = page.locator('.stale');
  await expect(stale).toContainText('这个作业链接里有些内容本站已经没有了');
  await expect(stale).toContainText('学习范围里的一章本站已经没有了（章节编号 archives）');
  await expect(stale).toContainText('学习范围里「会议组织与管理」的一个小节本站已经没有了（小节编号 old-section）');
  await expect(page.locator('.reading-list h3')).toHaveText(['会议组织与管理（整章）']);
  await expect(page.getByRole('button', { name: '开始作答' })).toBeVisible();
  await expect(page.getByText('题库没能加载')).toHaveCount(0);

  // A paper that cannot be drawn: said at once, and there is no name to type.
  await page.goto('/');
  await page.goto(linkFor({ modules: ['meetings#old-section'] }));
  await expect(stale).toContainText('这份作业现在无法组卷');
  await expect(stale).toContainText('按本站现在的题库凑不齐这份试卷：「易」单选：需要 2 道，可用 0 道');
  await expect(page.getByLabel(/你的姓名/)).toBeHidden();
  await expect(page.getByRole('button', { name: '开始作答' })).toBeHidden();

  // A blueprint that is gone.
  await page.goto('/');
  await page.goto(linkFor({ mix: { blueprint: 'retired-mock' } }));
  await expect(stale).toContainText('作业使用的试卷蓝本本站已经没有了（蓝本编号 retired-mock），无法组卷');
});

test('a link missing fields names them in Chinese', async ({ page }) => {
  const anything = createCodec({ kind: 'assignment', formats: [{ version: 1, validate: (value: unknown) => ({ ok: true as const, value }) }] });
  const full = decodeAssignment(new URL(`http://x${linkFor({})}`).hash.slice('#a='.length));
  if (!full.ok) throw new Error(full.error.message);
  const { trainer: _trainer, note: _note, ...withoutTwo } = full.value;
  await page.goto(`/trainer/assignment/#a=${anything.encode(withoutTwo)}`);
  await expect(page.getByRole('alert')).toContainText('作业缺少：培训师姓名、说明');
  await expect(page.getByRole('alert')).not.toContainText(/trainer|note/);
});

test('names and titles with invisible or direction characters are refused with a Chinese message', async ({ page }) => {
  await page.goto('/trainer/');
  await page.getByLabel('作业名称').fill('会议\u202e练习');
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.locator('#tb-title-error')).toHaveText('作业名称含有看不见的特殊字符（U+202E，文字方向控制符），可能是从别处复制时带进来的：请删除后重新输入');

  await page.goto(linkFor({}));
  await page.getByLabel(/你的姓名/).fill('张\u200b三');
  await page.getByRole('button', { name: '开始作答' }).click();
  await expect(page.locator('#tr-name-error')).toContainText('姓名含有看不见的特殊字符（U+200B，零宽字符）');
  await expect(shownQuestion(page)).toHaveCount(0);
});
