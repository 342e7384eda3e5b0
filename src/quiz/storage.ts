/**
 * The learner's progress in a key-value store (localStorage in the browser, a Map in tests).
 *
 * - Every entry is `{v, data}`: read back, it is migrated to the current version and checked.
 * - A corrupted entry is copied to a `quarantine:` key and reported; the rest still loads. Nothing
 *   the learner wrote is ever deleted by the engine.
 * - Each attempt has its own key, so two tabs on different attempts never touch each other's data;
 *   every save merges with what is stored, so two tabs on the same data lose nothing either.
 * - A full store (QuotaExceededError) is a result to show, not an exception.
 */
import { mergeAttemptRecords } from './attempt.ts';
import type { AttemptRecord } from './attempt.ts';
import { mergeCaseWork } from './case.ts';
import type { CaseWork } from './case.ts';
import { isArrayOf, isAttemptRecord, isCaseWork, isCount, isFields, isReviewState, isString } from './guards.ts';
import { emptyReview, mergeReview, newCard } from './review.ts';
import type { ReviewRecord, ReviewState } from './review.ts';

/**
 * The part of `Storage` the engine needs; the UI adapts localStorage to it. `removeItem` is there
 * for the UI's own "clear my progress" action: the engine itself never deletes an entry.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

/** Keeps our entries apart from anything else the site keeps in localStorage. */
export const STORAGE_PREFIX = 'mishu:';
const QUARANTINE = 'quarantine:';
export const PROGRESS_FORMAT = 'mishu-xuetang-progress';

export interface Progress {
  review: ReviewState;
  attempts: Record<string, AttemptRecord>;
  cases: Record<string, CaseWork>;
}

export type StorageProblem =
  /** Unreadable or invalid; the original text was copied to `quarantinedAs` (null if even that failed). */
  | { kind: 'corrupted'; key: string; reason: string; quarantinedAs: string | null }
  /** Written by a newer version of the site; left alone rather than overwritten. */
  | { kind: 'newer-version'; key: string; version: number }
  | { kind: 'quota-exceeded'; key: string }
  /** The store threw something else (storage disabled, private mode). */
  | { kind: 'unavailable'; key: string; message: string }
  /** An import document or one of its entries could not be used; `key` null means the whole file. */
  | { kind: 'invalid-import'; key: string | null; reason: string };

export type SaveResult<T> = { ok: true; saved: T; problems: StorageProblem[] } | { ok: false; problems: StorageProblem[] };

/** How one kind of entry is stored. */
interface EntryCodec<T> {
  version: number;
  guard: (data: unknown) => data is T;
  /** `migrations[v]` turns valid version-v data into version v + 1, or returns undefined when it is not valid. */
  migrations: Readonly<Record<number, (data: unknown) => unknown>>;
  /** The entry name the value belongs under, so a record copied to the wrong key is caught. */
  nameOf: (value: T) => string;
  merge: (stored: T, incoming: T) => T;
}

/**
 * v1 kept the 错题本 as a bare list of question ids; v2 keeps a review record per question. A
 * migrated question is due for review at once and dated 0, so any real record merged later wins.
 */
function reviewV1ToV2(data: unknown): ReviewState | undefined {
  if (!isArrayOf(isString)(data)) return undefined;
  const records: Record<string, ReviewRecord> = {};
  for (const questionId of data) {
    records[questionId] = {
      questionId,
      inWrongBook: true,
      pinned: false,
      starred: false,
      wrongCount: 1,
      rightStreak: 0,
      lastWrongAt: null,
      card: newCard(0),
      updatedAt: 0,
    };
  }
  return { records };
}

const REVIEW: EntryCodec<ReviewState> = {
  version: 2,
  guard: isReviewState,
  migrations: { 1: reviewV1ToV2 },
  nameOf: () => 'review',
  merge: mergeReview,
};

const ATTEMPT: EntryCodec<AttemptRecord> = {
  version: 1,
  guard: isAttemptRecord,
  migrations: {},
  nameOf: (record) => `attempt:${record.id}`,
  merge: mergeAttemptRecords,
};

const CASE: EntryCodec<CaseWork> = {
  version: 1,
  guard: isCaseWork,
  migrations: {},
  nameOf: (work) => `case:${work.caseId}`,
  merge: mergeCaseWork,
};

type EntryKind = 'review' | 'attempt' | 'case';

function kindOf(name: string): EntryKind | null {
  if (name === 'review') return 'review';
  if (name.startsWith('attempt:')) return 'attempt';
  if (name.startsWith('case:')) return 'case';
  return null;
}

type Decoded<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'corrupted'; reason: string }
  | { ok: false; kind: 'newer-version'; version: number };

