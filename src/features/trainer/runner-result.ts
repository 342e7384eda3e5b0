/**
 * The learner's result of an assignment: the score, what to revise, the result code to send back
 * (copy, file, QR code) and — when the trainer allows it — the answers. On a skills paper the
 * learner first marks their own answers against the 得分点; the score and the code follow every
 * tick, since the code carries the ticks.
 */
import { feedbackFor, isWrittenPaper } from '../../quiz/index.ts';
import type { AttemptSession, Paper, StorageProblem, WrittenPaper } from '../../quiz/index.ts';
import { encodeResult, resultOf, writtenAnswersText, type AssignmentSpec } from '../../quiz/trainer/index.ts';
import { sectionLink, type Catalog } from '../../ui/content.ts';
import { bindCopy, download, el, link, ref } from '../../ui/dom.ts';
import { beijingTime, formatDuration, formatPoints } from '../../ui/format.ts';
import { renderReviewed } from '../../ui/question-view.ts';
import { selfMarkItems, showItemScores } from '../attempt/self-mark.ts';
import { moduleLabel, moduleUrl } from './modules.ts';
import { qrCode } from './qr.ts';
import { fileName, isPastDue } from './text.ts';

export interface ResultScreen {
  spec: AssignmentSpec;
  catalog: Catalog;
  learner: string;
  session: AttemptSession;
  onProblems: (problems: readonly StorageProblem[]) => void;
}

/** Fills the result section; `moveFocus` after submitting, not when reopening a finished attempt. */
export function renderResult(root: HTMLElement, screen: ResultScreen, moveFocus: boolean): void {
  const { session, learner, spec } = screen;
  ref(root, 'result-title').textContent = `成绩（${learner}）`;
  const written = isWrittenPaper(session.paper);
  ref(root, 'self-mark-hint').hidden = !written;
  showFacts(root, screen);
  bindSend(root, screen);
  // Self-marking shows the code itself, and again after every tick.
  if (written) renderSelfMarking(root, screen, session as AttemptSession<WrittenPaper>);
  else {
    renderObjective(root, screen, session as AttemptSession<Paper>);
    showCode(root, screen);
  }
  ref(root, 'again').textContent = spec.showAnswers || written ? '换一位学员在本设备作答' : '再做一次或换人作答';
  if (moveFocus) ref(root, 'result-title').focus();
}

function showScore(root: HTMLElement, total: number, max: number, passMark: number, passed: boolean, detail: string): void {
  ref(root, 'score').textContent = `${formatPoints(total)} 分（满分 ${formatPoints(max)}）`;
  ref(root, 'outcome').replaceChildren(el('span', passed ? 'pass' : 'fail', passed ? '及格' : '未及格'), `（及格线 ${formatPoints(passMark)} 分）${detail}`);
}

function showFacts(root: HTMLElement, { session, spec }: ResultScreen): void {
  const { state } = session;
  const startedAt = state.startedAt ?? 0;
  const submittedAt = state.submittedAt ?? startedAt;
  const facts = [
    `用时 ${formatDuration(submittedAt - startedAt)}`,
    `交卷时间 ${beijingTime(submittedAt)}（北京时间）`,
    state.endedBy === 'timeUp' ? '时间到，系统已自动交卷' : '',
    isPastDue(spec, submittedAt) ? '逾期提交' : '',
  ].filter(Boolean);
  ref(root, 'result-facts').textContent = facts.join(' · ');
}

function renderObjective(root: HTMLElement, screen: ResultScreen, session: AttemptSession<Paper>): void {
  const { paper, state } = session;
  const { catalog, spec } = screen;
  const score = session.score;
  if (!score) return;
  showScore(root, score.total, score.maxTotal, score.passMark, score.passed, ` · 答对 ${score.items.filter((m) => m.correct).length} / ${score.items.length} 题`);

  const list = el('ul');
  for (const tally of [...score.bySection].sort((a, b) => a.share - b.share)) {
    const item = el('li');
    item.append(link(moduleUrl(tally.key), moduleLabel(tally.key, catalog.chapters)), `：答对 ${tally.right} / ${tally.total} 题`);
    list.append(item);
  }
  ref(root, 'by-section').replaceChildren(el('h3', undefined, '各小节答对情况（最需要复习的在前）'), list);

  const review = ref(root, 'review');
  if (!spec.showAnswers) {
    review.replaceChildren(el('p', undefined, '培训师设置为交卷后不显示答案和解析。'));
    return;
  }
  const nodes: HTMLElement[] = [el('h3', undefined, '答案与解析')];
  paper.items.forEach((item, index) => {
    const { chapter, section } = item.question;
    nodes.push(
      ...renderReviewed(
        item.question,
        { number: index + 1, chosen: state.responses[index] ?? [], multiplePolicy: paper.multiplePolicy },
        feedbackFor(paper, state, index),
        sectionLink(catalog.chapters, chapter, section),
      ),
    );
  });
  review.replaceChildren(...nodes);
}

