/**
 * What the trainer pages keep on the device, under `mishu:trainer:`: the trainer's assignments
 * (as their codes), one results inbox per assignment, and on a learner's device which attempts
 * were made on which assignment and which sections were read. The learner's attempt itself is an
 * engine attempt (`saveAttempt`).
 *
 * Like the engine's storage, nothing is silently discarded: an entry that cannot be read is copied
 * to a backup key before anything is written over it, and the problem is reported. An entry that a
 * newer version of the site wrote (a higher version number) is left alone: reported, read as
 * empty, and never written over (issue 13, item 9).
 */
import type { KeyValueStore } from '../quiz/index.ts';
import { decodeAssignment, encodeAssignment, type AssignmentSpec } from '../quiz/trainer/assignment.ts';
import { addCodes, emptyInbox, restoreInbox, serializeInbox, type Inbox } from '../quiz/trainer/inbox.ts';

export const TRAINER_PREFIX = 'mishu:trainer:';

/** Fired on `document` when the trainer's saved assignments change; `detail` is the assignment id. */
export const ASSIGNMENTS_CHANGED = 'trainer:assignments-changed';
/** Fired on `document` to open an assignment's results and report; `detail` is the assignment id. */
export const OPEN_REPORT = 'trainer:open-report';
/** Fired on `document` when results were added to an inbox; `detail` is the assignment id. */
export const INBOX_CHANGED = 'trainer:inbox-changed';
const ASSIGNMENTS_KEY = `${TRAINER_PREFIX}assignments`;
export const inboxKey = (assignmentId: string) => `${TRAINER_PREFIX}inbox:${assignmentId}`;
const takenKey = (assignmentId: string) => `${TRAINER_PREFIX}taken:${assignmentId}`;
const readKey = (assignmentId: string) => `${TRAINER_PREFIX}read:${assignmentId}`;

export type WriteResult = { ok: true } | { ok: false; message: string };

/**
 * One message for a full store and a forbidden one: telling them apart takes the engine's storage
 * module, which would bring ts-fsrs onto the trainer's page for this sentence alone.
 */
function write(kv: KeyValueStore, key: string, value: string): WriteResult {
  try {
    kv.setItem(key, value);
    return { ok: true };
  } catch {
    return {
      ok: false,
      message: '没能保存到本设备：浏览器的存储空间可能已满，或不允许网站保存数据。请先导出备份，再清理浏览器中其他网站的数据。',
    };
  }
}

function read(kv: KeyValueStore, key: string): string | null {
  try {
    return kv.getItem(key);
  } catch {
    return null;
  }
}

/** Copies an unreadable entry to the first free `<key>:backup-<n>` and returns that key. */
function backUp(kv: KeyValueStore, key: string, raw: string): string | null {
  for (let n = 1; n < 100; n++) {
    const backup = `${key}:backup-${n}`;
    const existing = read(kv, backup);
    if (existing === raw) return backup;
    if (existing === null) return write(kv, backup, raw).ok ? backup : null;
  }
  return null;
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version this site writes every trainer entry in. */
const VERSION = 1;

/** What the page says of an entry a newer version wrote; it is the learner storage's sentence too. */
const NEWER_PROBLEM = '新版网站写入的，本页面不会改动它。请刷新页面以加载最新版本。';
const newerRefusal = (what: string): WriteResult => ({ ok: false, message: `${what}是${NEWER_PROBLEM}这次没有保存。` });

type Entry =
  | { kind: 'missing' }
  | { kind: 'current'; data: Record<string, unknown>; raw: string }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; raw: string };

/** Reads an entry and sorts it by its version (`versionKey` names the field that holds it). */
function readEntry(kv: KeyValueStore, key: string, versionKey = 'v'): Entry {
  const raw = read(kv, key);
  if (raw === null) return { kind: 'missing' };
  const data = parse(raw);
  if (!isObject(data)) return { kind: 'damaged', raw };
  const version = data[versionKey];
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > VERSION) return { kind: 'newer', version };
  return version === VERSION ? { kind: 'current', data, raw } : { kind: 'damaged', raw };
}

// ——— The trainer's assignments ———

export interface SavedAssignments {
  /** Newest first. */
  specs: AssignmentSpec[];
  /** Sentences for the trainer about entries that could not be read (they stay stored). */
  problems: string[];
}

/** The stored codes, in order; a list of something else is damaged. */
function storedCodes(kv: KeyValueStore): Entry & { codes?: string[] } {
  const entry = readEntry(kv, ASSIGNMENTS_KEY);
  if (entry.kind !== 'current') return entry;
  const codes = entry.data['codes'];
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return { kind: 'damaged', raw: entry.raw };
  return { ...entry, codes };
}

export function loadAssignments(kv: KeyValueStore): SavedAssignments {
  const stored = storedCodes(kv);
  if (stored.kind === 'newer') return { specs: [], problems: [`本设备上的作业列表是${NEWER_PROBLEM}`] };
  if (stored.kind === 'damaged') return { specs: [], problems: ['本设备保存的作业列表已损坏，未能读取；原内容仍保留着，新建作业时会先另存备份。'] };
  const specs: AssignmentSpec[] = [];
  const problems: string[] = [];
  for (const code of stored.codes ?? []) {
    const decoded = decodeAssignment(code);
    if (decoded.ok) specs.push(decoded.value);
    else problems.push(`有一份保存的作业无法读取（${decoded.error.message}），它仍保留在本设备上。`);
  }
  return { specs, problems };
}

