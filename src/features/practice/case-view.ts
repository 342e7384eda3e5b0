/**
 * One written item in practice (案例分析 or 工作实务): the scenario and materials, a text area per
 * part, then — once the learner asks — the model answers and 得分点 to tick, with the keyword hint.
 * The engine (case.ts) enforces the order: writing is locked once the model answers are shown.
 * 「完成自评」 puts the ticked and missed 得分点 into the review records, so a point the learner
 * misses comes back in 今日复习. All text goes in as textContent.
 */
import { revealModelAnswers, selfMark, tickPoint, writeCaseAnswer } from '../../quiz/index.ts';
import type { CaseItem, CaseWork } from '../../quiz/index.ts';
import { el, link } from '../../ui/dom.ts';
import { modelAnswer, partPrompt, rubricChecklist, writtenBrief, writtenKindLabel } from '../../ui/written-view.ts';

export interface CaseViewOptions {
  /** 1-based position in the session, and the session's length. */
  number: number;
  total: number;
  work: CaseWork;
  sectionLink: { href: string; title: string };
  /** Every change of the work; `typing` marks keystrokes, which the caller may save less eagerly. */
  onChange: (work: CaseWork, typing: boolean) => void;
  /** 完成自评: the learner is done ticking; the caller records the points for review. */
  onMarked: (work: CaseWork) => void;
}

/** Ids for labels and headings; item ids are already unique and id-safe. */
const idFor = (item: CaseItem, what: string) => `${item.id}-${what}`;

export function describeSelfMark(score: number, max: number): string {
  return `自评得分：${score} / ${max} 分`;
}

/** The item, re-rendering itself in place when the model answers are revealed. */
export function renderCase(item: CaseItem, options: CaseViewOptions): HTMLElement {
  const root = el('article', 'case');
  root.setAttribute('aria-labelledby', idFor(item, 'title'));
  let work = options.work;

  const change = (next: CaseWork, typing: boolean) => {
    work = next;
    options.onChange(work, typing);
  };

  const build = () => {
    const mark = selfMark(item, work);
    const title = el('h3', undefined, `${writtenKindLabel(item)} ${options.number} / ${options.total}`);
    title.id = idFor(item, 'title');
    const total = el('p', 'self-mark', describeSelfMark(mark.score, mark.max));
    total.setAttribute('role', 'status');

    const parts = item.parts.map((part, partIndex) => {
      const section = el('section', 'case-part');
      section.setAttribute('aria-label', item.parts.length > 1 ? `第 ${partIndex + 1} 问` : '任务');
      const answerId = idFor(item, `answer-${partIndex}`);
      const label = el('label', undefined, work.revealed ? '你的作答（已锁定）' : '你的作答');
      label.htmlFor = answerId;
      const textarea = el('textarea');
      textarea.id = answerId;
      textarea.rows = item.kind === 'task' ? 10 : 5;
      textarea.value = work.parts[partIndex]?.text ?? '';
      textarea.readOnly = work.revealed;
      textarea.addEventListener('input', () => {
        if (!work.revealed) change(writeCaseAnswer(work, partIndex, textarea.value, Date.now()), true);
      });
      section.append(partPrompt(item, part, partIndex), label, textarea);
      if (!work.revealed) return section;

      const partScore = el('p', 'part-score');
      const showPartScore = () => {
        const now = selfMark(item, work).parts[partIndex];
        partScore.textContent = `本${item.parts.length > 1 ? '问' : '题'}自评：${now?.score ?? 0} / ${now?.max ?? 0} 分`;
      };
      const checklist = rubricChecklist(part, {
        ticked: work.parts[partIndex]?.ticked ?? [],
        answer: work.parts[partIndex]?.text ?? '',
        onTick: (point, ticked) => {
          change(tickPoint(item, work, partIndex, point, ticked, Date.now()), false);
          showPartScore();
          const all = selfMark(item, work);
          total.textContent = describeSelfMark(all.score, all.max);
        },
      });
      showPartScore();
      section.append(modelAnswer(part), checklist, partScore);
      return section;
    });

    root.replaceChildren(title, writtenBrief(item), ...parts);
    if (!work.revealed) {
      const reveal = el('button', 'primary reveal', '查看参考答案并自评');
      reveal.type = 'button';
      reveal.addEventListener('click', () => {
        change(revealModelAnswers(work, Date.now()), false);
        build();
        root.querySelector<HTMLElement>('.model-answer')?.focus();
      });
      const actions = el('p', 'case-actions');
      actions.append(reveal);
      root.append(actions, el('p', 'hint', '查看参考答案后，作答将锁定，不能再修改；再对照得分点勾选自评。'));
      return;
    }
    const done = el('button', 'mark-done', '完成自评，漏掉的得分点记入复习');
    done.type = 'button';
    const doneStatus = el('span', 'meta');
    doneStatus.setAttribute('role', 'status');
    done.addEventListener('click', () => {
      options.onMarked(work);
      doneStatus.textContent = '已记入：没勾上的得分点会按遗忘规律出现在“今日复习”。';
    });
    const actions = el('p', 'case-actions');
    actions.append(done, doneStatus);
    const note = el('p', 'hint', '自评得分单独记录，不计入客观题的正确率，也不计入考试成绩。');
    const explanation = el('div', 'feedback is-neutral');
    explanation.append(el('p', 'explanation', `解析：${item.explanation}`), link(options.sectionLink.href, `去学习本节：${options.sectionLink.title}`));
    root.append(total, actions, note, explanation);
  };

  build();
  return root;
}