/**
 * A skills paper: the learner ticks the 得分点 their answers cover. The reference answers are the
 * marking scheme, so they are shown even when the trainer hides the answers of objective papers.
 */
function renderSelfMarking(root: HTMLElement, screen: ResultScreen, session: AttemptSession<WrittenPaper>): void {
  const review = ref(root, 'review');
  const list = el('ol', 'self-mark-items');
  const update = () => {
    const score = session.writtenScore;
    if (score) showScore(root, score.total, score.maxTotal, score.passMark, score.passed, ' · 自评');
    showItemScores(list, session);
    showCode(root, screen);
  };
  list.append(
    ...selfMarkItems(session, {
      onProblems: screen.onProblems,
      onMarked: update,
      sectionLink: (chapter, section) => sectionLink(screen.catalog.chapters, chapter, section),
    }),
  );
  ref(root, 'by-section').replaceChildren();
  review.replaceChildren(el('h3', undefined, '对照参考答案自评'), list);
  update();
}

/** The result code of the attempt as it stands, or why it cannot be made. */
function resultCode({ spec, session, learner }: ResultScreen): { code: string } | { code: null; problem: string } {
  // On a skills paper the code carries the 得分点 ticked so far: it is made again after every tick.
  const result = resultOf(spec, session.paper, session.state, learner);
  try {
    return { code: encodeResult(result) };
  } catch {
    // The one way a real attempt fails the code's rules: a device clock set years wrong.
    return {
      code: null,
      problem: `无法生成结果码：这台设备的日期时间（${beijingTime(result.submittedAt * 1000)}）似乎不对。请把系统时间改正后刷新本页；如果仍然不行，请把本页成绩截图发给培训师。`,
    };
  }
}

/** The learner's written answers as a text file, with the result code at its end; null for objective papers. */
function answersFile({ spec, session, learner }: ResultScreen): string | null {
  const { paper, state } = session;
  return isWrittenPaper(paper) ? writtenAnswersText({ assignment: spec, paper, state, learner }) : null;
}

/** The code box, refreshed whenever the attempt changes (a tick on a skills paper). */
function showCode(root: HTMLElement, screen: ResultScreen): void {
  const made = resultCode(screen);
  const field = ref<HTMLTextAreaElement>(root, 'code');
  field.value = made.code ?? '';
  ref(root, 'send').hidden = made.code === null;
  const problem = ref(root, 'code-problem');
  problem.hidden = made.code !== null;
  if (made.code === null) problem.textContent = made.problem;
  const qr = ref(root, 'qr-slot');
  if (!qr.hidden && qr.dataset['code'] !== field.value) void drawQr(qr, field.value, screen.learner);
  ref(root, 'download-answers').hidden = !isWrittenPaper(screen.session.paper);
}

async function drawQr(slot: HTMLElement, code: string, learner: string): Promise<void> {
  slot.dataset['code'] = code;
  try {
    slot.replaceChildren(await qrCode(code, `结果码二维码（${learner}）`));
  } catch {
    slot.replaceChildren(el('p', undefined, '二维码生成失败，请复制结果码。'));
  }
}

/** The buttons of the send box; bound once per page, reading the current screen when clicked. */
let current: ResultScreen | null = null;

function bindSend(root: HTMLElement, screen: ResultScreen): void {
  current = screen;
  const copy = ref<HTMLButtonElement>(root, 'copy-code');
  if (copy.dataset['bound']) return;
  copy.dataset['bound'] = '1';
  const field = ref<HTMLTextAreaElement>(root, 'code');
  bindCopy(copy, () => ({ text: field.value, field }), ref(root, 'copy-status'));
  ref(root, 'download-code').addEventListener('click', () => {
    if (current) download(fileName(['结果码', current.spec.title, current.learner], 'txt'), `${field.value}\n`);
  });
  ref(root, 'download-answers').addEventListener('click', () => {
    const text = current && answersFile(current);
    if (current && text) download(fileName(['作答', current.spec.title, current.learner], 'txt'), text);
  });
  const showQr = ref<HTMLButtonElement>(root, 'show-qr');
  const slot = ref(root, 'qr-slot');
  showQr.addEventListener('click', () => {
    const open = slot.hidden;
    slot.hidden = !open;
    showQr.setAttribute('aria-expanded', String(open));
    showQr.textContent = open ? '隐藏二维码' : '显示二维码';
    if (open && current && slot.dataset['code'] !== field.value) void drawQr(slot, field.value, current.learner);
  });
}
