/**
 * The one way anything is kept on the device: a key-value store (localStorage in the browser, a Map
 * in tests) holding entries under `mishu:<name>`, each wrapped in a versioned envelope `{v, data}`.
 *
 * - Read back, an entry is migrated to the current version and checked by its guard.
 * - A corrupted entry is copied to a `quarantine:` key and reported; the rest still loads. Nothing
 *   the learner wrote is ever deleted by the engine.
 * - An entry written by a newer site version is left alone and reported, never overwritten.
 * - Every write merges with what is stored, so two tabs lose nothing.
 * - A full store (QuotaExceededError) is a result to show, not an exception. A batch of writes
 *   (an import) is all or nothing: if one write fails, the ones before it are undone.
 *
 * Each kind of entry is an `EntryKind`, defined next to the data it stores (entries.ts, trainer/
 * store.ts), so a page only bundles the kinds it uses.
 */
import { isCount, isFields } from './primitives.ts';

/**
 * The part of `Storage` the engine needs; the UI adapts localStorage to it. `removeItem` is there
 * for rolling back a failed batch and for the UI's own "clear" actions: the engine never deletes
 * an entry it did not just write.
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

export type StorageProblem =
  /** Unreadable or invalid; the original text was copied to `quarantinedAs` (null if even that failed). */
  | { kind: 'corrupted'; key: string; reason: string; quarantinedAs: string | null }
  /** Written by a newer version of the site; left alone rather than overwritten. */
  | { kind: 'newer-version'; key: string; version: number }
  /** The store is full: what is there still reads, but this write did not happen. */
  | { kind: 'quota-exceeded'; key: string }
  /** The store threw something else (storage disabled, private mode). */
  | { kind: 'unavailable'; key: string; message: string }
  /** An import document or one of its entries could not be used; `key` null means the whole file. */
  | { kind: 'invalid-import'; key: string | null; reason: string }
  /** An import file bigger than the store could ever hold (`chars` against `limit`); not read at all. */
  | { kind: 'too-large'; key: null; chars: number; limit: number };

export type SaveResult<T> = { ok: true; saved: T; problems: StorageProblem[] } | { ok: false; problems: StorageProblem[] };

export interface ReadResult<T> {
  value: T | null;
  problem: StorageProblem | null;
}

/** How one kind of entry is stored. */
export interface EntryKind<T> {
  /** Names this kind owns: `review`, or a prefix such as `attempt:` for one entry per id. */
  matches: (name: string) => boolean;
  version: number;
  guard: (data: unknown) => data is T;
  /** `migrations[v]` turns valid version-v data into version v + 1, or returns undefined when it is not valid. */
  migrations?: Readonly<Record<number, (data: unknown) => unknown>>;
  /** Reads an entry written before envelopes existed (no `{v, data}`) under `name`, or undefined. */
  legacy?: (stored: unknown, name: string) => T | undefined;
  /** The entry name the value belongs under, so a record copied to the wrong key is caught. */
  nameOf: (value: T) => string;
  merge: (stored: T, incoming: T) => T;
}

/** A named, versioned entry as it is stored and exported. */
export interface Envelope {
  v: number;
  data: unknown;
}

type Decoded<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'corrupted'; reason: string }
  | { ok: false; kind: 'newer-version'; version: number };

/** Brings an envelope `{v, data}` up to the current version and checks it. */
export function decodeEnvelope<T>(kind: EntryKind<T>, name: string, envelope: unknown): Decoded<T> {
  if (!isFields(envelope) || !isCount(envelope['v']) || !('data' in envelope)) {
    const legacy = kind.legacy?.(envelope, name);
    if (legacy !== undefined && kind.nameOf(legacy) === name) return { ok: true, value: legacy };
    // A newer site may also have changed the shape: its version number is enough to leave it alone.
    if (isFields(envelope) && isCount(envelope['v']) && envelope['v'] > kind.version) return { ok: false, kind: 'newer-version', version: envelope['v'] };
    return { ok: false, kind: 'corrupted', reason: '缺少版本信息 {v, data}' };
  }
  const version = envelope['v'];
  if (version > kind.version) return { ok: false, kind: 'newer-version', version };
  let data: unknown = envelope['data'];
  for (let v = version; v < kind.version; v++) {
    const migrate = kind.migrations?.[v];
    data = migrate ? migrate(data) : undefined;
    if (data === undefined) return { ok: false, kind: 'corrupted', reason: `无法从第 ${v} 版升级` };
  }
  if (!kind.guard(data)) return { ok: false, kind: 'corrupted', reason: `不符合第 ${kind.version} 版格式` };
  if (kind.nameOf(data) !== name) return { ok: false, kind: 'corrupted', reason: '内容与键名不符' };
  return { ok: true, value: data };
}

function decode<T>(kind: EntryKind<T>, name: string, raw: string): Decoded<T> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return { ok: false, kind: 'corrupted', reason: '不是有效的 JSON' };
  }
  return decodeEnvelope(kind, name, envelope);
}

