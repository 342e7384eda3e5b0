import { describe, expect, it } from 'vitest';
import {
  addCodes,
  assignmentLink,
  codesNotTakenIn,
  emptyInbox,
  encodeResult,
  inboxResults,
  latestAttempts,
  restoreInbox,
  serializeInbox,
  startImport,
} from '../../../src/quiz/trainer/index.ts';
import { sampleAssignment, sampleResult, T0 } from './fixtures.ts';

const assignment = sampleAssignment();
const zhang = sampleResult(assignment.id, '张三', 10, T0 + 3600);
const li = sampleResult(assignment.id, '李四', 10, T0 + 4000);
const wang = sampleResult(assignment.id, '王五', 10, T0 + 4100);
const codeOf = encodeResult;

describe('results inbox, a walkthrough', () => {
  it('accepts codes pasted from a chat, with the chatter around them', () => {
    const pasted = `张三：${codeOf(zhang)}\n\n李四 ${codeOf(li)}，谢谢老师！\r\n  "${codeOf(wang)}"`;
    const { inbox, report } = addCodes(emptyInbox(assignment), pasted, assignment);
    expect(report.map((r) => [r.status, r.learner, r.attempt, r.inRoster])).toEqual([
      ['accepted', '张三', 1, true],
      ['accepted', '李四', 1, true],
      ['accepted', '王五', 1, true],
    ]);
    expect(report[0]!.message).toBe('已收到：张三，自报 6.5/10 分');
    expect(inboxResults(inbox)).toEqual([zhang, li, wang]);
  });

  it('reports duplicates, wrong assignments and damaged codes, and loses nothing', () => {
    const first = addCodes(emptyInbox(assignment), [codeOf(zhang), codeOf(li)], assignment).inbox;
    const before = structuredClone(first);
    const sameAttemptReencoded = { ...zhang, startedAt: zhang.startedAt - 60 };
    const other = sampleResult('zzzzzzzz', '赵六');
    const damaged = codeOf(wang).slice(0, -6);
    const { inbox, report } = addCodes(
      first,
      [codeOf(zhang), codeOf(sameAttemptReencoded), codeOf(other), damaged, codeOf(wang), 'hello'],
      assignment,
    );
    // 'hello' is not a code at all, so it makes no row.
    expect(report.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'wrong-assignment', 'corrupt', 'accepted']);
    expect(report[0]!.message).toBe('重复：这个结果码已经在收件箱里');
    expect(report[1]!.message).toBe('重复：张三同一时间交的卷已经在收件箱里');
    expect(report[2]!.message).toMatch(/^这是另一份作业的结果码/);
    expect(report[3]!.message).toBe('结果码不完整：可能复制时漏掉了一部分');
    expect(report.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(inboxResults(inbox)).toEqual([zhang, li, wang]);
    expect(first).toEqual(before); // the earlier inbox is untouched
    // What the paste box keeps: the codes that could not go in, and nothing else.
    expect(codesNotTakenIn(report)).toEqual([codeOf(other), damaged]);
    expect(codesNotTakenIn(addCodes(first, [damaged, damaged, 'hello', damaged], assignment).report)).toEqual([damaged]);
  });

  it('keeps a resubmission as a new attempt and says the roster uses the latest', () => {
    const start = addCodes(emptyInbox(assignment), codeOf(zhang), assignment).inbox;
    const again = {
      ...zhang,
      submittedAt: zhang.submittedAt + 600,
      startedAt: zhang.submittedAt,
      score: { ...zhang.score, points: 9 },
    };
    const later = addCodes(start, codeOf(again), assignment);
    expect(later.report[0]).toMatchObject({ status: 'accepted', attempt: 2, inRoster: true });
    expect(later.report[0]!.message).toBe('已收到：张三的第 2 次提交，自报 9/10 分；名单按这次（最新一次）计');

    // An older attempt that arrives last is kept, but does not replace the latest.
    const older = { ...zhang, submittedAt: zhang.submittedAt - 600, startedAt: zhang.startedAt - 600 };
    const late = addCodes(later.inbox, codeOf(older), assignment);
    expect(late.report[0]).toMatchObject({ status: 'accepted', attempt: 1, inRoster: false });
    expect(late.report[0]!.message).toMatch(/较早的一次提交（第 1 次）.*名单仍按最新一次计/);
    expect(inboxResults(late.inbox)).toHaveLength(3);
    expect(latestAttempts(inboxResults(late.inbox))).toEqual([{ result: again, attempts: 3 }]);
  });

  it('refuses an assignment link pasted among results', () => {
    const { report } = addCodes(
      emptyInbox(assignment),
      `https://mishu.example.cn${assignmentLink(assignment)}`,
      assignment,
    );
    expect(report).toMatchObject([{ status: 'corrupt', message: '这是作业链接，不是结果码' }]);
  });

  it('reads a JSON results file: an exported inbox, a list of codes, or objects with a code', () => {
    const full = addCodes(emptyInbox(assignment), [codeOf(zhang), codeOf(li)], assignment).inbox;
    const file = serializeInbox(full);
    const imported = addCodes(emptyInbox(assignment), file, assignment);
    expect(imported.report.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(imported.inbox).toEqual(full);
    expect(addCodes(full, file, assignment).report.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    const list = JSON.stringify([{ code: codeOf(wang) }]);
    expect(addCodes(full, list, assignment).report).toMatchObject([{ status: 'accepted', learner: '王五' }]);
    expect(addCodes(full, JSON.stringify([codeOf(wang)]), assignment).report).toMatchObject([{ status: 'accepted' }]);
  });

  it('reports an unreadable results file as one corrupt input', () => {
    const { inbox, report } = addCodes(emptyInbox(assignment), '{"codes": [', assignment);
    expect(report).toMatchObject([
      { status: 'corrupt', message: '无法读取的结果文件：不是有效的 JSON，或其中没有结果码' },
    ]);
    expect(inbox.entries).toEqual([]);
  });

  it('refuses to mix up inboxes', () => {
    expect(() => addCodes(emptyInbox({ id: 'zzzzzzzz' }), codeOf(zhang), assignment)).toThrow(/收件箱属于作业/);
  });
});

describe('a large import, in steps', () => {
  const codes = Array.from({ length: 25 }, (_, i) => codeOf(sampleResult(assignment.id, `学员${i}`, 10, T0 + 100 * i)));

  it('checks a batch at a time, reports progress, and ends as one import would', () => {
    const start = emptyInbox(assignment);
    const run = startImport(start, [codes.join('\n'), '谢谢'], assignment);
    expect([run.total, run.done]).toEqual([25, 0]);
    const progress: number[] = [];
    while (!run.step(10)) progress.push(run.done);
    expect(progress).toEqual([10, 20]);
    expect(run.done).toBe(25);
    expect(run.finish()).toEqual(addCodes(start, [codes.join('\n'), '谢谢'], assignment));
  });

  it('adds nothing when stopped half-way, and refuses to finish early', () => {
    const start = addCodes(emptyInbox(assignment), codeOf(zhang), assignment).inbox;
    const before = structuredClone(start);
    const run = startImport(start, codes.join(' '), assignment);
    run.step(7);
    expect(() => run.finish()).toThrow('导入尚未完成');
    expect(start).toEqual(before);
  });
});

describe('persistence', () => {
  const inbox = addCodes(emptyInbox(assignment), [codeOf(zhang), codeOf(li), codeOf(wang)], assignment).inbox;

  it('saves and restores an inbox, re-checking every code', () => {
    expect(restoreInbox(serializeInbox(inbox), assignment)).toEqual({ ok: true, value: inbox });
    expect(restoreInbox(serializeInbox(emptyInbox(assignment)), assignment)).toEqual({
      ok: true,
      value: emptyInbox(assignment),
    });
  });

  it('refuses a damaged file, or one for another assignment, rather than losing entries', () => {
    expect(restoreInbox('{"format":', assignment)).toEqual({ ok: false, error: '收件箱文件已损坏：不是有效的 JSON' });
    expect(restoreInbox('{"codes":[]}', assignment)).toEqual({ ok: false, error: '这不是本站的收件箱文件' });
    expect(restoreInbox(serializeInbox(inbox), { id: 'zzzzzzzz' })).toEqual({
      ok: false,
      error: '这是另一份作业的收件箱文件',
    });
    const tampered = serializeInbox(inbox).replace(codeOf(li), codeOf(li).slice(0, -4));
    const restored = restoreInbox(tampered, assignment);
    expect(restored).toEqual({
      ok: false,
      error: '收件箱文件中有 1 个结果码无法读取：结果码不完整：可能复制时漏掉了一部分',
    });
  });
});
