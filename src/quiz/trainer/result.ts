/**
 * A result code (结果码): what a learner sends back to the trainer after taking an assignment.
 * It must survive being pasted into a chat, so the wire form is terse: answers and credit are one
 * character per paper item, and the JSON keys are single letters (see `ObjectiveWire`).
 *
 * Version 2 adds the paper's fingerprint (`paperFingerprint`), so that the trainer, who re-scores
 * the answers on a redrawn paper (`verify.ts`), can tell when that paper is no longer the one the
 * learner answered. Version 1 codes still read, without one.
 *
 * Version 3 is the written paper's result (the skills paper, issue 14): instead of answers, the
 * 得分点 the learner ticked when marking their own answers, and whether they wrote anything; the
 * texts stay on the learner's device. Objective results are still written as version 2, so a site
 * that predates version 3 still reads them.
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
  type Problems,
} from './validate.ts';

export interface ResultScore {
  /** Points scored, as the learner's paper computed them (parts scaled to their points). */
  points: number;
  /** The paper's maximum. */
  max: number;
  passed: boolean;
}

/** What every result code says, whatever the paper. */
interface ResultBase {
  assignmentId: string;
  /** The name the learner typed, at most 30 characters. */
  learner: string;
  /** Epoch seconds. */
  startedAt: number;
  /** Epoch seconds; the site never writes one before `startedAt`, but a decoded code may hold one. */
  submittedAt: number;
  /**
   * What the learner's page scored: a claim, which the trainer's report checks by re-scoring. On a
   * written paper it is the learner's own marking (自评) of their answers.
   */
  score: ResultScore;
  /** The fingerprint of the paper the learner answered (`paperFingerprint`); null in a v1 code. */
  fingerprint: string | null;
}

/** The result of an objective paper (versions 1 and 2). */
export interface ResultCode extends ResultBase {
  /** Per paper item, in paper order: the chosen option indices, ascending (0–4); [] if unanswered. */
  answers: number[][];
  /**
   * Per paper item: the fraction of the item's points earned, 0 to 1. Any multiple of 1/60 is
   * exact, which covers k/n for every n up to 6 (partial credit on a 多选 with up to 5 keys).
   */
  credit: number[];
}

/** One written item of a result: how the learner marked it. */
export interface WrittenItemResult {
  /**
   * The 得分点 ticked, ascending, numbered through the item's parts (`flatPoints`: the first
   * part's points, then the second's…), so the code needs no knowledge of the item's parts.
   */
  ticked: number[];
  /** Something was written in at least one part. */
  wrote: boolean;
}

/** The result of a written paper (version 3): the self-marked score and the 得分点 behind it. */
export interface WrittenResultCode extends ResultBase {
  /** Per paper item, in paper order. */
  written: WrittenItemResult[];
}

/** Any result code: of an objective paper or of a written one. */
export type AnyResultCode = ResultCode | WrittenResultCode;

export function isWrittenResult(result: AnyResultCode): result is WrittenResultCode {
  return 'written' in result;
}

/** Bounds on a written result: far above the skills paper's 5 items of about 6 得分点 each. */
export const WRITTEN_RESULT_LIMITS = {
  items: 40,
  /** 得分点 per item, all parts together. */
  pointsPerItem: 64,
} as const;

/** The fields every wire form has: who, when, the claimed score, and (from version 2) the fingerprint. */
interface WireBase {
  /** assignmentId */ a: string;
  /** learner */ n: string;
  /** startedAt */ s: number;
  /** submittedAt */ t: number;
  /** score.points */ p: number;
  /** score.max */ m: number;
  /** score.passed */ y: boolean;
  /** fingerprint, from version 2 on */ f?: string;
}

/**
 * The JSON inside an objective code. Answers: one base-32 digit per item, the bitmask of chosen
 * options (bit i = option i; `0` unanswered). Credit: one digit per item in sixtieths (`0` none,
 * `Y` full).
 */
interface ObjectiveWire extends WireBase {
  /** answers */ k: string;
  /** credit */ c: string;
}

