/**
 * An assignment (作业): what a trainer sets for a class, shared as a link whose fragment carries
 * the whole spec, so nothing reaches a server. Learners open the link, take the paper and send
 * back a result code (`result.ts`).
 */
import { BEIJING_OFFSET_MS, DAY_MS } from '../format.ts';
import { OBJECTIVE_TYPES, TYPE_NAMES } from '../models.ts';
import type { MultiplePolicy, ObjectiveType } from '../models.ts';
import { createCodec, extractCode, type Result } from './codec.ts';
import {
  checkBoolean,
  checkInteger,
  checkObject,
  checkOneOf,
  checkPattern,
  checkText,
  isPlainObject,
  type Problems,
} from './validate.ts';

/** Counts of questions to draw for one type, by difficulty: [easy 1, medium 2, hard 3]. */
export type CountsByDifficulty = [easy: number, medium: number, hard: number];

/**
 * Which questions the paper holds: an exam blueprint's mix (objective, or written like the skills
 * paper `skills-paper`), counts per type and difficulty, or written items the trainer chose
 * (案例分析 and 工作实务 by id, in paper order; issue 14).
 */
export type QuestionMix = { blueprint: string } | { counts: Record<ObjectiveType, CountsByDifficulty> } | { written: string[] };

export type PaperVariant = 'shared' | 'per-learner';

export interface AssignmentSpec {
  /** Random short id (8 Crockford base-32 characters); every result code carries it back. */
  id: string;
  /** 作业名称, at most 60 characters. */
  title: string;
  /** The trainer's name as learners know it, at most 30 characters. */
  trainer: string;
  /** A note to learners (may be empty, may have line breaks), at most 300 characters. */
  note: string;
  /**
   * What the paper covers: chapter ids (`meetings`) and/or sections (`meetings#plan`).
   * Empty means the whole bank, or the blueprint's own pools.
   */
  modules: string[];
  mix: QuestionMix;
  /** Time limit in minutes; 0 is untimed. */
  minutes: number;
  /** Pass mark as a percentage of the paper's maximum score. */
  passMark: number;
  multiplePolicy: MultiplePolicy;
  /** Last day to submit (`YYYY-MM-DD`, inclusive, Beijing time), or null for no deadline. */
  due: string | null;
  /** One paper for everyone, or a paper per learner drawn from `seed` and the learner's name. */
  variant: PaperVariant;
  /** Whether learners see the right answers and explanations after submitting. */
  showAnswers: boolean;
  /** Seed for drawing the paper (unsigned 32-bit). */
  seed: number;
  /** When the trainer created it, in epoch seconds. */
  createdAt: number;
}

/** What the trainer fills in; the id, seed and creation time are added by `createAssignment`. */
export type AssignmentDraft = Omit<AssignmentSpec, 'id' | 'seed' | 'createdAt'>;

/** Randomness and time, injected so that tests are reproducible. */
export interface TrainerDeps {
  /** Uniform in [0, 1), like Math.random. */
  random: () => number;
  /** Epoch milliseconds, like Date.now. */
  now: () => number;
}

export const LIMITS = {
  title: 60,
  name: 30,
  note: 300,
  modules: 40,
  /** Most questions a paper may hold; bounds result codes too. */
  paperItems: 200,
  /** Most written items a trainer may choose for one paper: 10 is a long afternoon of writing. */
  writtenItems: 10,
  minutes: 600,
} as const;

/** Epoch seconds accepted for any timestamp: 2020-01-01 to 2100-01-01. */
export const EPOCH_RANGE = { min: 1_577_836_800, max: 4_102_444_800 } as const;

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const ASSIGNMENT_ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{8}$/;
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const MODULE_PATTERN = new RegExp(`^${SLUG}(?:#${SLUG})?$`);
const BLUEPRINT_PATTERN = new RegExp(`^${SLUG}$`);
/** As content ids are (src/content/schemas/question.ts), e.g. `meetings-c01`. */
export const ITEM_ID_PATTERN = BLUEPRINT_PATTERN;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The objective types by name, as the counts' field names in messages. */
const TYPE_LABELS = Object.fromEntries(OBJECTIVE_TYPES.map((type) => [type, TYPE_NAMES[type]])) as Record<ObjectiveType, string>;

/** How the 多选 policies read to trainers and learners. */
export const POLICY_NAMES: Record<MultiplePolicy, string> = {
  'all-or-nothing': '全对才得分',
  partial: '按比例得分',
};

/** How the paper variants read to trainers and learners. */
export const VARIANT_NAMES: Record<PaperVariant, string> = {
  shared: '全班同一份试卷',
  'per-learner': '每人一份（按姓名抽题）',
};

