/**
 * A result code (结果码): what a learner sends back to the trainer after taking an assignment.
 * It must survive being pasted into a chat, so the wire form is terse: answers and credit are one
 * character per paper item, and the JSON keys are single letters (see `ResultWire`).
 *
 * Version 2 adds the paper's fingerprint (`paperFingerprint`), so that the trainer, who re-scores
 * the answers on a redrawn paper (`verify.ts`), can tell when that paper is no longer the one the
 * learner answered. Version 1 codes still read, without one.
 */
import { createCodec, extractCode, type Result } from './codec.ts';
import { ASSIGNMENT_ID_PATTERN, EPOCH_RANGE, LIMITS } from './assignment.ts';
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkObject,
  checkPattern,
  checkText,
  VARIATION_SELECTORS,
  withoutForbidden,
  type Problems,
} from './validate.ts';

export interface ResultScore {
  /** Points scored, as the learner's paper computed them (parts scaled to their points). */
  points: number;
  /** The paper's maximum. */
  max: number;
  passed: boolean;
}

export interface ResultCode {
  assignmentId: string;
  /** The name the learner typed, at most 30 characters. */
  learner: string;
  /** Epoch seconds. */
  startedAt: number;
  /** Epoch seconds; the site never writes one before `startedAt`, but a decoded code may hold one. */
  submittedAt: number;
  /** What the learner's page scored: a claim, which the trainer's report checks by re-scoring. */
  score: ResultScore;
  /** The fingerprint of the paper the learner answered (`paperFingerprint`); null in a v1 code. */
  fingerprint: string | null;
  /** Per paper item, in paper order: the chosen option indices, ascending (0–4); [] if unanswered. */
  answers: number[][];
  /**
   * Per paper item: the fraction of the item's points earned, 0 to 1. Any multiple of 1/60 is
   * exact, which covers k/n for every n up to 6 (partial credit on a 多选 with up to 5 keys).
   */
  credit: number[];
}

/**
 * The JSON inside the code. Answers: one base-32 digit per item, the bitmask of chosen options
 * (bit i = option i; `0` unanswered). Credit: one digit per item in sixtieths (`0` none, `Y` full).
 */
interface ResultWire {
  /** assignmentId */ a: string;
  /** learner */ n: string;
  /** startedAt */ s: number;
  /** submittedAt */ t: number;
  /** score.points */ p: number;
  /** score.max */ m: number;
  /** score.passed */ y: boolean;
  /** fingerprint, from version 2 on */ f?: string;
  /** answers */ k: string;
  /** credit */ c: string;
}

/** The wire keys by what they mean to a trainer; messages use these names. */
const WIRE_NAMES = {
  a: '作业编号',
  n: '姓名',
  s: '开始时间',
  t: '交卷时间',
  p: '得分',
  m: '满分',
  y: '是否及格',
  k: '作答',
  c: '得分记录',
} as const satisfies Record<Exclude<keyof ResultWire, 'f'>, string>;
const WIRE_NAMES_V2 = { ...WIRE_NAMES, f: '试卷指纹' } as const satisfies Record<keyof ResultWire, string>;
const FINGERPRINT_PATTERN = /^[A-Za-z0-9_-]{6}$/;
const ANSWER_DIGITS = '0123456789abcdefghijklmnopqrstuv';
const CREDIT_STEPS = 60;
const CREDIT_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY';
const MAX_OPTIONS = 5;
const MAX_POINTS = 10_000;

function validateWire(value: unknown, version: 1 | 2): Result<ResultWire, string[]> {
  const problems: Problems = [];
  if (!checkObject(value, '结果', version === 1 ? WIRE_NAMES : WIRE_NAMES_V2, problems)) return { ok: false, error: problems };
  const v: Partial<Record<keyof ResultWire, unknown>> = value;
  if (version === 2) checkPattern(v.f, '试卷指纹', FINGERPRINT_PATTERN, ' 6 位指纹', problems);
  checkPattern(v.a, '作业编号', ASSIGNMENT_ID_PATTERN, ' 8 位编号', problems);
  checkText(v.n, '姓名', { min: 1, max: LIMITS.name }, problems);
  // A submission before the start is well-formed, only implausible: the report flags it (verify.ts).
  checkInteger(v.s, '开始时间', EPOCH_RANGE.min, EPOCH_RANGE.max, problems);
  checkInteger(v.t, '交卷时间', EPOCH_RANGE.min, EPOCH_RANGE.max, problems);
  if (checkNumber(v.m, '满分', Number.MIN_VALUE, MAX_POINTS, problems)) checkNumber(v.p, '得分', 0, v.m, problems);
  checkBoolean(v.y, '是否及格', problems);
  const { k: answers, c: credit } = v;
  if (
    checkPattern(answers, '作答', /^[0-9a-v]+$/, '作答记录', problems) &&
    checkPattern(credit, '得分记录', /^[0-9a-zA-Y]+$/, '逐题得分记录', problems)
  ) {
    if (answers.length > LIMITS.paperItems) problems.push(`题数不能超过 ${LIMITS.paperItems}`);
    if (answers.length !== credit.length) problems.push('作答与得分记录的题数不一致');
  }
  return problems.length === 0 ? { ok: true, value: value as unknown as ResultWire } : { ok: false, error: problems };
}