/**
 * The JSON inside a written code (version 3). Ticks: per item, the bitmask of ticked 得分点 (bit
 * i = point i of `flatPoints`) as a base-32 number without leading zeros (`0`: none), items joined
 * by `.`. Written: one digit per item, `1` something was written, `0` nothing.
 */
interface WrittenWire extends WireBase {
  f: string;
  /** written[].ticked */ w: string;
  /** written[].wrote */ e: string;
}

type ResultWire = ObjectiveWire | WrittenWire;

/** The wire keys by what they mean to a trainer; messages use these names. */
const HEADER_NAMES = {
  a: '作业编号',
  n: '姓名',
  s: '开始时间',
  t: '交卷时间',
  p: '得分',
  m: '满分',
  y: '是否及格',
} as const satisfies Record<Exclude<keyof WireBase, 'f'>, string>;
const WIRE_NAMES = { ...HEADER_NAMES, k: '作答', c: '得分记录' } as const satisfies Record<Exclude<keyof ObjectiveWire, 'f'>, string>;
const WIRE_NAMES_V2 = { ...WIRE_NAMES, f: '试卷指纹' } as const satisfies Record<keyof ObjectiveWire, string>;
const WIRE_NAMES_V3 = { ...HEADER_NAMES, f: '试卷指纹', w: '所勾得分点', e: '作答情况' } as const satisfies Record<keyof WrittenWire, string>;
const FINGERPRINT_PATTERN = /^[A-Za-z0-9_-]{6}$/;
const ANSWER_DIGITS = '0123456789abcdefghijklmnopqrstuv';
const CREDIT_STEPS = 60;
const CREDIT_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY';
const MAX_OPTIONS = 5;
const MAX_POINTS = 10_000;
/** Base-32 digits of the largest tick mask: five 得分点 a digit. */
const MASK_DIGITS = Math.ceil(WRITTEN_RESULT_LIMITS.pointsPerItem / 5);
/** One item's mask, canonical: no leading zeros, so two texts never mean the same ticks. */
const MASK = `(?:0|[1-9a-v][0-9a-v]{0,${MASK_DIGITS - 1}})`;
const TICKS_PATTERN = new RegExp(`^${MASK}(?:\\.${MASK})*$`);

/** Who, when, how much: the checks every version makes. */
function checkHeader(v: Partial<Record<keyof WireBase, unknown>>, problems: Problems): void {
  checkPattern(v.a, '作业编号', ASSIGNMENT_ID_PATTERN, ' 8 位编号', problems);
  checkText(v.n, '姓名', { min: 1, max: LIMITS.name }, problems);
  // A submission before the start is well-formed, only implausible: the report flags it (verify.ts).
  checkInteger(v.s, '开始时间', EPOCH_RANGE.min, EPOCH_RANGE.max, problems);
  checkInteger(v.t, '交卷时间', EPOCH_RANGE.min, EPOCH_RANGE.max, problems);
  if (checkNumber(v.m, '满分', Number.MIN_VALUE, MAX_POINTS, problems)) checkNumber(v.p, '得分', 0, v.m, problems);
  checkBoolean(v.y, '是否及格', problems);
}

function validateWire(value: unknown, version: 1 | 2): Result<ObjectiveWire, string[]> {
  const problems: Problems = [];
  if (!checkObject(value, '结果', version === 1 ? WIRE_NAMES : WIRE_NAMES_V2, problems)) return { ok: false, error: problems };
  const v: Partial<Record<keyof ObjectiveWire, unknown>> = value;
  if (version === 2) checkPattern(v.f, '试卷指纹', FINGERPRINT_PATTERN, ' 6 位指纹', problems);
  checkHeader(v, problems);
  const { k: answers, c: credit } = v;
  if (
    checkPattern(answers, '作答', /^[0-9a-v]+$/, '作答记录', problems) &&
    checkPattern(credit, '得分记录', /^[0-9a-zA-Y]+$/, '逐题得分记录', problems)
  ) {
    if (answers.length > LIMITS.paperItems) problems.push(`题数不能超过 ${LIMITS.paperItems}`);
    if (answers.length !== credit.length) problems.push('作答与得分记录的题数不一致');
  }
  return problems.length === 0 ? { ok: true, value: value as unknown as ObjectiveWire } : { ok: false, error: problems };
}