/** Brings an envelope `{v, data}` up to the current version and checks it. */
function decodeEnvelope<T>(codec: EntryCodec<T>, name: string, envelope: unknown): Decoded<T> {
  if (!isFields(envelope) || !isCount(envelope['v']) || !('data' in envelope)) {
    return { ok: false, kind: 'corrupted', reason: '缺少版本信息 {v, data}' };
  }
  const version = envelope['v'];
  if (version > codec.version) return { ok: false, kind: 'newer-version', version };
  let data: unknown = envelope['data'];
  for (let v = version; v < codec.version; v++) {
    const migrate = codec.migrations[v];
    data = migrate ? migrate(data) : undefined;
    if (data === undefined) return { ok: false, kind: 'corrupted', reason: `无法从第 ${v} 版升级` };
  }
  if (!codec.guard(data)) return { ok: false, kind: 'corrupted', reason: `不符合第 ${codec.version} 版格式` };
  if (codec.nameOf(data) !== name) return { ok: false, kind: 'corrupted', reason: '内容与键名不符' };
  return { ok: true, value: data };
}

function decode<T>(codec: EntryCodec<T>, name: string, raw: string): Decoded<T> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return { ok: false, kind: 'corrupted', reason: '不是有效的 JSON' };
  }
  return decodeEnvelope(codec, name, envelope);
}

