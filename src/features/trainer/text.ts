/**
 * Words the trainer pages show: the due date and rules of an assignment, the message for a chat
 * group, which form field a validation problem belongs to, and safe file names. No DOM. Numbers,
 * durations and times are the UI kit's (src/ui/format.ts).
 */
import { checkText, dueDeadline, extractCode, LIMITS, POLICY_NAMES, withoutForbidden, type AssignmentSpec } from '../../quiz/trainer/index.ts';

/** How the due date reads to a learner. */
export function dueText(spec: Pick<AssignmentSpec, 'due'>): string {
  return spec.due === null ? '不限' : `${spec.due} 24:00 前（北京时间）`;
}

/** Whether the deadline has passed at `nowMs`. */
export function isPastDue(spec: Pick<AssignmentSpec, 'due'>, nowMs: number): boolean {
  const deadline = dueDeadline(spec);
  return deadline !== null && nowMs / 1000 >= deadline;
}

/**
 * The rules of the paper in one line: 共 20 题 · 限时 30 分钟 · 得分率 60% 及格 · 多选题全对才得分;
 * a skills paper (`written`) is marked by the learner instead.
 */
export function rulesText(spec: Pick<AssignmentSpec, 'minutes' | 'passMark' | 'multiplePolicy'>, questions: number | null, written = false): string {
  const parts = [
    questions === null ? null : `共 ${questions} 题`,
    spec.minutes > 0 ? `限时 ${spec.minutes} 分钟` : '不限时',
    `得分率 ${spec.passMark}% 及格`,
    written ? '案例分析、工作实务，交卷后对照参考答案自评' : `多选题${POLICY_NAMES[spec.multiplePolicy]}`,
  ];
  return parts.filter((p): p is string => p !== null).join(' · ');
}

/** The message a trainer pastes into the class chat group. */
export function shareMessage(spec: AssignmentSpec, url: string, questions: number | null, written = false): string {
  const lines = [
    `【作业】${spec.title}`,
    `培训师：${spec.trainer}`,
    `截止：${dueText(spec)}`,
    rulesText(spec, questions, written),
  ];
  if (spec.note) lines.push('', spec.note);
  const send = written
    ? '交卷后对照参考答案勾选自己写到的得分点，再点「复制结果码」发到群里（或私信发给培训师）；培训师要看作答原文时，点「下载作答文本」把文件发过去。'
    : '交卷后点「复制结果码」，把结果码发到群里（或私信发给培训师）。';
  lines.push(
    '',
    `做法：用手机或电脑打开下面的链接，填写真实姓名后开始作答；${send}同一链接请只用一个设备作答。`,
    url,
  );
  return lines.join('\n');
}

/** The fields of the assignment form, named as its `data-field` attributes. */
export type AssignmentField =
  | 'title'
  | 'trainer'
  | 'note'
  | 'modules'
  | 'mix'
  | 'minutes'
  | 'passMark'
  | 'multiplePolicy'
  | 'due'
  | 'variant'
  | 'showAnswers';

/** The field names `validateAssignment` starts its sentences with, most specific first. */
const PROBLEM_PREFIXES: readonly [string, AssignmentField][] = [
  ['作业名称', 'title'],
  ['培训师姓名', 'trainer'],
  ['说明', 'note'],
  ['范围', 'modules'],
  ['多选计分', 'multiplePolicy'],
  ['单选题量', 'mix'],
  ['多选题量', 'mix'],
  ['判断题量', 'mix'],
  ['总题量', 'mix'],
  ['题量', 'mix'],
  ['题目组成', 'mix'],
  ['试卷蓝本', 'mix'],
  ['限时', 'minutes'],
  ['及格线', 'passMark'],
  ['截止日期', 'due'],
  ['试卷方式', 'variant'],
  ['交卷后显示答案', 'showAnswers'],
];

/** Which field a validation sentence is about, or null for the form as a whole. */
export function problemField(problem: string): AssignmentField | null {
  return PROBLEM_PREFIXES.find(([prefix]) => problem.startsWith(prefix))?.[1] ?? null;
}

/** Groups validation sentences by field; `form` holds those that belong to no field. */
export function groupProblems(problems: readonly string[]): Map<AssignmentField | 'form', string[]> {
  const byField = new Map<AssignmentField | 'form', string[]>();
  for (const problem of problems) {
    const field = problemField(problem) ?? 'form';
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return byField;
}

/** Checks a learner's name as result codes require (the same rules); null when it will do. */
export function learnerNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return '请填写姓名';
  const problems: string[] = [];
  checkText(trimmed, '姓名', { min: 1, max: LIMITS.name }, problems);
  return problems[0] ?? null;
}

/** The fragment of a trainer page for an assignment's code, with `&key=1` for the answer key (`readFragment` reads it). */
export function fragmentFor(code: string, key = false): string {
  return `#a=${code}${key ? '&key=1' : ''}`;
}

/** The print view of an assignment: its paper, or its answer key or marking scheme. */
export function printLink(code: string, key = false): string {
  return `/trainer/print/${fragmentFor(code, key)}`;
}

/**
 * The parameters of a trainer page's fragment: `#a=<code>&key=1`. A bare link pasted as the whole
 * fragment still works, because the assignment code is found by `extractCode`.
 */
export function readFragment(hash: string): { code: string | null; key: boolean } {
  const text = hash.replace(/^#/, '');
  if (text === '') return { code: null, key: false };
  const params = new URLSearchParams(text);
  const a = params.get('a');
  return { code: a === null ? extractCode(text) : a, key: params.get('key') === '1' };
}

/** The longest a download's name gets, extension aside: fine on every system and in a phone's list. */
const FILE_NAME_CHARS = 60;

/**
 * A file name safe on every system, from parts joined by `-`: a title or a name the user typed,
 * and fixed words such as 成绩名单 that tell downloads apart. A name too long is shortened where it
 * is longest — the title, not the short suffix — so two downloads of one assignment never share a
 * name (issue 13). Control, invisible and direction characters go, as do those Windows forbids.
 */
export function fileName(parts: readonly string[], extension: string): string {
  const cleaned = parts
    .map((part) => [...withoutForbidden(part).replace(/[\\/:*?"<>|]+/g, '').replace(/\s+/g, ' ').replace(/^[\s.]+|\s+$/g, '')])
    .filter((chars) => chars.length > 0);
  const cap = longestPart(
    cleaned.map((chars) => chars.length),
    FILE_NAME_CHARS - (cleaned.length - 1),
  );
  const base = cleaned.map((chars) => (chars.length > cap ? `${chars.slice(0, Math.max(0, cap - 1)).join('')}…` : chars.join(''))).join('-');
  return `${base || '下载'}.${extension}`;
}

/** The largest length parts may keep so that together they fit `budget`: the long ones are cut first. */
function longestPart(lengths: readonly number[], budget: number): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = budget;
  for (let i = 0; i < sorted.length; i++) {
    const rest = sorted.length - i;
    if (sorted[i]! * rest > left) return Math.max(1, Math.floor(left / rest));
    left -= sorted[i]!;
  }
  return Infinity;
}
