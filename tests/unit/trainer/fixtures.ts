/** Shared test data for the trainer tests: a typical assignment and results built on it. */
import { record, startAttempt, type AttemptState, type CaseItem, type Paper, type QuizQuestion, type WrittenPaper } from '../../../src/quiz/index.ts';
import { crc32, toBase64Url } from '../../../src/quiz/trainer/codec.ts';
import {
  createAssignment,
  type AssignmentDraft,
  type AssignmentSpec,
  type ResultCode,
  CODE_KINDS,
  createCodec,
  paperFingerprint,
  type ReportItem,
  type TrainerDeps,
} from '../../../src/quiz/trainer/index.ts';

/** 2026-01-01 00:00 UTC. */
export const T0 = 1_767_225_600;

/** Deterministic randomness: a fixed cycle of values in [0, 1). */
export function fixedDeps(
  values: readonly number[] = [0.11, 0.52, 0.93, 0.34, 0.75, 0.06, 0.47, 0.88, 0.29],
): TrainerDeps {
  let i = 0;
  return { random: () => values[i++ % values.length]!, now: () => T0 * 1000 + 1234 };
}

export const draft: AssignmentDraft = {
  title: '第三章 会议组织与管理 课后练习',
  trainer: '王老师',
  note: '本周五前完成，独立作答。交卷后把结果码发给我。',
  modules: ['meetings', 'documents#filing'],
  mix: { counts: { single: [10, 8, 2], multiple: [3, 4, 3], judge: [5, 3, 2] } },
  minutes: 30,
  passMark: 60,
  multiplePolicy: 'partial',
  due: '2026-01-10',
  variant: 'shared',
  showAnswers: true,
};

export function sampleAssignment(overrides: Partial<AssignmentDraft> = {}): AssignmentSpec {
  const created = createAssignment({ ...draft, ...overrides }, fixedDeps());
  if (!created.ok) throw new Error(created.error.join('；'));
  return created.value;
}

/** A result with `items` items; answers and credit follow a fixed pattern with some partial credit. */
export function sampleResult(assignmentId: string, learner = '张三', items = 10, submittedAt = T0 + 3600): ResultCode {
  const answers: number[][] = [];
  const credit: number[] = [];
  for (let i = 0; i < items; i++) {
    if (i % 5 === 4) {
      answers.push(i % 3 === 0 ? [0, 2, 3] : [1, 4]);
      credit.push(i % 3 === 0 ? 1 : 0.5);
    } else if (i % 7 === 6) {
      answers.push([]);
      credit.push(0);
    } else {
      answers.push([i % 4]);
      credit.push(i % 3 === 1 ? 0 : 1);
    }
  }
  const points = credit.reduce((sum, c) => sum + c, 0);
  return {
    assignmentId,
    learner,
    startedAt: submittedAt - 1500,
    submittedAt,
    score: { points, max: items, passed: points / items >= 0.6 },
    fingerprint: 'fp-000',
    answers,
    credit,
  };
}

/**
 * A code built by hand around any payload, with a correct length and checksum, to reach the
 * stages of decoding after the checksum (inflating, parsing, validating).
 */
export function codeWithPayload(
  payload: Uint8Array,
  { version = 1, kind = CODE_KINDS.result.byte as number }: { version?: number; kind?: number } = {},
): string {
  const length: number[] = [];
  for (let rest = payload.length; ; rest >>>= 7) {
    if (rest < 0x80) {
      length.push(rest);
      break;
    }
    length.push((rest & 0x7f) | 0x80);
  }
  const bytes = Uint8Array.from([version, kind, 0, 0, 0, 0, ...length, ...payload]);
  new DataView(bytes.buffer).setUint32(2, crc32(bytes.subarray(6), crc32(bytes.subarray(0, 2))), false);
  return toBase64Url(bytes);
}

/**
 * A result code as a forger would make it with an encoder of their own: the wire form written by
 * hand, with none of the site's rules (a submission before the start, say). Version 2.
 */
export function forgedResultCode(result: ResultCode): string {
  const anything = createCodec({ kind: 'result', formats: [{ version: 2, validate: (value: unknown) => ({ ok: true, value }) }] });
  const digits = '0123456789abcdefghijklmnopqrstuv';
  const sixtieths = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY';
  return anything.encode({
    a: result.assignmentId,
    n: result.learner,
    s: result.startedAt,
    t: result.submittedAt,
    p: result.score.points,
    m: result.score.max,
    y: result.score.passed,
    f: result.fingerprint ?? '',
    k: result.answers.map((chosen) => digits[chosen.reduce((mask, option) => mask | (1 << option), 0)]).join(''),
    c: result.credit.map((c) => sixtieths[Math.round(c * 60)]).join(''),
  });
}

/**
 * A paper of 多选 questions with four keys each, scored with partial credit, so that any credit
 * k/4 is k keys chosen; each item is a part of its own, so it is worth exactly its points.
 */
