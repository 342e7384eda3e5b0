/**
 * Self-marking a submitted skills paper, wherever it was taken (the mock exam, a trainer's
 * assignment): every item with the learner's answer beside the model answer, and its 得分点 to
 * tick. A tick is a step of the attempt (saved, merged with other tabs like everything else);
 * `onMarked` runs after each so the page can show the new score.
 */
import { itemPoints } from '../../quiz/index.ts';
import type { AttemptSession, StorageProblem, WrittenPaper } from '../../quiz/index.ts';
import { el, link } from '../../ui/dom.ts';
import { formatPoints } from '../../ui/format.ts';
import { modelAnswer, partPrompt, rubricChecklist, writtenBrief, writtenKindLabel } from '../../ui/written-view.ts';

export interface SelfMarkOptions {
  onProblems: (problems: readonly StorageProblem[]) => void;
  /** After a tick was recorded. */
  onMarked: () => void;
  /** Where an item's topic is taught. */
  sectionLink: (chapter: string, section: string) => { href: string; title: string };
}

/** The `<li>` of every item, in paper order; `showItemScores` fills their score lines. */
export function selfMarkItems(session: AttemptSession<WrittenPaper>, options: SelfMarkOptions): HTMLLIElement[] {
  const { paper, state } = session;
  return paper.items.map((slot, index) => {
    const item = slot.written;
    const li = el('li');
    li.append(el('h3', undefined, `第 ${index + 1} 题 · ${writtenKindLabel(item)}（本题 ${formatPoints(itemPoints(paper, index))} 分）`));
    const brief = el('details', 'brief');
    brief.append(el('summary', undefined, '题目情景与材料'), writtenBrief(item));
    li.append(brief);
    item.parts.forEach((part, p) => {
      const answer = state.texts[index]?.[p] ?? '';
      const own = el('div', 'own-answer');
      own.append(el('p', 'own-title', '你的作答'), answer.trim() === '' ? el('span', 'meta', '（未作答）') : answer);
      const compare = el('div', 'compare');
      compare.append(own, modelAnswer(part));
      const checklist = rubricChecklist(part, {
        ticked: state.ticks[index]?.[p] ?? [],
        answer,
        onTick: (point, ticked) => {
          const outcome = session.apply({ kind: 'tick', at: Date.now(), item: index, part: p, point, ticked });
          options.onProblems(outcome.problems);
          options.onMarked();
        },
      });
      li.append(partPrompt(item, part, p), compare, checklist);
    });
    const score = el('p', 'item-score');
    score.dataset['itemScore'] = String(index);
    const taught = options.sectionLink(item.chapter, item.section);
    li.append(score, el('p', 'explanation', `解析：${item.explanation}`), link(taught.href, `去学习本节：${taught.title}`));
    return li;
  });
}

/** Each item's line 「本题自评：得分点 6 / 10，折合 15 / 25 分」 under `root`. */
export function showItemScores(root: HTMLElement, session: AttemptSession<WrittenPaper>): void {
  for (const mark of session.writtenScore?.items ?? []) {
    const line = root.querySelector<HTMLElement>(`[data-item-score="${mark.index}"]`);
    if (line) line.textContent = `本题自评：得分点 ${formatPoints(mark.ticked)} / ${formatPoints(mark.max)}，折合 ${formatPoints(mark.score)} / ${formatPoints(mark.points)} 分`;
  }
}