/** Adds (or moves to the top) an assignment; codes that could not be read stay in the list. */
export function saveAssignment(kv: KeyValueStore, spec: AssignmentSpec): WriteResult {
  const stored = storedCodes(kv);
  if (stored.kind === 'newer') return newerRefusal('作业列表');
  if (stored.kind === 'damaged' && backUp(kv, ASSIGNMENTS_KEY, stored.raw) === null) {
    return { ok: false, message: '作业列表已损坏且无法另存备份，为免覆盖，这次没有保存。' };
  }
  const code = encodeAssignment(spec);
  const others = (stored.codes ?? []).filter((c) => {
    const decoded = decodeAssignment(c);
    return !(decoded.ok && decoded.value.id === spec.id);
  });
  return write(kv, ASSIGNMENTS_KEY, JSON.stringify({ v: VERSION, codes: [code, ...others] }));
}

// ——— Results inboxes ———

export interface LoadedInbox {
  inbox: Inbox;
  /** A sentence for the trainer when the stored inbox was damaged (and backed up), else null. */
  problem: string | null;
}

/**
 * The stored inbox of an assignment. A damaged one is backed up as it is, and every code in it
 * that still reads is recovered.
 */
export function loadInbox(kv: KeyValueStore, spec: Pick<AssignmentSpec, 'id'>): LoadedInbox {
  const key = inboxKey(spec.id);
  const entry = readEntry(kv, key, 'version');
  if (entry.kind === 'missing') return { inbox: emptyInbox(spec), problem: null };
  if (entry.kind === 'newer') {
    return { inbox: emptyInbox(spec), problem: `这份作业保存的收件箱是${NEWER_PROBLEM}新收到的结果可以先导出成收件箱文件。` };
  }
  const raw = entry.raw;
  const restored = restoreInbox(raw, spec);
  if (restored.ok) return { inbox: restored.value, problem: null };
  const backup = backUp(kv, key, raw);
  const salvaged = raw.trim().startsWith('{') ? addCodes(emptyInbox(spec), [raw], spec).inbox : emptyInbox(spec);
  const kept = backup === null ? '原内容仍在原处' : `原内容已另存为 ${backup}`;
  return {
    inbox: salvaged,
    problem: `保存的收件箱有问题（${restored.error}）。已找回 ${salvaged.entries.length} 份可读的结果，${kept}，没有删除任何数据。`,
  };
}

/** Saves an inbox, unless a newer version of the site wrote the one stored. */
export function saveInbox(kv: KeyValueStore, inbox: Inbox): WriteResult {
  const key = inboxKey(inbox.assignmentId);
  if (readEntry(kv, key, 'version').kind === 'newer') return newerRefusal('这份作业保存的收件箱');
  return write(kv, key, serializeInbox(inbox));
}

// ——— On the learner's device ———

export interface TakenAttempt {
  /** The engine attempt's id (`saveAttempt`). */
  id: string;
  learner: string;
}

/** Attempts made on this device for an assignment, oldest first; the last is the one shown. */
export function loadTaken(kv: KeyValueStore, assignmentId: string): TakenAttempt[] {
  const entry = readEntry(kv, takenKey(assignmentId));
  if (entry.kind !== 'current' || !Array.isArray(entry.data['attempts'])) return [];
  return entry.data['attempts'].filter(
    (a): a is TakenAttempt => isObject(a) && typeof a['id'] === 'string' && typeof a['learner'] === 'string',
  );
}

export function saveTaken(kv: KeyValueStore, assignmentId: string, attempt: TakenAttempt): WriteResult {
  const key = takenKey(assignmentId);
  const entry = readEntry(kv, key);
  if (entry.kind === 'newer') return newerRefusal('本设备上的作答记录索引');
  const attempts = loadTaken(kv, assignmentId);
  // An unreadable list is kept aside rather than written over.
  if ((entry.kind === 'current' || entry.kind === 'damaged') && attempts.length === 0 && backUp(kv, key, entry.raw) === null) {
    return { ok: false, message: '本设备上的作答记录索引已损坏且无法备份，这次没有保存。' };
  }
  const rest = attempts.filter((a) => a.id !== attempt.id);
  return write(kv, key, JSON.stringify({ v: VERSION, attempts: [...rest, attempt] }));
}

/** Sections the learner ticked as read (`chapter#section`). */
export function loadRead(kv: KeyValueStore, assignmentId: string): Set<string> {
  const entry = readEntry(kv, readKey(assignmentId));
  if (entry.kind !== 'current' || !Array.isArray(entry.data['read'])) return new Set();
  return new Set(entry.data['read'].filter((s): s is string => typeof s === 'string'));
}

export function saveRead(kv: KeyValueStore, assignmentId: string, read: ReadonlySet<string>): WriteResult {
  if (readEntry(kv, readKey(assignmentId)).kind === 'newer') return newerRefusal('本设备上的阅读记录');
  return write(kv, readKey(assignmentId), JSON.stringify({ v: VERSION, read: [...read].sort() }));
}
