/**
 * What the trainer's e2e files share: the 4-question assignment most of them start from, and the
 * attempt desk's parts they read and press.
 */
import { expect, type Page } from '@playwright/test';

export const TITLE = '会议组织 课后练习';

/** Builds a 4-question assignment on the meetings chapter and returns its link. */
export async function buildAssignment(page: Page, options: { perLearner?: boolean } = {}): Promise<string> {
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

export const shownQuestion = (page: Page) => page.locator('[data-ref="question"] fieldset.question');

/** 交卷, and confirm in the desk's dialog. */
export async function submit(page: Page): Promise<void> {
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('dialog', { name: '确定交卷？' }).getByRole('button', { name: '确定交卷' }).click();
}
