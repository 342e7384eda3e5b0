/**
 * Everything the site keeps on the device, exported as one document and imported back. The export
 * carries every entry kind (progress, 已学完 flags, the plan, the theme, the trainer's assignments
 * and inboxes) in its current-version envelope; the document itself has one top-level format
 * version. An import is planned first (a dry run the learner confirms) and then written all or
 * nothing.
 */
import { LAST_READ, READ, readFlagsFrom, STUDY_PLAN, THEME } from './device-entries.ts';
import { isCount, isFields } from './primitives.ts';
import { ATTEMPT, CASE, REVIEW } from './progress-entries.ts';
import type { ReviewState } from './review.ts';
import { decodeEnvelope, entryNames, readEntry, serialise, STORAGE_PREFIX, writeBatch } from './store.ts';
import type { BatchWrite, EntryKind, Envelope, KeyValueStore, StorageProblem } from './store.ts';
import { TRAINER_KINDS } from './trainer/store.ts';

export const PROGRESS_FORMAT = 'mishu-xuetang-progress';
/** Version 1 files had no `version` field and only review, attempt and case entries. */
export const PROGRESS_VERSION = 2;

/**
 * The largest file an import reads: about what a browser's localStorage holds for one site
 * (5 MiB of text in Chrome and Firefox). Anything bigger could never fit, so it is refused unread.
 */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

/** Every kind of entry, in the order an export lists them. */
export const ENTRY_KINDS: readonly EntryKind<unknown>[] = [REVIEW, ATTEMPT, CASE, READ, LAST_READ, STUDY_PLAN, THEME, ...TRAINER_KINDS] as EntryKind<unknown>[];

export function kindOf(name: string): EntryKind<unknown> | null {
  return ENTRY_KINDS.find((kind) => kind.matches(name)) ?? null;
}

/** An export file: every valid entry in its current-version envelope. */
export interface ProgressDocument {
  format: typeof PROGRESS_FORMAT;
  version: number;
  exportedAt: number;
  entries: Record<string, Envelope>;
}

export interface ExportResult {
  json: string;
  /** Entries in the file. */
  count: number;
  problems: StorageProblem[];
}

/** All of it as one JSON document, for backup or moving to another browser. */
export function exportProgress(kv: KeyValueStore, now: number): ExportResult {
  const listing = entryNames(kv);
  const { names, problems } = listing;
  const entries: Record<string, Envelope> = {};
  for (const name of names) {
    const kind = kindOf(name);
    if (!kind || READ.matches(name)) continue;
    const { value, problem } = readEntry(kv, name, kind);
    if (problem) problems.push(problem);
    if (value !== null) entries[name] = { v: kind.version, data: value };
  }
  // Read flags include the ones from before the device store, converted.
  const read = readFlagsFrom(kv, listing);
  problems.push(...read.problems);
  for (const flag of Object.values(read.flags)) entries[READ.nameOf(flag)] = { v: READ.version, data: flag };
  const document: ProgressDocument = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: now, entries };
  return { json: JSON.stringify(document), count: Object.keys(entries).length, problems };
}

