/**
 * One 案例分析 item in practice: the scenario, a textarea per sub-question, then — once the learner
 * asks — the model answers and 得分点 to tick. The engine (case.ts) enforces the order: writing is
 * locked once the model answers are shown. All text goes in as textContent.
 */
import { revealModelAnswers, selfMark, tickPoint, writeCaseAnswer } from '../../quiz/index.ts';
import type { CaseItem, CaseWork } from '../../quiz/index.ts';
import { el, link } from '../../ui/dom.ts';

export interface CaseViewOptions {
  /** 1-based position in the session, and the session's length. */
  number: number;
  total: number;
  work: CaseWork;
  sectionLink: { href: string; title: string };
  /** Every change of the work; `typing` marks keystrokes, which the caller may save less eagerly. */
  onChange: (work: CaseWork, typing: boolean) => void;
}

/** Ids for labels and headings; case ids are already unique and id-safe. */
const idFor = (item: CaseItem, what: string) => `${item.id}-${what}`;

export function describeSelfMark(score: number, max: number): string {
  return `自评得分：${score} / ${max} 分`;
}

/** The case, re-rendering itself in place when the model answers are revealed. */
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
    const title = el('h3', undefined, `案例 ${options.number} / ${options.total}`);
    title.id = idFor(item, 'title');
    const scenario = el('div', 'scenario');
    for (const paragraph of item.scenario.split(/\n+/).filter((p) => p.trim())) scenario.append(el('p', undefined, paragraph));
    const total = el('p', 'self-mark', describeSelfMark(mark.score, mark.max));
    total.setAttribute('role', 'status');

    const parts = item.parts.map((part, partIndex) => {
      const section = el('section', 'case-part');
      const heading = el('h4', undefined, `第 ${partIndex + 1} 问（${mark.parts[partIndex]?.max ?? 0} 分）`);
      heading.id = idFor(item, `part-${partIndex}`);
      section.setAttribute('aria-labelledby', heading.id);
      const answerId = idFor(item, `answer-${partIndex}`);
      const label = el('label', undefined, work.revealed ? '你的作答（已锁定）' : '你的作答');
      label.htmlFor = answerId;
      const textarea = el('textarea');
      textarea.id = answerId;
      textarea.rows = 5;
      textarea.value = work.parts[partIndex]?.text ?? '';
      textarea.readOnly = work.revealed;
      textarea.addEventListener('input', () => {
        if (!work.revealed) change(writeCaseAnswer(work, partIndex, textarea.value, Date.now()), true);
      });
      section.append(heading, el('p', 'prompt', part.prompt), label, textarea);
      if (!work.revealed) return section;

      const model = el('div', 'model-answer');
      model.tabIndex = -1;
      const strong = el('strong', undefined, '参考答案：');
      const modelText = el('p');
      modelText.append(strong, part.modelAnswer);
      model.append(modelText);
      const points = el('fieldset', 'points');
      points.append(el('legend', undefined, '得分点：勾选你的作答覆盖到的'));
      const partScore = el('p', 'part-score');
      const showPartScore = () => {
        const now = selfMark(item, work).parts[partIndex];
        partScore.textContent = `本问自评：${now?.score ?? 0} / ${now?.max ?? 0} 分`;
      };
      part.points.forEach((point, pointIndex) => {
        const pointLabel = el('label', 'point');
        const box = el('input');
        box.type = 'checkbox';
        box.checked = work.parts[partIndex]?.ticked.includes(pointIndex) ?? false;
        box.addEventListener('change', () => {
          change(tickPoint(item, work, partIndex, pointIndex, box.checked, Date.now()), false);
          showPartScore();
          const all = selfMark(item, work);
          total.textContent = describeSelfMark(all.score, all.max);
        });
        pointLabel.append(box, ` ${point.text}（${point.score} 分）`);
        points.append(pointLabel);
      });
      showPartScore();
      section.append(model, points, partScore);
      return section;
    });

    root.replaceChildren(title, scenario, ...parts);
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
    const note = el('p', 'hint', '自评得分单独记录，不计入客观题的正确率，也不计入考试成绩。');
    const explanation = el('div', 'feedback is-neutral');
    explanation.append(el('p', 'explanation', `解析：${item.explanation}`), link(options.sectionLink.href, `去学习本节：${options.sectionLink.title}`));
    root.append(total, note, explanation);
  };

  build();
  return root;
}
