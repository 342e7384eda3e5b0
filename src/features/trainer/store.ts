/**
 * The trainer's view of their entries in the one device store (src/quiz/trainer/store.ts):
 * assignments decoded from their codes, inboxes rebuilt from theirs, with every storage problem
 * put in the words the rest of the site uses. The inboxes are `inbox-store.ts` (loaded with the
 * inbox), the learner's entries `learner-store.ts`. Nothing is discarded: a damaged entry stays in its
 * quarantine copy, and the codes in it that still read are recovered.
 */
import type { KeyValueStore, StorageProblem } from '../../quiz/index.ts';
import { decodeAssignment, encodeAssignment, loadAssignmentCodes, loadInboxCodes, saveAssignmentCodes, type AssignmentSpec } from '../../quiz/trainer/index.ts';
import { describeStorageProblems } from '../../ui/device-store.ts';

/** Fired on `document` when the trainer's saved assignments change; `detail` is the assignment id. */
export const ASSIGNMENTS_CHANGED = 'trainer:assignments-changed';
/** Fired on `document` to open an assignment's results and report; `detail` is the assignment id. */
export const OPEN_REPORT = 'trainer:open-report';
/** Fired on `document` when results were added to an inbox; `detail` is the assignment id. */
export const INBOX_CHANGED = 'trainer:inbox-changed';


/** A save as a page reports it: done, or the sentence that says why not. */
export type WriteResult = { ok: true } | { ok: false; message: string };

export function writeResult(result: { ok: boolean; problems: readonly StorageProblem[] }): WriteResult {
  return result.ok ? { ok: true } : { ok: false, message: describeStorageProblems(result.problems).join(' ') };
}

const problemText = (problem: StorageProblem | null) => (problem ? describeStorageProblems([problem]) : []);

export interface SavedAssignments {
  /** Newest first. */
  specs: AssignmentSpec[];
  /** Sentences for the trainer about entries that could not be read (they stay stored). */
  problems: string[];
}

export function loadAssignments(kv: KeyValueStore): SavedAssignments {
  const { value, problem } = loadAssignmentCodes(kv);
  const specs: AssignmentSpec[] = [];
  const problems = problemText(problem);
  for (const code of value?.codes ?? []) {
    const decoded = decodeAssignment(code);
    if (decoded.ok) specs.push(decoded.value);
    else problems.push(`有一份保存的作业无法读取（${decoded.error.message}），它仍保留在本设备上。`);
  }
  return { specs, problems };
}

/** Adds (or moves to the top) an assignment; codes that could not be read stay in the list. */
export function saveAssignment(kv: KeyValueStore, spec: AssignmentSpec): WriteResult {
  const code = encodeAssignment(spec);
  const stored = loadAssignmentCodes(kv).value?.codes ?? [];
  const others = stored.filter((c) => {
    const decoded = decodeAssignment(c);
    return !(decoded.ok && decoded.value.id === spec.id);
  });
  return writeResult(saveAssignmentCodes(kv, { codes: [code, ...others], updatedAt: Date.now() }));
}

/** How many results the inbox of an assignment holds, without reading them (the list shows it). */
export function receivedCount(kv: KeyValueStore, assignmentId: string): number {
  return loadInboxCodes(kv, assignmentId).value?.codes.length ?? 0;
}
