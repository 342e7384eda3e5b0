/** What the 练习 page says, with links onward, when a mode has nothing to ask or a run is done. */
import { el, link } from '../../ui/dom.ts';
import { formatPercent } from '../../ui/format.ts';
import { planToQuery, type PracticeMode, type PracticePlan } from './plan.ts';

export function emptyState(plan: PracticePlan, wrongTotal: number): HTMLElement {
  const same = (mode: PracticeMode) => planToQuery({ ...plan, mode, seed: null });
  const box = el('div', 'empty');
  const say = (text: string, ...links: HTMLAnchorElement[]) => {
    box.append(el('p', undefined, text));
    if (links.length) {
      const p = el('p', 'empty-actions');
      links.forEach((a, i) => p.append(...(i ? [' · ', a] : [a])));
      box.append(p);
    }
  };
  const inAChapter = plan.chapter !== null;
  switch (plan.mode) {
    case 'wrong':
      if (inAChapter && wrongTotal > 0) {
        say(`这个范围内没有错题；全部章节的错题本里还有 ${wrongTotal} 题。`, link(planToQuery({ chapter: null, section: null, mode: 'wrong', seed: null }), '练习全部错题'));
      } else {
        say('错题本为空：去练习或考试。答错的题会自动加入错题本。', link(same('order'), '顺序练习'), link(same('random'), '随机练习'), link('/exam/', '模拟考试'));
      }
      break;
    case 'starred':
      say('还没有收藏的题：练习时点“☆ 收藏”，就能把题加入这里。', link(same('order'), '顺序练习'), link(same('random'), '随机练习'));
      break;
    case 'due':
      say('今天没有要复习的题。练习过的题会按遗忘规律安排复习，到期后出现在这里。', link(same('random'), '随机练习'), link(same('wrong'), '错题本'));
      break;
    case 'case':
      say('这个范围没有案例分析题，换一个章节试试。', link(planToQuery({ chapter: null, section: null, mode: 'case', seed: null }), '全部章节的案例分析'));
      break;
    default:
      say('这个范围还没有题目，换一个章节或小节试试。');
  }
  return box;
}

/** The box under the last question once every question of the run is answered. */
export function finishedBox(plan: PracticePlan | null, right: number, total: number, onAgain: () => void): HTMLElement {
  const box = el('div', 'finished');
  box.append(el('p', undefined, `本轮 ${total} 题已全部答完：答对 ${right} 题，正确率 ${formatPercent(right / Math.max(1, total))}。`));
  const actions = el('p', 'empty-actions');
  const again = el('button', undefined, '再练一轮');
  again.type = 'button';
  again.addEventListener('click', onAgain);
  actions.append(again);
  if (plan && plan.mode !== 'wrong') actions.append(' · ', link(planToQuery({ ...plan, mode: 'wrong', seed: null }), '练习错题本'));
  actions.append(' · ', link('/progress/', '查看学习进度'));
  box.append(actions);
  return box;
}
