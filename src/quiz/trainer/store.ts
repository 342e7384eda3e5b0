/**
 * What the trainer pages keep on the device, as entries of the one device store (store.ts), so
 * they are versioned, quarantined when damaged, left alone when a newer site wrote them, and
 * carried by the progress export like everything else:
 *
 * - `trainer:assignments`: the trainer's assignments, as their codes, newest first;
 * - `trainer:inbox:<assignment>`: the result codes received for an assignment;
 * - `trainer:taken:<assignment>`: on a learner's device, which attempts were made on it, by whom;
 * - `trainer:read:<assignment>`: on a learner's device, the sections ticked as read.
 *
 * Entries written before the one device store (`{v: 1, codes}` and the inbox file format) are
 * read as they were.
 */
import { lastWriterWins } from '../last-writer-wins.ts';
import { hasFields, isArrayOf, isFields, isNumber, isString } from '../primitives.ts';
import { readEntry, writeEntry } from '../store.ts';
import type { EntryKind, KeyValueStore, ReadResult, SaveResult } from '../store.ts';

const isStrings = isArrayOf(isString);

/** The assignments this trainer made on the device, as codes, newest first. */
export interface SavedAssignmentCodes {
  codes: string[];
  updatedAt: number;
}

export const TRAINER_ASSIGNMENTS: EntryKind<SavedAssignmentCodes> = {
  matches: (name) => name === 'trainer:assignments',
  version: 1,
  guard: (v): v is SavedAssignmentCodes => hasFields(v, { codes: isStrings, updatedAt: isNumber }),
  legacy: (stored) => (isFields(stored) && stored['v'] === 1 && isStrings(stored['codes']) ? { codes: stored['codes'], updatedAt: 0 } : undefined),
  nameOf: () => 'trainer:assignments',
  // Two tabs adding different assignments keep both: the later list first, then what it lacks.
  merge: (stored, incoming) => {
    const [first, second] = incoming.updatedAt >= stored.updatedAt ? [incoming, stored] : [stored, incoming];
    return { codes: [...new Set([...first.codes, ...second.codes])], updatedAt: first.updatedAt };
  },
};

/** The result codes received for one assignment, in the order they came in. */
export interface SavedInbox {
  assignmentId: string;
  codes: string[];
}

export const TRAINER_INBOX: EntryKind<SavedInbox> = {
  matches: (name) => name.startsWith('trainer:inbox:'),
  version: 1,
  guard: (v): v is SavedInbox => hasFields(v, { assignmentId: isString, codes: isStrings }),
  // The inbox file format (`serializeInbox`) was what the page stored before.
  legacy: (stored) =>
    isFields(stored) && stored['format'] === 'mishu-trainer-inbox' && stored['version'] === 1 && isString(stored['assignmentId']) && isStrings(stored['codes'])
      ? { assignmentId: stored['assignmentId'], codes: stored['codes'] }
      : undefined,
  nameOf: (inbox) => `trainer:inbox:${inbox.assignmentId}`,
  merge: (stored, incoming) => ({ assignmentId: stored.assignmentId, codes: [...new Set([...stored.codes, ...incoming.codes])] }),
};

/** An attempt a learner made on this device, on an assignment. */
export interface TakenAttempt {
  /** The engine attempt's id (`saveAttempt`). */
  id: string;
  learner: string;
}

export interface SavedTaken {
  assignmentId: string;
  attempts: TakenAttempt[];
}

const isTaken = (v: unknown): v is TakenAttempt => hasFields(v, { id: isString, learner: isString });

export const TRAINER_TAKEN: EntryKind<SavedTaken> = {
  matches: (name) => name.startsWith('trainer:taken:'),
  version: 1,
  guard: (v): v is SavedTaken => hasFields(v, { assignmentId: isString, attempts: isArrayOf(isTaken) }),
  legacy: (stored, name) =>
    isFields(stored) && stored['v'] === 1 && isArrayOf(isTaken)(stored['attempts']) ? { assignmentId: name.slice('trainer:taken:'.length), attempts: stored['attempts'] } : undefined,
  nameOf: (taken) => `trainer:taken:${taken.assignmentId}`,
  merge: (stored, incoming) => {
    const ids = new Set(stored.attempts.map((a) => a.id));
    return { assignmentId: stored.assignmentId, attempts: [...stored.attempts, ...incoming.attempts.filter((a) => !ids.has(a.id))] };
  },
};

/** Sections (`chapter#section`) a learner ticked as read for an assignment. */
export interface SavedReading {
  assignmentId: string;
  read: string[];
  updatedAt: number;
}

export const TRAINER_READ: EntryKind<SavedReading> = {
  matches: (name) => name.startsWith('trainer:read:'),
  version: 1,
  guard: (v): v is SavedReading => hasFields(v, { assignmentId: isString, read: isStrings, updatedAt: isNumber }),
  legacy: (stored, name) =>
    isFields(stored) && stored['v'] === 1 && isStrings(stored['read']) ? { assignmentId: name.slice('trainer:read:'.length), read: stored['read'], updatedAt: 0 } : undefined,
  nameOf: (reading) => `trainer:read:${reading.assignmentId}`,
  merge: lastWriterWins,
};

/** Every trainer kind, for the progress export. */
export const TRAINER_KINDS = [TRAINER_ASSIGNMENTS, TRAINER_INBOX, TRAINER_TAKEN, TRAINER_READ] as const;


export function loadAssignmentCodes(kv: KeyValueStore): ReadResult<SavedAssignmentCodes> {
  return readEntry(kv, 'trainer:assignments', TRAINER_ASSIGNMENTS);
}

export function saveAssignmentCodes(kv: KeyValueStore, codes: SavedAssignmentCodes): SaveResult<SavedAssignmentCodes> {
  return writeEntry(kv, 'trainer:assignments', TRAINER_ASSIGNMENTS, codes);
}

export function loadInboxCodes(kv: KeyValueStore, assignmentId: string): ReadResult<SavedInbox> {
  return readEntry(kv, `trainer:inbox:${assignmentId}`, TRAINER_INBOX);
}

export function saveInboxCodes(kv: KeyValueStore, inbox: SavedInbox): SaveResult<SavedInbox> {
  return writeEntry(kv, TRAINER_INBOX.nameOf(inbox), TRAINER_INBOX, inbox);
}

export function loadTakenAttempts(kv: KeyValueStore, assignmentId: string): ReadResult<SavedTaken> {
  return readEntry(kv, `trainer:taken:${assignmentId}`, TRAINER_TAKEN);
}

export function saveTakenAttempt(kv: KeyValueStore, assignmentId: string, attempt: TakenAttempt): SaveResult<SavedTaken> {
  return writeEntry(kv, `trainer:taken:${assignmentId}`, TRAINER_TAKEN, { assignmentId, attempts: [attempt] });
}

export function loadReading(kv: KeyValueStore, assignmentId: string): ReadResult<SavedReading> {
  return readEntry(kv, `trainer:read:${assignmentId}`, TRAINER_READ);
}

export function saveReading(kv: KeyValueStore, reading: SavedReading): SaveResult<SavedReading> {
  return writeEntry(kv, TRAINER_READ.nameOf(reading), TRAINER_READ, reading);
}