function validateWrittenWire(value: unknown): Result<WrittenWire, string[]> {
  const problems: Problems = [];
  if (!checkObject(value, '结果', WIRE_NAMES_V3, problems)) return { ok: false, error: problems };
  const v: Partial<Record<keyof WrittenWire, unknown>> = value;
  checkPattern(v.f, '试卷指纹', FINGERPRINT_PATTERN, ' 6 位指纹', problems);
  checkHeader(v, problems);
  const { w: ticks, e: wrote } = v;
  const maxTicks = WRITTEN_RESULT_LIMITS.items * (MASK_DIGITS + 1);
  if (typeof ticks === 'string' && ticks.length > maxTicks) problems.push(`题数不能超过 ${WRITTEN_RESULT_LIMITS.items}`);
  else if (
    checkPattern(ticks, '所勾得分点', TICKS_PATTERN, `逐题所勾得分点的记录（每题最多 ${WRITTEN_RESULT_LIMITS.pointsPerItem} 个得分点）`, problems) &&
    checkPattern(wrote, '作答情况', /^[01]+$/, '逐题是否作答的记录', problems)
  ) {
    const items = ticks.split('.').length;
    if (items > WRITTEN_RESULT_LIMITS.items) problems.push(`题数不能超过 ${WRITTEN_RESULT_LIMITS.items}`);
    if (items !== wrote.length) problems.push('所勾得分点与作答情况的题数不一致');
  }
  return problems.length === 0 ? { ok: true, value: value as unknown as WrittenWire } : { ok: false, error: problems };
}

/** The header fields of a result for the wire, or the problems only the site's own rules find. */
function headerToWire(result: AnyResultCode, problems: Problems): WireBase & { f: string } {
  if (result.submittedAt < result.startedAt) problems.push('交卷时间早于开始时间');
  if (result.fingerprint === null) problems.push('结果缺少试卷指纹');
  const { assignmentId: a, learner: n, startedAt: s, submittedAt: t, score, fingerprint: f } = result;
  return { a, n, s, t, p: score.points, m: score.max, y: score.passed, f: f ?? '' };
}

function toWire(result: ResultCode): Result<ObjectiveWire, string[]> {
  const problems: Problems = [];
  if (result.answers.length !== result.credit.length) problems.push('作答与得分记录的题数不一致');
  const header = headerToWire(result, problems);
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
  return { ok: true, value: { ...header, k, c } };
}

function toWrittenWire(result: WrittenResultCode): Result<WrittenWire, string[]> {
  const problems: Problems = [];
  const header = headerToWire(result, problems);
  const { items, pointsPerItem } = WRITTEN_RESULT_LIMITS;
  if (result.written.length < 1 || result.written.length > items) problems.push(`题数应在 1 到 ${items} 之间`);
  const masks = result.written.map(({ ticked }, i) => {
    const ascending = ticked.every((n, j) => Number.isInteger(n) && n >= 0 && n < pointsPerItem && (j === 0 || n > ticked[j - 1]!));
    if (!ascending) problems.push(`第 ${i + 1} 题所勾得分点应为 0–${pointsPerItem - 1} 的升序序号`);
    return ascending ? maskOf(ticked) : '';
  });
  if (problems.length > 0) return { ok: false, error: problems };
  return { ok: true, value: { ...header, w: masks.join('.'), e: result.written.map((item) => (item.wrote ? '1' : '0')).join('') } };
}

/** Ascending point numbers as a base-32 bitmask, most significant digit first, no leading zeros. */
function maskOf(points: readonly number[]): string {
  const last = points.at(-1);
  if (last === undefined) return '0';
  const set = new Set(points);
  let digits = '';
  for (let d = Math.floor(last / 5); d >= 0; d--) {
    let value = 0;
    for (let bit = 0; bit < 5; bit++) if (set.has(d * 5 + bit)) value |= 1 << bit;
    digits += ANSWER_DIGITS[value]!;
  }
  return digits;
}

