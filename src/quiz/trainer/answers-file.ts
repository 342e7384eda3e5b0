/**
 * A learner's written answers as a plain-text file (issue 14): what a learner downloads after a
 * skills-paper assignment and sends to the trainer beside — or instead of — the result code. The
 * code leaves the texts out to stay short; the file has them, the 得分点 ticked and the self-marked
 * score, and ends with the result code on a line of its own, so the trainer's inbox reads the file
 * as it is (`findCodes` takes the code and nothing else from it).
 *
 * UTF-8, `\n` line ends, times in Beijing time. Pure: the caller names and downloads the file.
 */
import type { AttemptState } from '../attempt.ts';
import { beijingTime, formatDuration, formatPoints } from '../format.ts';
import { TYPE_NAMES } from '../models.ts';
import { scoreWritten, type WrittenPaper } from '../written.ts';
import type { AssignmentSpec } from './assignment.ts';
import { writtenResultOf } from './paper.ts';
import { encodeResult } from './result.ts';

export interface WrittenAnswersInput {
  assignment: Pick<AssignmentSpec, 'id' | 'title' | 'trainer'>;
  /** The learner's paper, as drawn for them. */
  paper: WrittenPaper;
  /** A submitted attempt on it: its texts and ticks. */
  state: AttemptState;
  learner: string;
}

/** What precedes the result code, on the line above it. */
export const ANSWERS_FILE_CODE_LABEL = '结果码（培训师把本文件拖进收件箱即可读取）：';

/** A scenario's first line, shortened for a heading. */
function headline(scenario: string): string {
  const first = [...(scenario.trim().split('\n')[0] ?? '').trim()];
  return first.length > 60 ? `${first.slice(0, 59).join('')}…` : first.join('');
}

function answerLines(text: string | undefined): string[] {
  const clean = (text ?? '').replace(/\r\n?/g, '\n').trimEnd();
  return clean.trim() === '' ? ['（未作答）'] : clean.split('\n');
}

/**
 * The file's text. Throws, as `writtenResultOf` does, for an attempt that is not submitted. The
 * code is built from the same state, so the file and the code always agree.
 */
export function writtenAnswersText({ assignment, paper, state, learner }: WrittenAnswersInput): string {
  const result = writtenResultOf(assignment, paper, state, learner);
  const score = scoreWritten(paper, state);
  const lines: string[] = [
    '秘书实务学堂 · 专业能力作答',
    `作业：${assignment.title}`,
    `培训师：${assignment.trainer}`,
    `学员：${result.learner}`,
    `开始：${beijingTime(result.startedAt * 1000)}（北京时间）`,
    `交卷：${beijingTime(result.submittedAt * 1000)}（北京时间），用时 ${formatDuration((result.submittedAt - result.startedAt) * 1000)}`,
    `自评总分：${formatPoints(score.total)}/${formatPoints(score.maxTotal)} 分（及格线 ${formatPoints(score.passMark)} 分，${score.passed ? '及格' : '未及格'}）`,
    '说明：分数是学员对照得分点的自评；[✓] 是学员勾选的得分点，[  ] 是没有勾选的。',
  ];
  let part = -1;
  paper.items.forEach((slot, i) => {
    const item = slot.written;
    const mark = score.items[i]!;
    if (paper.parts.length > 1 && slot.part !== part) {
      part = slot.part;
      const header = paper.parts[part];
      lines.push('', `【${header?.title ?? ''}】（${formatPoints(header?.points ?? 0)} 分）`);
    }
    lines.push('', `第 ${i + 1} 题 · ${TYPE_NAMES[item.kind]}（${item.id}）：${headline(item.scenario)}`);
    item.parts.forEach((question, p) => {
      const ticked = new Set(state.ticks[i]?.[p] ?? []);
      lines.push(
        '',
        `第 ${p + 1} 问：${question.prompt}`,
        '作答：',
        ...answerLines(state.texts[i]?.[p]),
        '得分点：',
        ...question.points.map((point, j) => `${ticked.has(j) ? '[✓]' : '[  ]'} ${point.text}（${formatPoints(point.score)} 分）`),
      );
    });
    lines.push(
      '',
      `本题自评：得分点 ${formatPoints(mark.ticked)}/${formatPoints(mark.max)} 分，折合 ${formatPoints(mark.score)}/${formatPoints(mark.points)} 分`,
    );
  });
  lines.push('', ANSWERS_FILE_CODE_LABEL, encodeResult(result), '');
  return lines.join('\n');
}
