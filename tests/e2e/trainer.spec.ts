/**
 * The trainer's main flows, end to end: an assignment built, taken by two learners and read back
 * into the class report; printed; a broken link; the pages at 360 px; the builder's problems; a
 * paper per learner; the wall clock. Bad input (forged, pasted, oversized or stale) is in
 * trainer-reliability.spec.ts.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { QuizQuestion } from '../../src/quiz/index.ts';
import { expectNoAxeViolations } from './axe.ts';
import { buildAssignment, shownQuestion, submit, TITLE } from './trainer-helpers.ts';

// Each test plays several browsers (trainer and learners) through whole papers.
test.describe.configure({ timeout: 90_000 });

async function meetingsBank(request: APIRequestContext): Promise<QuizQuestion[]> {
  const response = await request.get('/data/bank/meetings.json');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { questions: QuizQuestion[] }).questions;
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

const sheetButtons = (page: Page) => page.getByRole('navigation', { name: '答题卡' }).getByRole('button');
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
