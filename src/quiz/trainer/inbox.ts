/**
 * The trainer's results inbox (收件箱): the result codes received for one assignment. Adding codes
 * never loses what is already there; a learner's later resubmission is kept as another attempt and
 * the roster counts the latest one. The inbox persists (and exports) as its list of codes, which
 * are re-checked when read back.
 */
import type { AssignmentSpec } from './assignment.ts';
import { findCodes, looksLikeCode, type Result } from './codec.ts';
import { formatPoints } from '../format.ts';
import { decodeResult, isWrittenResult, type AnyResultCode } from './result.ts';
import { isPlainObject, learnerKey } from './validate.ts';

export interface InboxEntry {
  /** The code as received, so the inbox can be exported and re-checked. */
  code: string;
  result: AnyResultCode;
}

export interface Inbox {
  assignmentId: string;
  /** In the order received. */
  entries: readonly InboxEntry[];
}

export type InboxStatus = 'accepted' | 'duplicate' | 'wrong-assignment' | 'corrupt';

/** One row of the report `addCodes` gives back: one per code found in the pasted text. */
export interface InboxReportRow {
  /** 1-based, in the order the codes were found. */
  index: number;
  /** Which of the texts given it was found in, 0-based. */
  source: number;
  /** The start of the input, to show which one is meant. */
  preview: string;
  /** The code as found, so a page can give back the ones not taken in; null for a file's row. */
  code: string | null;
  status: InboxStatus;
  /** A sentence for the trainer, in Chinese. */
  message: string;
  /** The learner, when the code could be read. */
  learner: string | null;
  /** For an accepted code: which of the learner's attempts it is, by submission time (1-based). */
  attempt: number | null;
  /** For an accepted code: whether the roster now counts this attempt (it is the learner's latest). */
  inRoster: boolean;
}

export function emptyInbox(assignment: Pick<AssignmentSpec, 'id'>): Inbox {
  return { assignmentId: assignment.id, entries: [] };
}

/** The file format written by `serializeInbox`; `addCodes` also reads it as a results file. */
export const INBOX_FILE_FORMAT = 'mishu-trainer-inbox';

interface InboxFile {
  format: typeof INBOX_FILE_FORMAT;
  version: 1;
  assignmentId: string;
  codes: string[];
}

/** An import under way: the codes found in the input, checked a batch at a time. */
export interface InboxImport {
  /** How many rows the import will report: one per code found, one per unreadable file. */
  readonly total: number;
  /** How many of them have been checked. */
  readonly done: number;
  /**
   * Checks up to `count` more codes; true once all are checked. Nothing is added to any inbox
   * until `finish`, so an import stopped half-way leaves nothing behind.
   */
  step(count: number): boolean;
  /** The new inbox (every earlier entry plus the accepted ones) and one report row per code. */
  finish(): { inbox: Inbox; report: InboxReportRow[] };
}

/**
 * Starts adding pasted text or files to the inbox. A text may be chat, with codes anywhere in it
 * (bare, labelled, in quotes or brackets, in links ending in `=<code>`): only what looks like a
 * code is taken (`findCodes`). A text that is JSON is a results file: an exported inbox, an array
 * of codes, or objects with a `code`. The caller checks the codes in steps (`step`), so that a
 * page can stay responsive and show progress, then takes the result (`finish`).
 */
