/** Shared test data for the trainer tests: a typical assignment and results built on it. */
import type { Paper, QuizQuestion } from '../../../src/quiz/index.ts';
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
