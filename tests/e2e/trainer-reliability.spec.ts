/**
 * The trainer's pages against bad input: forged and oversized result codes, chat pasted with the
 * codes, an import stopped halfway, links made on another version of the site or missing fields,
 * and invisible characters in names.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { deflateSync } from 'fflate';
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
import { expectNoAxeViolations } from './axe.ts';
import { buildAssignment, shownQuestion, submit, TITLE } from './trainer-helpers.ts';

// Each test builds an assignment, and some play a learner or import hundreds of codes.
test.describe.configure({ timeout: 90_000 });

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