/** Browsers signal a full store differently: Chrome and Safari by name or code 22, old Firefox by 1014. */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function failure(key: string, error: unknown): StorageProblem {
  if (isQuotaExceeded(error)) return { kind: 'quota-exceeded', key };
  return { kind: 'unavailable', key, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Copies a corrupted entry's text to a quarantine key (a fresh one if an older, different
 * quarantine copy is there) and returns that key, or null if the copy could not be written.
 */
function quarantine(kv: KeyValueStore, name: string, raw: string): string | null {
  const base = `${STORAGE_PREFIX}${QUARANTINE}${name}`;
  try {
    for (let n = 1; ; n++) {
      const key = n === 1 ? base : `${base}#${n}`;
      const existing = kv.getItem(key);
      if (existing === raw) return key;
      if (existing === null) {
        kv.setItem(key, raw);
        return key;
      }
    }
  } catch {
    return null;
  }
}

export interface ReadResult<T> {
  value: T | null;
  problem: StorageProblem | null;
}

function readEntry<T>(kv: KeyValueStore, name: string, codec: EntryCodec<T>): ReadResult<T> {
  const key = STORAGE_PREFIX + name;
  let raw: string | null;
  try {
    raw = kv.getItem(key);
  } catch (error) {
    return { value: null, problem: failure(key, error) };
  }
  if (raw === null) return { value: null, problem: null };
  const decoded = decode(codec, name, raw);
  if (decoded.ok) return { value: decoded.value, problem: null };
  if (decoded.kind === 'newer-version') return { value: null, problem: { kind: 'newer-version', key, version: decoded.version } };
  return { value: null, problem: { kind: 'corrupted', key, reason: decoded.reason, quarantinedAs: quarantine(kv, name, raw) } };
}

/** Merges `value` into what is stored under `name` and writes the result. */
function writeEntry<T>(kv: KeyValueStore, name: string, codec: EntryCodec<T>, value: T): SaveResult<T> {
  const key = STORAGE_PREFIX + name;
  const stored = readEntry(kv, name, codec);
  const problems = stored.problem ? [stored.problem] : [];
  // Never overwrite what a newer site version wrote, nor an entry we could not copy to quarantine.
  if (stored.problem?.kind === 'newer-version' || stored.problem?.kind === 'unavailable') return { ok: false, problems };
  if (stored.problem?.kind === 'corrupted' && stored.problem.quarantinedAs === null) return { ok: false, problems };
  const saved = stored.value === null ? value : codec.merge(stored.value, value);
  try {
    kv.setItem(key, JSON.stringify({ v: codec.version, data: saved }));
  } catch (error) {
    return { ok: false, problems: [...problems, failure(key, error)] };
  }
  return { ok: true, saved, problems };
}

function entryNames(kv: KeyValueStore): { names: string[]; problems: StorageProblem[] } {
  let keys: string[];
  try {
    keys = kv.keys();
  } catch (error) {
    return { names: [], problems: [failure(STORAGE_PREFIX, error)] };
  }
  const names = keys
    .filter((key) => key.startsWith(STORAGE_PREFIX))
    .map((key) => key.slice(STORAGE_PREFIX.length))
    .filter((name) => !name.startsWith(QUARANTINE) && kindOf(name) !== null)
    .sort();
  return { names, problems: [] };
}

export interface LoadResult {
  progress: Progress;
  problems: StorageProblem[];
}

/** Everything stored. Unknown keys under the prefix are left alone for whoever wrote them. */
export function loadProgress(kv: KeyValueStore): LoadResult {
  const { names, problems } = entryNames(kv);
  const progress: Progress = { review: emptyReview(), attempts: {}, cases: {} };
  for (const name of names) {
    switch (kindOf(name)) {
      case 'review': {
        const read = readEntry(kv, name, REVIEW);
        if (read.value) progress.review = read.value;
        if (read.problem) problems.push(read.problem);
        break;
      }
      case 'attempt': {
        const read = readEntry(kv, name, ATTEMPT);
        if (read.value) progress.attempts[read.value.id] = read.value;
        if (read.problem) problems.push(read.problem);
        break;
      }
      case 'case': {
        const read = readEntry(kv, name, CASE);
        if (read.value) progress.cases[read.value.caseId] = read.value;
        if (read.problem) problems.push(read.problem);
        break;
      }
      case null:
        break;
    }
  }
  return { progress, problems };
}

/** One attempt, for resuming it. */
export function loadAttempt(kv: KeyValueStore, id: string): ReadResult<AttemptRecord> {
  return readEntry(kv, `attempt:${id}`, ATTEMPT);
}

/** Saves review records, merged record by record with what another tab may have saved. */
export function saveReview(kv: KeyValueStore, review: ReviewState): SaveResult<ReviewState> {
  return writeEntry(kv, 'review', REVIEW, review);
}

/** Saves an attempt under its own key; steps another tab saved for it are merged in, not lost. */
export function saveAttempt(kv: KeyValueStore, record: AttemptRecord): SaveResult<AttemptRecord> {
  return writeEntry(kv, ATTEMPT.nameOf(record), ATTEMPT, record);
}

export function saveCaseWork(kv: KeyValueStore, work: CaseWork): SaveResult<CaseWork> {
  return writeEntry(kv, CASE.nameOf(work), CASE, work);
}

/** An export file: every valid entry in its current-version envelope. */
export interface ProgressDocument {
  format: typeof PROGRESS_FORMAT;
  exportedAt: number;
  entries: Record<string, { v: number; data: unknown }>;
}

/** All progress as one JSON document, for backup or moving to another browser. */
export function exportProgress(kv: KeyValueStore, now: number): { json: string; problems: StorageProblem[] } {
  const { progress, problems } = loadProgress(kv);
  const entries: ProgressDocument['entries'] = {};
  if (Object.keys(progress.review.records).length > 0) entries['review'] = { v: REVIEW.version, data: progress.review };
  for (const record of Object.values(progress.attempts)) entries[ATTEMPT.nameOf(record)] = { v: ATTEMPT.version, data: record };
  for (const work of Object.values(progress.cases)) entries[CASE.nameOf(work)] = { v: CASE.version, data: work };
  const document: ProgressDocument = { format: PROGRESS_FORMAT, exportedAt: now, entries };
  return { json: JSON.stringify(document), problems };
}

export interface ImportResult {
  /** Entries merged into the store. */
  imported: number;
  problems: StorageProblem[];
}

/**
 * Merges an export document into the store: attempt steps are merged, review records and case
 * work keep the later write, so importing the same file twice changes nothing. Entries are
 * migrated like stored ones, so a file exported by an older site version still imports.
 */
export function importProgress(kv: KeyValueStore, json: string): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return { imported: 0, problems: [{ kind: 'invalid-import', key: null, reason: '不是有效的 JSON' }] };
  }
  if (!isFields(document) || document['format'] !== PROGRESS_FORMAT || !isFields(document['entries'])) {
    return { imported: 0, problems: [{ kind: 'invalid-import', key: null, reason: '不是本站导出的学习进度文件' }] };
  }
  const problems: StorageProblem[] = [];
  let imported = 0;
  for (const [name, envelope] of Object.entries(document['entries'])) {
    const result = importEntry(kv, name, envelope);
    if (result === null) {
      problems.push({ kind: 'invalid-import', key: name, reason: '未知的条目' });
      continue;
    }
    if (!result.ok && result.reason !== null) problems.push({ kind: 'invalid-import', key: name, reason: result.reason });
    problems.push(...result.problems);
    if (result.ok) imported++;
  }
  return { imported, problems };
}

type EntryImport = { ok: boolean; reason: string | null; problems: StorageProblem[] };

function importEntry(kv: KeyValueStore, name: string, envelope: unknown): EntryImport | null {
  switch (kindOf(name)) {
    case 'review':
      return importWith(kv, name, REVIEW, envelope);
    case 'attempt':
      return importWith(kv, name, ATTEMPT, envelope);
    case 'case':
      return importWith(kv, name, CASE, envelope);
    case null:
      return null;
  }
}

function importWith<T>(kv: KeyValueStore, name: string, codec: EntryCodec<T>, envelope: unknown): EntryImport {
  const decoded = decodeEnvelope(codec, name, envelope);
  if (!decoded.ok) {
    const reason = decoded.kind === 'corrupted' ? decoded.reason : `来自更新的版本（第 ${decoded.version} 版）`;
    return { ok: false, reason, problems: [] };
  }
  const saved = writeEntry(kv, name, codec, decoded.value);
  return { ok: saved.ok, reason: null, problems: saved.problems };
}
