/**
 * The learner's entries of an assignment in the one device store (src/quiz/trainer/store.ts):
 * which attempts were made on this device, by whom, and the sections ticked as read.
 */
import type { KeyValueStore } from '../../quiz/index.ts';
import { loadReading, loadTakenAttempts, saveReading, saveTakenAttempt, type TakenAttempt } from '../../quiz/trainer/store.ts';
import { writeResult, type WriteResult } from './store.ts';

export type { TakenAttempt } from '../../quiz/trainer/store.ts';

/** Attempts made on this device for an assignment, oldest first; the last is the one shown. */
export function loadTaken(kv: KeyValueStore, assignmentId: string): TakenAttempt[] {
  return loadTakenAttempts(kv, assignmentId).value?.attempts ?? [];
}

export function saveTaken(kv: KeyValueStore, assignmentId: string, attempt: TakenAttempt): WriteResult {
  return writeResult(saveTakenAttempt(kv, assignmentId, attempt));
}

/** Sections the learner ticked as read (`chapter#section`). */
export function loadRead(kv: KeyValueStore, assignmentId: string): Set<string> {
  return new Set(loadReading(kv, assignmentId).value?.read ?? []);
}

export function saveRead(kv: KeyValueStore, assignmentId: string, read: ReadonlySet<string>): WriteResult {
  return writeResult(saveReading(kv, { assignmentId, read: [...read].sort(), updatedAt: Date.now() }));
}