/** Browsers signal a full store differently: Chrome and Safari by name or code 22, old Firefox by 1014. */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function failure(key: string, error: unknown): StorageProblem {
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

/** One entry, migrated and checked; a corrupted one is quarantined and reported. */
export function readEntry<T>(kv: KeyValueStore, name: string, kind: EntryKind<T>): ReadResult<T> {
  const key = STORAGE_PREFIX + name;
  let raw: string | null;
  try {
    raw = kv.getItem(key);
  } catch (error) {
    return { value: null, problem: failure(key, error) };
  }
  if (raw === null) return { value: null, problem: null };
  const decoded = decode(kind, name, raw);
  if (decoded.ok) return { value: decoded.value, problem: null };
  if (decoded.kind === 'newer-version') return { value: null, problem: { kind: 'newer-version', key, version: decoded.version } };
  return { value: null, problem: { kind: 'corrupted', key, reason: decoded.reason, quarantinedAs: quarantine(kv, name, raw) } };
}

/** What writing `value` under `name` would store, merged with what is there; null when it must not be written. */
function prepare<T>(kv: KeyValueStore, name: string, kind: EntryKind<T>, value: T): { saved: T | null; problems: StorageProblem[] } {
  const stored = readEntry(kv, name, kind);
  const problems = stored.problem ? [stored.problem] : [];
  // Never overwrite what a newer site version wrote, nor an entry we could not copy to quarantine.
  if (stored.problem?.kind === 'newer-version' || stored.problem?.kind === 'unavailable') return { saved: null, problems };
  if (stored.problem?.kind === 'corrupted' && stored.problem.quarantinedAs === null) return { saved: null, problems };
  return { saved: stored.value === null ? value : kind.merge(stored.value, value), problems };
}

/** An entry as it is stored: its value in the current version's envelope. */
export function serialise<T>(kind: EntryKind<T>, value: T): string {
  return JSON.stringify({ v: kind.version, data: value });
}

/** Merges `value` into what is stored under `name` and writes the result. */
export function writeEntry<T>(kv: KeyValueStore, name: string, kind: EntryKind<T>, value: T): SaveResult<T> {
  const { saved, problems } = prepare(kv, name, kind, value);
  if (saved === null) return { ok: false, problems };
  try {
    kv.setItem(STORAGE_PREFIX + name, serialise(kind, saved));
  } catch (error) {
    return { ok: false, problems: [...problems, failure(STORAGE_PREFIX + name, error)] };
  }
  return { ok: true, saved, problems };
}

/** One write of a batch: an entry name, its kind and the value to merge in. */
export interface BatchWrite {
  name: string;
  kind: EntryKind<unknown>;
  value: unknown;
}

/**
 * Writes every entry of the batch or none: on the first failed write, every entry written so far
 * is put back as it was, so a full store is never left half-filled by an import.
 */
export function writeBatch(kv: KeyValueStore, writes: readonly BatchWrite[]): { ok: boolean; written: number; problems: StorageProblem[] } {
  const undo: { key: string; before: string | null }[] = [];
  const problems: StorageProblem[] = [];
  const rollBack = () => {
    for (const { key, before } of undo.reverse()) {
      try {
        if (before === null) kv.removeItem(key);
        else kv.setItem(key, before);
      } catch {
        // Putting back the old text frees at least as much room as the new text took.
      }
    }
  };
  for (const { name, kind, value } of writes) {
    const key = STORAGE_PREFIX + name;
    const { saved, problems: found } = prepare(kv, name, kind, value);
    problems.push(...found);
    if (saved === null) {
      rollBack();
      return { ok: false, written: 0, problems };
    }
    let before: string | null;
    try {
      before = kv.getItem(key);
      kv.setItem(key, serialise(kind, saved));
    } catch (error) {
      problems.push(failure(key, error));
      rollBack();
      return { ok: false, written: 0, problems };
    }
    undo.push({ key, before });
  }
  return { ok: true, written: writes.length, problems };
}

/** Names of our entries in the store (prefix removed, quarantine copies left out), sorted. */
export function entryNames(kv: KeyValueStore): { names: string[]; keys: string[]; problems: StorageProblem[] } {
  let keys: string[];
  try {
    keys = kv.keys();
  } catch (error) {
    return { names: [], keys: [], problems: [failure(STORAGE_PREFIX, error)] };
  }
  const names = keys
    .filter((key) => key.startsWith(STORAGE_PREFIX))
    .map((key) => key.slice(STORAGE_PREFIX.length))
    .filter((name) => !name.startsWith(QUARANTINE))
    .sort();
  return { names, keys, problems: [] };
}

/** Characters the store holds for us (keys and values), the measure browsers' quotas count. */
export function storedSize(kv: KeyValueStore): number {
  let size = 0;
  try {
    for (const key of kv.keys()) size += key.length + (kv.getItem(key)?.length ?? 0);
  } catch {
    return 0;
  }
  return size;
}

