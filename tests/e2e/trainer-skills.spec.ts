/**
 * The trainer's skills papers (专业能力), end to end: chosen 案例分析 and 工作实务 assigned, written
 * on the learner's phone-sized page, self-marked, sent back as a code and a text file, read into
 * the class report's most-missed 得分点; the skills blueprint printed with writing space and a
 * separate marking scheme.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

const TITLE = '会议工作实务练习';

test.describe.configure({ timeout: 90_000 });


const answerBox = (page: Page) => page.locator('[data-ref="question"] textarea').first();

/** Builds an assignment of two chosen items of the meetings chapter and returns its link. */
async function buildChosen(page: Page): Promise<string> {
  await page.goto('/trainer/');
  await page.getByLabel('作业名称').fill(TITLE);
  await page.getByLabel(/培训师姓名/).fill('王老师');
  await page.getByLabel('会议组织与管理（整章）').check();
  await page.getByLabel('指定案例分析、工作实务').check();
  const list = page.locator('.written-list');
  await expect(list.getByRole('group', { name: '会议组织与管理' })).toBeVisible();
  // Only the chosen chapter's items are offered.
  await expect(list.getByRole('group')).toHaveCount(1);
  await list.getByRole('checkbox', { name: /^案例分析/ }).first().check();
  await list.getByRole('checkbox', { name: /^工作实务/ }).first().check();
  await expect(page.locator('.written-status')).toContainText('已选 2 题');
  await page.getByLabel(/限时/).fill('60');
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.getByRole('heading', { name: `作业已生成：${TITLE}` })).toBeVisible();
  await expect(page.getByLabel('发到班级群的消息')).toHaveValue(/共 2 题 · 限时 60 分钟 · 得分率 60% 及格 · 案例分析、工作实务，交卷后对照参考答案自评/);
  await expect(page.locator('.output').getByRole('link', { name: '打印评分标准与参考答案' })).toBeVisible();
  return page.getByRole('textbox', { name: /^作业链接/ }).inputValue();
}

test('chosen items: written, reloaded, self-marked, sent as a code and a file, and read into the report', async ({ page, browser }) => {
  const link = await buildChosen(page);

  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, hasTouch: true });
  const learner = await context.newPage();
  await learner.goto(link);
  await expect(learner.locator('.facts')).toContainText('交卷后显示参考答案和得分点，用来自评');
  await learner.getByLabel(/你的姓名/).fill('张三');
  await learner.getByRole('button', { name: '开始作答' }).click();
  await expect(learner.locator('[data-ref="part-title"]')).toHaveText('第 1 题，共 2 题');
  await answerBox(learner).fill('会前没有核对参会名单，应提前确认并准备座次。');
  await learner.getByRole('button', { name: '下一题 →' }).click();
  await answerBox(learner).fill('关于召开季度工作会议的通知\n各部门：\n……\n办公室');
  await answerBox(learner).blur();

  // A reload keeps both texts.
  await learner.reload();
  await expect(answerBox(learner)).toHaveValue('关于召开季度工作会议的通知\n各部门：\n……\n办公室');
  await learner.getByRole('button', { name: '← 上一题' }).click();
  await expect(answerBox(learner)).toHaveValue('会前没有核对参会名单，应提前确认并准备座次。');

  await learner.getByRole('button', { name: '交卷', exact: true }).click();
  await learner.getByRole('dialog', { name: '确定交卷？' }).getByRole('button', { name: '确定交卷' }).click();
  await expect(learner.locator('[data-ref="self-mark-hint"]')).toBeVisible();
  await expect(learner.locator('.score')).toHaveText('0 分（满分 100）');
  const before = await learner.getByLabel('结果码').inputValue();

  // Ticking a point raises the score and re-makes the code.
  const firstItem = learner.locator('.self-mark-items > li').first();
  await expect(firstItem.locator('.own-answer').first()).toContainText('会前没有核对参会名单');
  await firstItem.locator('fieldset.points').first().getByRole('checkbox').first().check();
  await expect(learner.locator('.score')).not.toHaveText('0 分（满分 100）');
  await expect(learner.getByLabel('结果码')).not.toHaveValue(before);
  const code = await learner.getByLabel('结果码').inputValue();
  expect(code.length).toBeLessThan(200);

  const file = learner.waitForEvent('download');
  await learner.getByRole('button', { name: '下载作答文本' }).click();
  const text = await readFile((await (await file).path())!, 'utf8');
  expect(text).toContain('会前没有核对参会名单');
  expect(text).toContain('关于召开季度工作会议的通知');
  expect(text.trim().endsWith(code)).toBe(true);
  await expectNoAxeViolations(learner);
  expect(await learner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // A reload shows the marking as it was left.
  await learner.reload();
  await expect(learner.getByLabel('结果码')).toHaveValue(code);
  await expect(learner.locator('.self-mark-items > li').first().locator('fieldset.points').first().getByRole('checkbox').first()).toBeChecked();
  await context.close();

  // The trainer reads the file's text as it is; the roster says the score is self-marked.
  await page.getByLabel(/粘贴结果码/).fill(text);
  await page.getByRole('button', { name: '加入收件箱' }).click();
  await expect(page.locator('.added-summary')).toHaveText('找到 1 个结果码：已接收 1 个');
  const roster = page.locator('table.roster tbody tr');
  await expect(roster).toHaveCount(1);
  await expect(roster.first()).toContainText('自评分');
  await expect(roster.first()).toContainText('无异常');
  const points = page.locator('table.points');
  await expect(points).toHaveCount(2);
  await expect(points.first().locator('tbody tr').first()).toContainText('1 / 1 人');
  await expectNoAxeViolations(page);
});

test('the skills blueprint prints with room to write, and its marking scheme separately', async ({ page }) => {
  await page.goto('/trainer/');
  await page.getByLabel('作业名称').fill('专业能力模拟');
  await page.getByLabel(/培训师姓名/).fill('王老师');
  await page.getByLabel('使用试卷蓝本（含专业能力模拟卷）').check();
  await page.getByRole('combobox', { name: '试卷蓝本' }).selectOption({ label: '秘书专业能力模拟卷' });
  await expect(page.getByLabel(/限时/)).toHaveValue('120');
  await page.getByRole('button', { name: '生成作业链接' }).click();
  await expect(page.getByLabel('发到班级群的消息')).toHaveValue(/共 5 题 · 限时 120 分钟/);
  await page.locator('.output').getByRole('link', { name: '打印试卷' }).click();

  await expect(page.locator('.sheet li.written-q')).toHaveCount(5);
  await expect(page.locator('.sheet h2').first()).toContainText('案例分析');
  expect(await page.locator('.sheet .writing-space').count()).toBeGreaterThanOrEqual(5);
  // The paper holds no answers.
  await expect(page.locator('.sheet .model-answer')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.toolbar')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: '看评分标准' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('专业能力模拟 · 评分标准与参考答案');
  await expect(page.locator('.sheet .key-item')).toHaveCount(5);
  expect(await page.locator('.sheet table.rubric').count()).toBeGreaterThanOrEqual(5);
  expect(await page.locator('.sheet .model-answer').count()).toBeGreaterThanOrEqual(5);
  await expect(page.locator('.sheet .writing-space')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
