/**
 * The trainer's view of their entries in the one device store (src/quiz/trainer/store.ts):
 * assignments decoded from their codes, inboxes rebuilt from theirs, with every storage problem
 * put in the words the rest of the site uses. The learner's entries are `learner-store.ts`. Nothing is discarded: a damaged entry stays in its
 * quarantine copy, and the codes in it that still read are recovered.
 */
import type { KeyValueStore, StorageProblem } from '../../quiz/index.ts';
import {
  addCodes,
  decodeAssignment,
  emptyInbox,
  encodeAssignment,
  loadAssignmentCodes,
  loadInboxCodes,
  saveAssignmentCodes,
  saveInboxCodes,
  type AssignmentSpec,
  type Inbox,
} from '../../quiz/trainer/index.ts';
import { describeStorageProblems, writeResult, type WriteResult } from '../../ui/device-store.ts';

/** Fired on `document` when the trainer's saved assignments change; `detail` is the assignment id. */
export const ASSIGNMENTS_CHANGED = 'trainer:assignments-changed';
/** Fired on `document` to open an assignment's results and report; `detail` is the assignment id. */
export const OPEN_REPORT = 'trainer:open-report';
/** Fired on `document` when results were added to an inbox; `detail` is the assignment id. */
export const INBOX_CHANGED = 'trainer:inbox-changed';


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

export interface LoadedInbox {
  inbox: Inbox;
  /** A sentence for the trainer when the stored inbox could not be read as it is, else null. */
  problem: string | null;
}

/**
 * The stored inbox of an assignment, every code checked again. A damaged one is quarantined by
 * the store; every code in its copy that still reads is recovered.
 */
export function loadInbox(kv: KeyValueStore, spec: Pick<AssignmentSpec, 'id'>): LoadedInbox {
  const { value, problem } = loadInboxCodes(kv, spec.id);
  if (value) return { inbox: addCodes(emptyInbox(spec), [JSON.stringify(value.codes)], spec).inbox, problem: null };
  if (!problem) return { inbox: emptyInbox(spec), problem: null };
  const copy = problem.kind === 'corrupted' && problem.quarantinedAs ? kv.getItem(problem.quarantinedAs) : null;
  const salvaged = copy === null ? emptyInbox(spec) : addCodes(emptyInbox(spec), [copy], spec).inbox;
  const found = salvaged.entries.length > 0 ? `已从中找回 ${salvaged.entries.length} 份可读的结果。` : '';
  return { inbox: salvaged, problem: `这份作业保存的收件箱：${problemText(problem).join(' ')}${found}` };
}

export function saveInbox(kv: KeyValueStore, inbox: Inbox): WriteResult {
  return writeResult(saveInboxCodes(kv, { assignmentId: inbox.assignmentId, codes: inbox.entries.map((e) => e.code) }));
}