/** What an import would do to one kind of entry. */
export interface ImportCount {
  /** The first part of the entry name: `review`, `attempt`, `read`, `trainer:inbox`… */
  kind: string;
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportPlan {
  writes: BatchWrite[];
  counts: ImportCount[];
  /** Entries of the file that will not be imported, and why. */
  skipped: StorageProblem[];
  /** Characters the file holds, and roughly how many more the store will hold after the import. */
  fileChars: number;
  addedChars: number;
}

export type PlannedImport = { ok: true; plan: ImportPlan } | { ok: false; problem: StorageProblem };

function kindLabel(name: string): string {
  const parts = name.split(':');
  return parts[0] === 'trainer' ? `trainer:${parts[1] ?? ''}` : (parts[0] ?? name);
}

/**
 * A dry run: reads and checks the file, and works out what importing it would add or change,
 * without writing anything. Files too big to fit are refused before they are parsed.
 */
export function planImport(kv: KeyValueStore, json: string): PlannedImport {
  if (json.length > MAX_IMPORT_CHARS) {
    return { ok: false, problem: { kind: 'too-large', key: null, chars: json.length, limit: MAX_IMPORT_CHARS } };
  }
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return { ok: false, problem: { kind: 'invalid-import', key: null, reason: '不是有效的 JSON' } };
  }
  if (!isFields(document) || document['format'] !== PROGRESS_FORMAT || !isFields(document['entries'])) {
    return { ok: false, problem: { kind: 'invalid-import', key: null, reason: '不是本站导出的学习进度文件' } };
  }
  const version = document['version'] ?? 1;
  if (!isCount(version) || version > PROGRESS_VERSION) {
    return { ok: false, problem: { kind: 'invalid-import', key: null, reason: `文件来自更新版本的网站（格式第 ${String(version)} 版），请先刷新页面加载最新版本` } };
  }
  const writes: BatchWrite[] = [];
  const skipped: StorageProblem[] = [];
  const counts = new Map<string, ImportCount>();
  let addedChars = 0;
  for (const [name, envelope] of Object.entries(document['entries'])) {
    const kind = kindOf(name);
    if (!kind) {
      skipped.push({ kind: 'invalid-import', key: name, reason: '未知的条目' });
      continue;
    }
    const decoded = decodeEnvelope(kind, name, envelope);
    if (!decoded.ok) {
      const reason = decoded.kind === 'corrupted' ? decoded.reason : `来自更新的版本（第 ${decoded.version} 版）`;
      skipped.push({ kind: 'invalid-import', key: name, reason });
      continue;
    }
    const stored = readEntry(kv, name, kind);
    if (stored.problem?.kind === 'newer-version') {
      skipped.push({ kind: 'invalid-import', key: name, reason: '本设备上的这条记录来自更新的版本，不覆盖' });
      continue;
    }
    const label = kindLabel(name);
    const count = counts.get(label) ?? { kind: label, added: 0, updated: 0, unchanged: 0 };
    counts.set(label, count);
    const merged = stored.value === null ? decoded.value : kind.merge(stored.value, decoded.value);
    // Both in the same envelope, so the texts are equal exactly when the values are.
    const storedText = stored.value === null ? null : serialise(kind, stored.value);
    const mergedText = serialise(kind, merged);
    const before = storedText?.length ?? 0;
    const after = mergedText.length;
    const same = storedText === mergedText;
    if (REVIEW.matches(name)) countRecords(count, stored.value as ReviewState | null, merged as ReviewState, decoded.value as ReviewState);
    else if (stored.value === null) count.added++;
    else if (same) count.unchanged++;
    else count.updated++;
    if (same) continue;
    addedChars += after - before + (stored.value === null ? STORAGE_PREFIX.length + name.length : 0);
    writes.push({ name, kind, value: decoded.value });
  }
  // Listed in the order kinds are defined (progress first), not in the file's order.
  const rank = (label: string) => ENTRY_KINDS.findIndex((kind) => kind.matches(label) || kind.matches(`${label}:x`));
  const ordered = [...counts.values()].sort((a, b) => rank(a.kind) - rank(b.kind));
  return { ok: true, plan: { writes, counts: ordered, skipped, fileChars: json.length, addedChars: Math.max(0, addedChars) } };
}

/** The review state is one entry of many records: the learner counts questions, not entries. */
function countRecords(count: ImportCount, stored: ReviewState | null, merged: ReviewState, incoming: ReviewState): void {
  for (const id of Object.keys(incoming.records)) {
    const before = stored?.records[id];
    if (!before) count.added++;
    else if (JSON.stringify(before) === JSON.stringify(merged.records[id])) count.unchanged++;
    else count.updated++;
  }
}

export interface ImportResult {
  /** Entries merged into the store; 0 when the batch was refused. */
  imported: number;
  ok: boolean;
  problems: StorageProblem[];
}

/** Writes a planned import, all or nothing: a full store leaves everything as it was. */
export function applyImport(kv: KeyValueStore, plan: ImportPlan): ImportResult {
  const result = writeBatch(kv, plan.writes);
  return { imported: result.written, ok: result.ok, problems: result.problems };
}

/** Plans and applies in one go, for scripts and tests that need no confirmation step. */
export function importProgress(kv: KeyValueStore, json: string): ImportResult {
  const planned = planImport(kv, json);
  if (!planned.ok) return { imported: 0, ok: false, problems: [planned.problem] };
  const applied = applyImport(kv, planned.plan);
  return { ...applied, problems: [...planned.plan.skipped, ...applied.problems] };
}

