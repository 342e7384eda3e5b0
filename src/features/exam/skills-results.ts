/**
 * The results screen of a skills paper: every item with the learner's answer beside the model
 * answer, and its 得分点 to tick. A tick is a step of the attempt (saved, merged with other tabs
 * like everything else), and the score is recomputed from the ticks each time.
 */
import type { AttemptSession, StorageProblem, WrittenPaper } from '../../quiz/index.ts';
import { el, link, ref } from '../../ui/dom.ts';
import { formatDateTime, formatPoints } from '../../ui/format.ts';
import { modelAnswer, partPrompt, rubricChecklist, writtenBrief, writtenKindLabel } from '../../ui/written-view.ts';

export interface SkillsResultsOptions {
  title: string;
  onProblems: (problems: readonly StorageProblem[]) => void;
  /** Where an item's topic is taught. */
  sectionLink: (chapter: string, section: string) => { href: string; title: string };
}

function showScore(root: HTMLElement, session: AttemptSession<WrittenPaper>): void {
  const score = session.writtenScore;
  if (!score) return;
  ref(root, 'skills-total').textContent = `${formatPoints(score.total)} / ${formatPoints(score.maxTotal)} 分`;
  const verdict = ref(root, 'skills-verdict');
  verdict.textContent = score.passed ? '及格 ✓' : '不及格 ✗';
  verdict.classList.toggle('pass', score.passed);
  verdict.classList.toggle('fail', !score.passed);
  ref(root, 'skills-parts').textContent = score.parts.map((p) => `${p.key} ${formatPoints(p.score)} / ${formatPoints(p.points)} 分`).join(' · ');
  for (const mark of score.items) {
    const line = root.querySelector<HTMLElement>(`[data-item-score="${mark.index}"]`);
    if (line) line.textContent = `本题自评：得分点 ${formatPoints(mark.ticked)} / ${formatPoints(mark.max)}，折合 ${formatPoints(mark.score)} / ${formatPoints(mark.points)} 分`;
  }
}

export function renderSkillsResults(root: HTMLElement, session: AttemptSession<WrittenPaper>, options: SkillsResultsOptions): void {
  const { paper, state } = session;
  ref(root, 'skills-title').textContent = `自评成绩：${options.title}`;
  const timeUp = ref(root, 'skills-timeup');
  timeUp.hidden = state.endedBy !== 'timeUp';
  if (state.endedBy === 'timeUp' && state.submittedAt !== null) {
    timeUp.textContent = `考试时间已到：已按截止时间 ${formatDateTime(state.submittedAt)} 自动交卷，截止之后写的内容不计入。`;
  }
  const retake = ref<HTMLAnchorElement>(root, 'skills-retake');
  retake.href = `/exam/?${new URLSearchParams({ blueprint: paper.blueprintId })}`;
  ref(root, 'skills-print').onclick = () => window.print();

  const items = paper.items.map((slot, index) => {
    const item = slot.written;
    const li = el('li');
    const share = (paper.parts[slot.part]?.points ?? 0) / Math.max(1, paper.items.filter((other) => other.part === slot.part).length);
    li.append(el('h3', undefined, `第 ${index + 1} 题 · ${writtenKindLabel(item)}（本题 ${formatPoints(share)} 分）`));
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
          showScore(root, session);
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
  ref(root, 'skills-items').replaceChildren(...items);
  showScore(root, session);
}