/** Every field of a spec, by the name the builder's form gives it; messages use these names. */
const FIELD_NAMES = {
  id: '作业编号',
  title: '作业名称',
  trainer: '培训师姓名',
  note: '说明',
  modules: '范围',
  mix: '题目组成',
  minutes: '限时',
  passMark: '及格线',
  multiplePolicy: '多选计分',
  due: '截止日期',
  variant: '试卷方式',
  showAnswers: '交卷后显示答案',
  seed: '随机种子',
  createdAt: '创建时间',
} as const satisfies Record<keyof AssignmentSpec, string>;

export function newAssignmentId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += ID_ALPHABET[Math.floor(random() * 32) % 32]!;
  return id;
}

/** Turns a trainer's draft into a spec: trims the texts, adds id, seed and creation time, validates. */
export function createAssignment(draft: AssignmentDraft, deps: TrainerDeps): Result<AssignmentSpec, string[]> {
  const spec: AssignmentSpec = {
    id: newAssignmentId(deps.random),
    ...draft,
    title: draft.title.trim(),
    trainer: draft.trainer.trim(),
    note: draft.note.replace(/\r\n?/g, '\n').trim(),
    seed: Math.floor(deps.random() * 2 ** 32) >>> 0,
    createdAt: Math.floor(deps.now() / 1000),
  };
  return validateAssignment(spec);
}

/** Strict check of an untrusted value: every field's type and range, and no unknown fields. */
export function validateAssignment(value: unknown): Result<AssignmentSpec, string[]> {
  const problems: Problems = [];
  if (!checkObject(value, '作业', FIELD_NAMES, problems)) return { ok: false, error: problems };
  const v = value;
  checkPattern(v.id, '作业编号', ASSIGNMENT_ID_PATTERN, ' 8 位编号', problems);
  checkText(v.title, '作业名称', { min: 1, max: LIMITS.title }, problems);
  checkText(v.trainer, '培训师姓名', { min: 1, max: LIMITS.name }, problems);
  checkText(v.note, '说明', { min: 0, max: LIMITS.note, multiline: true }, problems);
  checkModules(v.modules, problems);
  checkMix(v.mix, problems);
  checkInteger(v.minutes, '限时（分钟）', 0, LIMITS.minutes, problems);
  checkInteger(v.passMark, '及格线（%）', 0, 100, problems);
  checkOneOf(v.multiplePolicy, '多选计分', POLICY_NAMES, problems);
  if (v.due !== null && checkPattern(v.due, '截止日期', DATE_PATTERN, ' YYYY-MM-DD 格式的日期', problems)) {
    if (dayStartUtc(v.due) === undefined) problems.push(`截止日期 ${v.due} 不是真实存在的日期`);
  }
  checkOneOf(v.variant, '试卷方式', VARIANT_NAMES, problems);
  checkBoolean(v.showAnswers, '交卷后显示答案', problems);
  checkInteger(v.seed, '随机种子', 0, 2 ** 32 - 1, problems);
  checkInteger(v.createdAt, '创建时间', EPOCH_RANGE.min, EPOCH_RANGE.max, problems);
  return problems.length === 0
    ? { ok: true, value: value as unknown as AssignmentSpec }
    : { ok: false, error: problems };
}

function checkModules(value: unknown, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems.push('范围应为章节列表');
    return;
  }
  if (value.length > LIMITS.modules) problems.push(`范围最多 ${LIMITS.modules} 项`);
  const seen = new Set<string>();
  value.forEach((module: unknown, i) => {
    if (!checkPattern(module, `范围第 ${i + 1} 项`, MODULE_PATTERN, '章节编号或「章节#小节」编号', problems)) return;
    if (module.length > 80) problems.push(`范围第 ${i + 1} 项过长`);
    if (seen.has(module)) problems.push(`范围重复：${module}`);
    seen.add(module);
  });
}

function checkMix(value: unknown, problems: Problems): void {
  if (isPlainObject(value) && Object.hasOwn(value, 'written') && !Object.hasOwn(value, 'blueprint')) {
    if (checkObject(value, '题目组成', { written: '指定题目' }, problems)) checkWrittenItems(value.written, problems);
    return;
  }
  if (isPlainObject(value) && Object.hasOwn(value, 'blueprint')) {
    if (
      checkObject(value, '题目组成', { blueprint: '试卷蓝本' }, problems) &&
      checkPattern(value.blueprint, '试卷蓝本', BLUEPRINT_PATTERN, '蓝本编号', problems)
    ) {
      if (value.blueprint.length > 64) problems.push('试卷蓝本编号过长');
    }
    return;
  }
  if (!checkObject(value, '题目组成', { counts: '题量' }, problems)) return;
  const counts = value.counts;
  if (!checkObject(counts, '题量', TYPE_LABELS, problems)) return;
  let total = 0;
  for (const type of OBJECTIVE_TYPES) {
    const row = counts[type];
    if (!Array.isArray(row) || row.length !== 3) {
      problems.push(`${TYPE_LABELS[type]}题量应为易、中、难三个数`);
      continue;
    }
    row.forEach((n: unknown, d) => {
      if (checkInteger(n, `${TYPE_LABELS[type]}题量（难度 ${d + 1}）`, 0, LIMITS.paperItems, problems)) total += n;
    });
  }
  if (total < 1 || total > LIMITS.paperItems) problems.push(`总题量应在 1 到 ${LIMITS.paperItems} 之间`);
}

