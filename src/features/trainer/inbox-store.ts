/**
 * The results inbox of an assignment in the one device store (src/quiz/trainer/store.ts), every
 * code checked again on loading. Loaded with the inbox and report, not with the trainer's page.
 */
import type { KeyValueStore } from '../../quiz/index.ts';
import { addCodes, emptyInbox, loadInboxCodes, saveInboxCodes, type AssignmentSpec, type Inbox } from '../../quiz/trainer/index.ts';
import { describeStorageProblem } from '../../ui/device-store.ts';
import { writeResult, type WriteResult } from './store.ts';

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
  return { inbox: salvaged, problem: `这份作业保存的收件箱：${describeStorageProblem(problem)}${found}` };
}

export function saveInbox(kv: KeyValueStore, inbox: Inbox): WriteResult {
  return writeResult(saveInboxCodes(kv, { assignmentId: inbox.assignmentId, codes: inbox.entries.map((e) => e.code) }));
}