function toWire(result: ResultCode): Result<ResultWire, string[]> {
  const problems: Problems = [];
  if (result.answers.length !== result.credit.length) problems.push('作答与得分记录的题数不一致');
  if (result.submittedAt < result.startedAt) problems.push('交卷时间早于开始时间');
  if (result.fingerprint === null) problems.push('结果缺少试卷指纹');
  let k = '';
  result.answers.forEach((chosen, i) => {
    let mask = 0;
    for (const option of chosen) {
      const bit = 1 << option;
      if (!Number.isInteger(option) || option < 0 || option >= MAX_OPTIONS || mask >= bit) {
        problems.push(`第 ${i + 1} 题的作答应为 0–${MAX_OPTIONS - 1} 的升序选项序号`);
        return;
      }
      mask |= bit;
    }
    k += ANSWER_DIGITS[mask]!;
  });
  let c = '';
  result.credit.forEach((fraction, i) => {
    const steps = Math.round(fraction * CREDIT_STEPS);
    if (!(fraction >= 0 && fraction <= 1) || steps / CREDIT_STEPS !== fraction) {
      problems.push(`第 ${i + 1} 题的得分比例 ${fraction} 不是 0–1 之间 1/60 的整数倍`);
      return;
    }
    c += CREDIT_DIGITS[steps]!;
  });
  if (problems.length > 0) return { ok: false, error: problems };
  const { assignmentId: a, learner: n, startedAt: s, submittedAt: t, score, fingerprint: f } = result;
  return { ok: true, value: { a, n, s, t, p: score.points, m: score.max, y: score.passed, f: f ?? '', k, c } };
}

function fromWire(wire: ResultWire): ResultCode {
  const answers = [...wire.k].map((digit) => {
    const mask = ANSWER_DIGITS.indexOf(digit);
    const chosen: number[] = [];
    for (let option = 0; option < MAX_OPTIONS; option++) if (mask & (1 << option)) chosen.push(option);
    return chosen;
  });
  const credit = [...wire.c].map((digit) => CREDIT_DIGITS.indexOf(digit) / CREDIT_STEPS);
  return {
    assignmentId: wire.a,
    learner: wire.n,
    startedAt: wire.s,
    submittedAt: wire.t,
    score: { points: wire.p, max: wire.m, passed: wire.y },
    fingerprint: wire.f ?? null,
    answers,
    credit,
  };
}

/** The wire skeletons, each frozen with its version (see `CodecFormat.dictionary`). */
const RESULT_DICTIONARY_V1 = '{"a":"","n":"","s":17,"t":17,"p":0,"m":100,"y":false,"y":true,"k":"","c":"';
const RESULT_DICTIONARY_V2 = '{"a":"","n":"","s":17,"t":17,"p":0,"m":100,"y":false,"y":true,"f":"","k":"","c":"';

const resultCodec = createCodec({
  kind: 'result',
  formats: [
    { version: 1, validate: (value) => validateWire(value, 1), dictionary: RESULT_DICTIONARY_V1 },
    { version: 2, validate: (value) => validateWire(value, 2), dictionary: RESULT_DICTIONARY_V2 },
  ],
});

/**
 * Strict check of a result built in the browser: the rules decoding applies, and those only the
 * site itself must keep (a fingerprint, a submission not before the start).
 */
export function validateResult(result: ResultCode): Result<ResultCode, string[]> {
  const wire = toWire(result);
  if (!wire.ok) return wire;
  const checked = validateWire(wire.value, 2);
  return checked.ok ? { ok: true, value: result } : checked;
}

/** Throws a TypeError if the result breaks the rules of `validateResult` (a programming error). */
export function encodeResult(result: ResultCode): string {
  const wire = toWire(result);
  if (!wire.ok) throw new TypeError(`无法生成结果码：${wire.error.join('；')}`);
  return resultCodec.encode(wire.value);
}

/**
 * Decodes a pasted result code (a bare code, or any text ending in `=<code>`). With
 * `expectedAssignmentId`, a code from another assignment is refused with its own message.
 */
export function decodeResult(code: string, expectedAssignmentId?: string): Result<ResultCode> {
  const decoded = resultCodec.decode(extractCode(code));
  if (!decoded.ok) return decoded;
  const result = fromWire(decoded.value);
  if (expectedAssignmentId !== undefined && result.assignmentId !== expectedAssignmentId) {
    return {
      ok: false,
      error: {
        code: 'wrong-assignment',
        message: `这是另一份作业的结果码（作业编号 ${result.assignmentId}，本作业是 ${expectedAssignmentId}），${result.learner}可能打开了别的作业链接`,
      },
    };
  }
  return { ok: true, value: result };
}

/**
 * How learners are matched across submissions: the name as a reader sees it. NFKC folds
 * full-width letters and compatibility ideographs into their plain forms; variation selectors
 * (which only pick a glyph) and invisible characters (refused in names anyway) are dropped;
 * spaces are trimmed and collapsed; case is ignored.
 */
export function learnerKey(name: string): string {
  return withoutForbidden(name.normalize('NFKC')).replace(VARIATION_SELECTORS, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
