/**
 * The results screen of a skills paper in the mock exam: the self-marked score, recomputed from
 * the ticks each time, above the items to mark (`self-mark.ts`).
 */
import type { AttemptSession, StorageProblem, WrittenPaper } from '../../quiz/index.ts';
import { ref } from '../../ui/dom.ts';
import { formatDateTime, formatPoints } from '../../ui/format.ts';
import { selfMarkItems, showItemScores } from '../attempt/self-mark.ts';

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
  showItemScores(root, session);
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

  const items = selfMarkItems(session, {
    onProblems: options.onProblems,
    onMarked: () => showScore(root, session),
    sectionLink: options.sectionLink,
  });
  ref(root, 'skills-items').replaceChildren(...items);
  showScore(root, session);
}