export function startImport(inbox: Inbox, texts: string | readonly string[], assignment: Pick<AssignmentSpec, 'id'>): InboxImport {
  if (inbox.assignmentId !== assignment.id) {
    throw new Error(`收件箱属于作业 ${inbox.assignmentId}，不能用于作业 ${assignment.id}`);
  }
  const inputs = splitInput(typeof texts === 'string' ? [texts] : texts);
  const entries = [...inbox.entries];
  const codes = new Set(entries.map((e) => e.code));
  const seen = new Set(entries.map((e) => attemptKey(e.result)));
  const report: InboxReportRow[] = [];
  const accepted: { row: InboxReportRow; result: AnyResultCode }[] = [];

  const check = (input: PastedInput): void => {
    const base = { index: report.length + 1, source: input.source, preview: preview(input.text), code: input.code, learner: null, attempt: null, inRoster: false };
    if (input.code === null) {
      report.push({ ...base, status: 'corrupt', message: input.problem });
      return;
    }
    const code = input.code;
    if (codes.has(code)) {
      report.push({ ...base, status: 'duplicate', message: '重复：这个结果码已经在收件箱里' });
      return;
    }
    const decoded = decodeResult(code, assignment.id);
    if (!decoded.ok) {
      const status = decoded.error.code === 'wrong-assignment' ? 'wrong-assignment' : 'corrupt';
      report.push({ ...base, status, message: decoded.error.message });
      return;
    }
    const result = decoded.value;
    const key = attemptKey(result);
    if (seen.has(key)) {
      report.push({ ...base, learner: result.learner, status: 'duplicate', message: `重复：${result.learner}同一时间交的卷已经在收件箱里` });
      return;
    }
    codes.add(code);
    seen.add(key);
    entries.push({ code, result });
    const row: InboxReportRow = { ...base, learner: result.learner, status: 'accepted', message: '' };
    report.push(row);
    accepted.push({ row, result });
  };

  let done = 0;
  return {
    total: inputs.length,
    get done() {
      return done;
    },
    step(count) {
      const end = Math.min(inputs.length, done + Math.max(0, count));
      for (; done < end; done++) check(inputs[done]!);
      return done === inputs.length;
    },
    finish() {
      if (done < inputs.length) throw new Error('导入尚未完成');
      // Attempt numbers and roster status depend on everything received, so they are filled in last.
      const attempts = attemptsByLearner(entries.map((e) => e.result));
      for (const { row, result } of accepted) {
        const mine = attempts.get(learnerKey(result.learner)) ?? [result];
        const attempt = mine.indexOf(result) + 1;
        const inRoster = mine[mine.length - 1] === result;
        // A written paper's score is the learner's own marking (自评), not merely a claim to check.
        const score = `${isWrittenResult(result) ? '自评' : '自报'} ${formatPoints(result.score.points)}/${formatPoints(result.score.max)} 分`;
        row.attempt = attempt;
        row.inRoster = inRoster;
        row.message =
          mine.length === 1
            ? `已收到：${result.learner}，${score}`
            : inRoster
              ? `已收到：${result.learner}的第 ${attempt} 次提交，${score}；名单按这次（最新一次）计`
              : `已收到：${result.learner}较早的一次提交（第 ${attempt} 次），${score}；名单仍按最新一次计`;
      }
      return { inbox: { assignmentId: inbox.assignmentId, entries }, report };
    },
  };
}

/** Adds pasted text or files to the inbox in one go: `startImport` run to the end. */
export function addCodes(
  inbox: Inbox,
  texts: string | readonly string[],
  assignment: Pick<AssignmentSpec, 'id'>,
): { inbox: Inbox; report: InboxReportRow[] } {
  const run = startImport(inbox, texts, assignment);
  run.step(run.total);
  return run.finish();
}

/**
 * The codes an import did not take in because they could not be read or belong to another
 * assignment, each once, in order: what a page leaves in the paste box for the trainer to fix.
 */
export function codesNotTakenIn(report: readonly InboxReportRow[]): string[] {
  const codes = report.filter((row) => row.status === 'corrupt' || row.status === 'wrong-assignment').map((row) => row.code);
  return [...new Set(codes.filter((code) => code !== null))];
}

/** Same learner and same submission time: the same attempt, however it was re-encoded. */
function attemptKey(result: AnyResultCode): string {
  return `${learnerKey(result.learner)}\u0000${result.submittedAt}`;
}

/** Every learner's attempts, oldest first, keyed by `learnerKey`. */
export function attemptsByLearner(results: readonly AnyResultCode[]): Map<string, AnyResultCode[]> {
  const byLearner = new Map<string, AnyResultCode[]>();
  for (const result of results) {
    const key = learnerKey(result.learner);
    const list = byLearner.get(key);
    if (list) list.push(result);
    else byLearner.set(key, [result]);
  }
  for (const list of byLearner.values()) list.sort((a, b) => a.submittedAt - b.submittedAt);
  return byLearner;
}

