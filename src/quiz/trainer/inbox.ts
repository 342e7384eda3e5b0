/**
 * The trainer's results inbox (收件箱): the result codes received for one assignment. Adding codes
 * never loses what is already there; a learner's later resubmission is kept as another attempt and
 * the roster counts the latest one. The inbox persists (and exports) as its list of codes, which
 * are re-checked when read back.
 */
import type { AssignmentSpec } from './assignment.ts';
import type { Result } from './codec.ts';
import { formatPoints } from './format.ts';
import { decodeResult, learnerKey, type ResultCode } from './result.ts';
import { isPlainObject } from './validate.ts';

export interface InboxEntry {
  /** The code as received, so the inbox can be exported and re-checked. */
  code: string;
  result: ResultCode;
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
  /** The start of the input, to show which one is meant. */
  preview: string;
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

/**
 * Adds pasted text to the inbox. Each text may hold codes separated by whitespace or line breaks
 * (or Chinese/ASCII commas and semicolons, as chats produce), links ending in `=<code>`, or a
 * JSON results file (an exported inbox, an array of codes, or objects with a `code`).
 * Returns a new inbox holding every earlier entry plus the accepted ones, and one report row per code.
 */
export function addCodes(
  inbox: Inbox,
  texts: string | readonly string[],
  assignment: Pick<AssignmentSpec, 'id'>,
): { inbox: Inbox; report: InboxReportRow[] } {
  if (inbox.assignmentId !== assignment.id) {
    throw new Error(`收件箱属于作业 ${inbox.assignmentId}，不能用于作业 ${assignment.id}`);
  }
  const entries = [...inbox.entries];
  const codes = new Set(entries.map((e) => e.code));
  const seen = new Set(entries.map((e) => attemptKey(e.result)));
  const report: InboxReportRow[] = [];
  const accepted: { row: InboxReportRow; result: ResultCode }[] = [];

  for (const input of splitInput(typeof texts === 'string' ? [texts] : texts)) {
    const base = {
      index: report.length + 1,
      preview: preview(input.text),
      learner: null,
      attempt: null,
      inRoster: false,
    };
    if (input.kind === 'unreadable-file') {
      report.push({ ...base, status: 'corrupt', message: '无法读取的结果文件：不是有效的 JSON，或其中没有结果码' });
      continue;
    }
    const code = input.text;
    if (codes.has(code)) {
      report.push({ ...base, status: 'duplicate', message: '重复：这个结果码已经在收件箱里' });
      continue;
    }
    const decoded = decodeResult(code, assignment.id);
    if (!decoded.ok) {
      const status = decoded.error.code === 'wrong-assignment' ? 'wrong-assignment' : 'corrupt';
      report.push({ ...base, status, message: decoded.error.message });
      continue;
    }
    const result = decoded.value;
    const key = attemptKey(result);
    if (seen.has(key)) {
      report.push({
        ...base,
        learner: result.learner,
        status: 'duplicate',
        message: `重复：${result.learner}同一时间交的卷已经在收件箱里`,
      });
      continue;
    }
    codes.add(code);
    seen.add(key);
    entries.push({ code, result });
    const row: InboxReportRow = { ...base, learner: result.learner, status: 'accepted', message: '' };
    report.push(row);
    accepted.push({ row, result });
  }

  // Attempt numbers and roster status depend on everything received, so they are filled in last.
  const attempts = attemptsByLearner(entries.map((e) => e.result));
  for (const { row, result } of accepted) {
    const mine = attempts.get(learnerKey(result.learner)) ?? [result];
    const attempt = mine.indexOf(result) + 1;
    const inRoster = mine[mine.length - 1] === result;
    const score = `${formatPoints(result.score.points)}/${formatPoints(result.score.max)} 分`;
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
}

/** Same learner and same submission time: the same attempt, however it was re-encoded. */
function attemptKey(result: ResultCode): string {
  return `${learnerKey(result.learner)}\u0000${result.submittedAt}`;
}

/** Every learner's attempts, oldest first, keyed by `learnerKey`. */
export function attemptsByLearner(results: readonly ResultCode[]): Map<string, ResultCode[]> {
  const byLearner = new Map<string, ResultCode[]>();
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
export function latestAttempts(results: readonly ResultCode[]): { result: ResultCode; attempts: number }[] {
  return [...attemptsByLearner(results).values()].map((list) => ({
    result: list[list.length - 1]!,
    attempts: list.length,
  }));
}

export function inboxResults(inbox: Inbox): ResultCode[] {
  return inbox.entries.map((e) => e.result);
}

type PastedInput = { kind: 'code'; text: string } | { kind: 'unreadable-file'; text: string };

function* splitInput(texts: readonly string[]): Generator<PastedInput> {
  for (const text of texts) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const codes = codesInFile(trimmed);
      if (codes === undefined || codes.length === 0) yield { kind: 'unreadable-file', text: trimmed };
      else for (const code of codes) yield { kind: 'code', text: code.trim() };
      continue;
    }
    for (const token of trimmed.split(/[\s,;，；、]+/)) {
      const code = stripLabel(token);
      // A token with no letter or digit at all (a name, a 谢谢) is chat around the codes, not a code.
      if (/[A-Za-z0-9]/.test(code)) yield { kind: 'code', text: code };
    }
  }
}

/** Drops a label and wrapping punctuation a learner may paste with the code: 结果码：…, "…", 【…】. */
function stripLabel(token: string): string {
  const afterColon = token.replace(/^[^:：]*[:：]/, '');
  return afterColon.replace(/^["'“‘「『【(（<《]+|["'”’」』】)）>》。.!！]+$/g, '');
}

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
    if (typeof item === 'string') codes.push(item);
    else if (isPlainObject(item) && typeof item.code === 'string') codes.push(item.code);
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
