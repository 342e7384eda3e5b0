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

/**
 * Checks that `value` is a plain object with every field of `fields` and no other. `fields` maps
 * each key to its Chinese name, which messages use: a user never sees a JSON key (issue 13).
 * Unknown keys are counted, not named, since their names mean nothing to the user.
 */
export function checkObject<K extends string>(
  value: unknown,
  field: string,
  fields: Readonly<Record<K, string>>,
  problems: Problems,
): value is Record<K, unknown> {
  if (!isPlainObject(value)) {
    problems.push(`${field}应为对象`);
    return false;
  }
  const known: readonly string[] = Object.keys(fields);
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) problems.push(`${field}含有 ${unknown.length} 项本站不认识的内容（可能来自更新版本的网站）`);
  const missing = (Object.keys(fields) as K[]).filter((key) => !Object.hasOwn(value, key)).map((key) => fields[key]);
  if (missing.length > 0) problems.push(`${field}缺少：${missing.join('、')}`);
  return unknown.length === 0 && missing.length === 0;
}

/** Length as a reader counts it: one per character, so 张 and 😀 are one each. */
export function textLength(text: string): number {
  return [...text].length;
}

// Control characters other than the line break (and U+2028/2029, which break lines in some editors).
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Characters that change how text displays without showing themselves, refused in every title,
 * name and note (issue 13, item 6): with them a name can reverse the site's own text around it,
 * three different names can all read "张三", and a name can be blank. No one types them on purpose.
 * Variation selectors and the Mongolian variation selectors stay allowed: some names need them.
 */
const INVISIBLE_RANGES: readonly [from: number, to: number, kind: string][] = [
  [0x00ad, 0x00ad, '软连字符'],
  [0x034f, 0x034f, '不可见的组合符'],
  [0x061c, 0x061c, '文字方向控制符'],
  [0x115f, 0x1160, '显示为空白的填充符'],
  [0x17b4, 0x17b5, '不可见的元音符'],
  [0x200b, 0x200d, '零宽字符'],
  [0x200e, 0x200f, '文字方向控制符'],
  [0x202a, 0x202e, '文字方向控制符'],
  [0x2060, 0x2064, '零宽字符'],
  [0x2066, 0x2069, '文字方向控制符'],
  [0x206a, 0x206f, '不可见的格式符'],
  [0x3164, 0x3164, '显示为空白的填充符'],
  [0xfeff, 0xfeff, '零宽字符'],
  [0xffa0, 0xffa0, '显示为空白的填充符'],
  [0xfff9, 0xfffb, '不可见的格式符'],
  [0x1d173, 0x1d17a, '不可见的格式符'],
  [0xe0000, 0xe007f, '不可见的标签字符'],
];

const codePointClass = (cp: number) => `\\u{${cp.toString(16)}}`;
const INVISIBLE = new RegExp(
  `[${INVISIBLE_RANGES.map(([from, to]) => (from === to ? codePointClass(from) : `${codePointClass(from)}-${codePointClass(to)}`)).join('')}]`,
  'u',
);

/** Variation selectors only pick a glyph: allowed in names, ignored when names are compared. */
export const VARIATION_SELECTORS = /[\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]/gu;

/** `U+202E` */
function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character that may not appear in a title, name or note, described for the user
 * (「U+202E，文字方向控制符」), or null. A line break counts only when `multiline` is false.
 */
export function forbiddenCharacter(text: string, multiline = false): string | null {
  if (!INVISIBLE.test(text) && !CONTROL.test(text) && (multiline || !text.includes('\n'))) return null;
  for (const char of text) {
    if (char === '\n') {
      if (multiline) continue;
      return '换行';
    }
    if (CONTROL.test(char)) return `${codePointName(char)}，控制字符`;
    const cp = char.codePointAt(0) ?? 0;
    const range = INVISIBLE_RANGES.find(([from, to]) => cp >= from && cp <= to);
    if (range) return `${codePointName(char)}，${range[2]}`;
  }
  return null;
}

/** The text without the characters `forbiddenCharacter` names (line breaks included), for file names. */
export function withoutForbidden(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'gu'), '').replace(new RegExp(CONTROL.source, 'gu'), '').replace(/\n/g, ' ');
}

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
  const forbidden = forbiddenCharacter(value, rule.multiline);
  if (forbidden === '换行') {
    problems.push(`${field}不能换行`);
    return false;
  }
  if (forbidden !== null) {
    problems.push(`${field}含有看不见的特殊字符（${forbidden}），可能是从别处复制时带进来的：请删除后重新输入`);
    return false;
  }
  if (value.trim() !== value) {
    problems.push(`${field}首尾不能有空白`);
    return false;
  }
  if (rule.min >= 1 && value.replace(VARIATION_SELECTORS, '').trim() === '') {
    problems.push(`${field}不能为空`);
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

/** `options` maps each allowed value to its Chinese name, which the message uses. */
export function checkOneOf<T extends string>(
  value: unknown,
  field: string,
  options: Readonly<Record<T, string>>,
  problems: Problems,
): value is T {
  if (typeof value === 'string' && Object.hasOwn(options, value)) return true;
  const names = Object.values<string>(options).map((name) => `「${name}」`);
  problems.push(`${field}应为${names.length > 1 ? `${names.slice(0, -1).join('、')}或${names.at(-1)}` : names.join('')}`);
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

/**
 * How learners are matched across submissions: the name as a reader sees it. NFKC folds
 * full-width letters and compatibility ideographs into their plain forms; variation selectors
 * (which only pick a glyph) and invisible characters (refused in names anyway) are dropped;
 * spaces are trimmed and collapsed; case is ignored.
 */
export function learnerKey(name: string): string {
  return withoutForbidden(name.normalize('NFKC')).replace(VARIATION_SELECTORS, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