export function creditPaper(spec: readonly ReportItem[]): { ok: true; value: Paper } {
  const question = (item: ReportItem): QuizQuestion => ({
    id: item.id,
    chapter: item.chapter,
    section: item.section,
    type: 'multiple',
    difficulty: 2,
    stem: item.id,
    options: ['甲', '乙', '丙', '丁', '戊'],
    answer: [0, 1, 2, 3],
    explanation: '',
    tags: [],
  });
  return {
    ok: true,
    value: {
      blueprintId: 'test',
      title: '测验',
      seed: '',
      chapter: null,
      minutes: 0,
      passMark: spec.reduce((sum, item) => sum + item.points, 0) * 0.6,
      multiplePolicy: 'partial',
      parts: spec.map((item) => ({ title: item.id, points: item.points, count: 1 })),
      items: spec.map((item, i) => ({ part: i, questionId: item.id, permutation: [0, 1, 2, 3, 4], question: question(item) })),
    },
  };
}

/**
 * An honest code for a `creditPaper`: its answers earn `credit` (k/4: the first k keys; 0: the
 * wrong option), and it claims just that score.
 */
export function creditResult(learner: string, credit: number[], submittedAt: number, on: ReturnType<typeof creditPaper>): ResultCode {
  const points = credit.reduce((s, c, i) => s + c * on.value.parts[i]!.points, 0);
  const max = on.value.parts.reduce((s, part) => s + part.points, 0);
  return {
    assignmentId: 'k3m9x2qp',
    learner,
    startedAt: submittedAt - 1200,
    submittedAt,
    score: { points, max, passed: points >= on.value.passMark },
    fingerprint: paperFingerprint(on.value),
    answers: credit.map((c) => (c === 0 ? [4] : [0, 1, 2, 3].slice(0, Math.round(c * 4)))),
    credit,
  };
}

/** A written item whose parts have 得分点 of the given scores: `[[2, 2], [3, 1]]` is two parts. */
export function writtenItem(kind: 'case' | 'task', id: string, scores: number[][], section = 'first'): CaseItem {
  return {
    kind,
    id,
    chapter: id.replace(/-[ct]\d+$/, ''),
    section,
    difficulty: 2,
    scenario: `${id} 的情景：某公司行政部秘书小王接到任务。\n第二行情景。`,
    parts: scores.map((points, p) => ({
      prompt: `${id} 第${p + 1}问`,
      modelAnswer: '参考答案',
      points: points.map((score, i) => ({ text: `${id} 问${p + 1} 得分点${i + 1}`, score })),
    })),
    explanation: '解析',
    tags: [],
    ...(kind === 'task' ? { verb: '拟写', marks: scores.flat().reduce((a, b) => a + b, 0), materials: [] } : {}),
  };
}

/** Three chapters of written items; those of meetings and documents have six 得分点 each, as the content's mostly do. */
export const writtenBank: CaseItem[] = [
  writtenItem('case', 'meetings-c01', [[2, 2], [3, 1], [2, 2]]),
  writtenItem('case', 'meetings-c02', [[3, 3], [2, 2, 2], [1]], 'plan'),
  writtenItem('task', 'meetings-t01', [[4, 4, 4, 4, 2, 2]]),
  writtenItem('task', 'meetings-t02', [[5, 5, 4, 3, 2, 1]], 'plan'),
  writtenItem('case', 'documents-c01', [[2, 2, 2], [4, 4, 2]]),
  writtenItem('case', 'documents-c02', [[1, 1, 1, 1], [3, 3]]),
  writtenItem('task', 'documents-t01', [[4, 4, 4, 2, 2, 4]]),
  writtenItem('task', 'documents-t02', [[5, 5, 4, 2, 2, 2]]),
  writtenItem('case', 'office-c01', [[5], [5]]),
  writtenItem('task', 'office-t01', [[6, 6, 8]]),
];

export { skillsBlueprint } from '../quiz/fixtures.ts';

/**
 * A written paper taken and marked: `work[i]` is item i's texts per part and ticks per part.
 * Starts at `start` (epoch ms), hands in 40 minutes later, ticks after that.
 */
export function takeWritten(paper: WrittenPaper, work: { texts?: string[]; ticks?: number[][] }[], start = T0 * 1000 + 500): AttemptState {
  let attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: paper.minutes * 60_000 }, start);
  let at = start;
  work.forEach((item, i) =>
    item.texts?.forEach((text, part) => {
      attempt = record(attempt, { kind: 'write', at: (at += 1000), item: i, part, text }).attempt;
    }),
  );
  attempt = record(attempt, { kind: 'submit', at: start + 40 * 60_000 }).attempt;
  at = start + 40 * 60_000;
  work.forEach((item, i) =>
    item.ticks?.forEach((points, part) =>
      points.forEach((point) => {
        attempt = record(attempt, { kind: 'tick', at: (at += 1000), item: i, part, point, ticked: true }).attempt;
      }),
    ),
  );
  return attempt.state;
}