/** The attempt the roster counts for each learner (the latest), with how many they made. */
export function latestAttempts(results: readonly AnyResultCode[]): { result: AnyResultCode; attempts: number }[] {
  return [...attemptsByLearner(results).values()].map((list) => ({
    result: list[list.length - 1]!,
    attempts: list.length,
  }));
}

export function inboxResults(inbox: Inbox): AnyResultCode[] {
  return inbox.entries.map((e) => e.result);
}

/** A code found in the input, or a part of the input that is reported without being a code. */
type PastedInput = { source: number; text: string } & ({ code: string } | { code: null; problem: string });

function splitInput(texts: readonly string[]): PastedInput[] {
  const inputs: PastedInput[] = [];
  for (const [source, text] of texts.entries()) {
    const trimmed = text.trim();
    const file = trimmed.startsWith('{') || trimmed.startsWith('[') ? codesInFile(trimmed) : undefined;
    if (file !== undefined) {
      // A results file lists codes on purpose: each is reported, but junk in it makes one row, not thousands.
      const listed = file.filter(looksLikeCode);
      for (const code of listed) inputs.push({ source, text: code, code });
      if (listed.length < file.length) {
        inputs.push({ source, text: trimmed, code: null, problem: `结果文件中有 ${file.length - listed.length} 项不是结果码，已忽略` });
      }
      continue;
    }
    const found = findCodes(trimmed);
    // Chat that starts with 【 or [ is still chat; only input that was meant as a file and holds nothing is reported.
    if (found.length === 0 && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
      inputs.push({ source, text: trimmed, code: null, problem: '无法读取的结果文件：不是有效的 JSON，或其中没有结果码' });
    }
    for (const code of found) inputs.push({ source, text: code, code });
  }
  return inputs;
}

/** The codes a JSON results file lists, trimmed; undefined when it is not such a file. */
function codesInFile(text: string): string[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const list = isPlainObject(data) && Array.isArray(data.codes) ? data.codes : Array.isArray(data) ? data : [data];
  const codes: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') codes.push(item.trim());
    else if (isPlainObject(item) && typeof item.code === 'string') codes.push(item.code.trim());
    else return undefined;
  }
  return codes;
}

function preview(text: string): string {
  const chars = [...text];
  return chars.length > 24 ? `${chars.slice(0, 12).join('')}…${chars.slice(-8).join('')}` : text;
}

/** The inbox as a JSON file, for local storage or to hand to a colleague. */
export function serializeInbox(inbox: Inbox): string {
  const file: InboxFile = {
    format: INBOX_FILE_FORMAT,
    version: 1,
    assignmentId: inbox.assignmentId,
    codes: inbox.entries.map((e) => e.code),
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Reads back a saved inbox, re-checking every code. A file for another assignment or a damaged
 * code is an error rather than a silent loss: the caller keeps the file and can show why.
 */
export function restoreInbox(text: string, assignment: Pick<AssignmentSpec, 'id'>): Result<Inbox, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: '收件箱文件已损坏：不是有效的 JSON' };
  }
  if (!isPlainObject(data) || data.format !== INBOX_FILE_FORMAT || data.version !== 1 || !Array.isArray(data.codes)) {
    return { ok: false, error: '这不是本站的收件箱文件' };
  }
  if (data.assignmentId !== assignment.id) return { ok: false, error: '这是另一份作业的收件箱文件' };
  if (data.codes.length === 0) return { ok: true, value: emptyInbox(assignment) };
  const { inbox, report } = addCodes(emptyInbox(assignment), [JSON.stringify(data.codes)], assignment);
  const bad = report.filter((row) => row.status !== 'accepted');
  if (bad.length > 0) {
    return { ok: false, error: `收件箱文件中有 ${bad.length} 个结果码无法读取：${bad[0]!.message}` };
  }
  return { ok: true, value: inbox };
}
