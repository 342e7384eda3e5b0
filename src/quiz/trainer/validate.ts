/**
 * Small checks for hand-written validators of untrusted JSON (decoded codes, imported files).
 * Each check pushes a Chinese sentence naming the field onto `problems` and returns whether the
 * value passed, so a validator can report every problem at once and still narrow types.
 */

export type Problems = string[];

/** A plain JSON object: not an array, not null, not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Checks that `value` is a plain object with every required key and no key outside `allowed`. */
export function checkObject(
  value: unknown,
  field: string,
  required: readonly string[],
  problems: Problems,
): value is Record<string, unknown> {
  if (!isPlainObject(value)) {
    problems.push(`${field}应为对象`);
    return false;
  }
  const unknown = Object.keys(value).filter((key) => !required.includes(key));
  if (unknown.length > 0) problems.push(`${field}含有未知字段：${unknown.join('、')}`);
  const missing = required.filter((key) => !Object.hasOwn(value, key));
  if (missing.length > 0) problems.push(`${field}缺少字段：${missing.join('、')}`);
  return unknown.length === 0 && missing.length === 0;
}

/** Length as a reader counts it: one per character, so 张 and 😀 are one each. */
export function textLength(text: string): number {
  return [...text].length;
}

// Control characters other than the line break (and U+2028/2029, which break lines in some editors).
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

export interface TextRule {
  min: number;
  max: number;
  /** Line breaks allowed (a note); otherwise one line (a name, a title). */
  multiline?: boolean;
}

export function checkText(value: unknown, field: string, rule: TextRule, problems: Problems): value is string {
  if (typeof value !== 'string') {
    problems.push(`${field}应为文字`);
    return false;
  }
  const length = textLength(value);
  if (length < rule.min) {
    problems.push(rule.min === 1 ? `${field}不能为空` : `${field}至少 ${rule.min} 个字`);
    return false;
  }
  if (length > rule.max) {
    problems.push(`${field}不能超过 ${rule.max} 个字`);
    return false;
  }
  if (CONTROL.test(value) || (!rule.multiline && value.includes('\n'))) {
    problems.push(`${field}含有不允许的控制字符或换行`);
    return false;
  }
  if (value.trim() !== value) {
    problems.push(`${field}首尾不能有空白`);
    return false;
  }
  return true;
}

export function checkInteger(value: unknown, field: string, min: number, max: number, problems: Problems): value is number {
  return checkRange(value, field, min, max, problems, true);
}

export function checkNumber(value: unknown, field: string, min: number, max: number, problems: Problems): value is number {
  return checkRange(value, field, min, max, problems, false);
}

function checkRange(value: unknown, field: string, min: number, max: number, problems: Problems, integer: boolean): value is number {
  const valid = typeof value === 'number' && (integer ? Number.isSafeInteger(value) : Number.isFinite(value)) && !Object.is(value, -0);
  if (!valid) {
    problems.push(`${field}应为${integer ? '整数' : '数字'}`);
    return false;
  }
  if (value < min || value > max) {
    problems.push(`${field}应在 ${min} 到 ${max} 之间`);
    return false;
  }
  return true;
}

export function checkBoolean(value: unknown, field: string, problems: Problems): value is boolean {
  if (typeof value === 'boolean') return true;
  problems.push(`${field}应为是或否`);
  return false;
}

export function checkOneOf<T extends string>(
  value: unknown,
  field: string,
  options: readonly T[],
  problems: Problems,
): value is T {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return true;
  problems.push(`${field}应为 ${options.join(' / ')} 之一`);
  return false;
}

export function checkPattern(
  value: unknown,
  field: string,
  pattern: RegExp,
  what: string,
  problems: Problems,
): value is string {
  if (typeof value === 'string' && pattern.test(value)) return true;
  problems.push(`${field}应为${what}`);
  return false;
}