function pointsOf(mask: string): number[] {
  const points: number[] = [];
  for (let d = 0; d < mask.length; d++) {
    const value = ANSWER_DIGITS.indexOf(mask[mask.length - 1 - d]!);
    for (let bit = 0; bit < 5; bit++) if (value & (1 << bit)) points.push(d * 5 + bit);
  }
  return points;
}

function fromWire(wire: ResultWire): AnyResultCode {
  const header = {
    assignmentId: wire.a,
    learner: wire.n,
    startedAt: wire.s,
    submittedAt: wire.t,
    score: { points: wire.p, max: wire.m, passed: wire.y },
    fingerprint: wire.f ?? null,
  };
  if ('w' in wire) {
    const wrote = [...wire.e];
    return { ...header, written: wire.w.split('.').map((mask, i) => ({ ticked: pointsOf(mask), wrote: wrote[i] === '1' })) };
  }
  const answers = [...wire.k].map((digit) => {
    const mask = ANSWER_DIGITS.indexOf(digit);
    const chosen: number[] = [];
    for (let option = 0; option < MAX_OPTIONS; option++) if (mask & (1 << option)) chosen.push(option);
    return chosen;
  });
  const credit = [...wire.c].map((digit) => CREDIT_DIGITS.indexOf(digit) / CREDIT_STEPS);
  return { ...header, answers, credit };
}

/** The wire skeletons, each frozen with its version (see `CodecFormat.dictionary`). */
const RESULT_DICTIONARY_V1 = '{"a":"","n":"","s":17,"t":17,"p":0,"m":100,"y":false,"y":true,"k":"","c":"';
const RESULT_DICTIONARY_V2 = '{"a":"","n":"","s":17,"t":17,"p":0,"m":100,"y":false,"y":true,"f":"","k":"","c":"';
const RESULT_DICTIONARY_V3 = '{"a":"","n":"","s":17,"t":17,"p":0,"m":100,"y":false,"y":true,"f":"","w":"","e":"11111';

const resultCodec = createCodec<ResultWire>({
  kind: 'result',
  formats: [
    { version: 1, validate: (value) => validateWire(value, 1), dictionary: RESULT_DICTIONARY_V1 },
    { version: 2, validate: (value) => validateWire(value, 2), dictionary: RESULT_DICTIONARY_V2 },
    { version: 3, validate: validateWrittenWire, dictionary: RESULT_DICTIONARY_V3 },
  ],
  versionFor: (wire) => ('w' in wire ? 3 : 2),
});

function wireOf(result: AnyResultCode): Result<ResultWire, string[]> {
  return isWrittenResult(result) ? toWrittenWire(result) : toWire(result);
}

/**
 * Strict check of a result built in the browser: the rules decoding applies, and those only the
 * site itself must keep (a fingerprint, a submission not before the start).
 */
export function validateResult<R extends AnyResultCode>(result: R): Result<R, string[]> {
  const wire = wireOf(result);
  if (!wire.ok) return wire;
  const checked = 'w' in wire.value ? validateWrittenWire(wire.value) : validateWire(wire.value, 2);
  return checked.ok ? { ok: true, value: result } : checked;
}

/** Throws a TypeError if the result breaks the rules of `validateResult` (a programming error). */
export function encodeResult(result: AnyResultCode): string {
  const wire = wireOf(result);
  if (!wire.ok) throw new TypeError(`无法生成结果码：${wire.error.join('；')}`);
  return resultCodec.encode(wire.value);
}

/**
 * Decodes a pasted result code (a bare code, or any text ending in `=<code>`). With
 * `expectedAssignmentId`, a code from another assignment is refused with its own message.
 */
export function decodeResult(code: string, expectedAssignmentId?: string): Result<AnyResultCode> {
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