function checkWrittenItems(value: unknown, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems.push('指定题目应为题目编号列表');
    return;
  }
  if (value.length < 1 || value.length > LIMITS.writtenItems) problems.push(`指定题目应为 1 到 ${LIMITS.writtenItems} 道案例分析或工作实务`);
  const seen = new Set<string>();
  value.slice(0, LIMITS.writtenItems + 1).forEach((id: unknown, i) => {
    if (!checkPattern(id, `指定题目第 ${i + 1} 项`, ITEM_ID_PATTERN, '题目编号（小写字母、数字和连字符）', problems)) return;
    if (id.length > 64) problems.push(`指定题目第 ${i + 1} 项过长`);
    if (seen.has(id)) problems.push(`指定题目重复：${id}`);
    seen.add(id);
  });
}

/** Midnight UTC at the start of a `YYYY-MM-DD` day, in epoch seconds; undefined if no such day. */
function dayStartUtc(date: string): number | undefined {
  const m = DATE_PATTERN.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 1000;
}

/**
 * The first moment (epoch seconds) that counts as late, or null when there is no deadline. The
 * site's learners and trainers are in mainland China, and a static site has no server clock to
 * agree on, so a due date ends at midnight Beijing time (UTC+8, no daylight saving).
 */
export function dueDeadline(spec: Pick<AssignmentSpec, 'due'>): number | null {
  if (spec.due === null) return null;
  const start = dayStartUtc(spec.due);
  return start === undefined ? null : start + (DAY_MS - BEIJING_OFFSET_MS) / 1000;
}

/**
 * Frozen with version 1 (see `CodecFormat.dictionary`): the JSON skeleton of a spec, last so
 * that it sits nearest, after words trainers often write. It takes a typical link from about 540
 * to about 360 characters while the JSON keeps its readable field names.
 */
const ASSIGNMENT_DICTIONARY =
  '秘书实务练习作业测验复习第章节会议组织与管理文书档案办公室事务接待沟通礼仪职业道德理论知识模拟考试' +
  '老师请在之前完成限时分钟交卷后把结果码发到群里。，' +
  '{"id":"","title":"","trainer":"","note":"","modules":[],"mix":{"blueprint":""},' +
  '"mix":{"counts":{"single":[0,0,0],"multiple":[0,0,0],"judge":[0,0,0]}},"minutes":0,"passMark":60,' +
  '"multiplePolicy":"all-or-nothing","multiplePolicy":"partial","due":null,"due":"2026-",' +
  '"variant":"per-learner","variant":"shared","showAnswers":false,"showAnswers":true,"seed":0,"createdAt":17';

/**
 * Still version 1 after issue 14 added written papers: a written blueprint was already a valid
 * mix, and the chosen-items mix (`{ written: [...] }`) is one more shape of the same field, so
 * neither the JSON nor the frozen dictionary changed — only validation learned the new shape. An
 * older site refuses such a link with 「题目组成含有 1 项本站不认识的内容（可能来自更新版本的网站）」.
 */
const assignmentCodec = createCodec({
  kind: 'assignment',
  formats: [{ version: 1, validate: validateAssignment, dictionary: ASSIGNMENT_DICTIONARY }],
});

/** The code alone (what follows `#a=` in the link). Throws a TypeError on an invalid spec. */
export function encodeAssignment(spec: AssignmentSpec): string {
  return assignmentCodec.encode(spec);
}

export function decodeAssignment(code: string): Result<AssignmentSpec> {
  return assignmentCodec.decode(code);
}

/** Fragment, not query: the browser never sends it to a server. */
export const ASSIGNMENT_PATH = '/trainer/assignment/';

export function assignmentLink(spec: AssignmentSpec): string {
  return `${ASSIGNMENT_PATH}#a=${encodeAssignment(spec)}`;
}

/** Reads an assignment from a pasted link, a location hash (`#a=…`) or a bare code. */
export function readAssignmentLink(text: string): Result<AssignmentSpec> {
  return decodeAssignment(extractCode(text));
}
