import { describe, expect, it } from 'vitest';
import { addCodes, emptyInbox, encodeAssignment, encodeResult, inboxResults } from '../../../src/quiz/trainer/index.ts';
import {
  inboxKey,
  loadAssignments,
  loadInbox,
  loadRead,
  loadTaken,
  saveAssignment,
  saveInbox,
  saveRead,
  saveTaken,
  TRAINER_PREFIX,
} from '../../../src/scripts/trainer-store.ts';
import { MemoryStore } from '../quiz/fixtures.ts';
import { sampleAssignment, sampleResult, T0 } from '../trainer/fixtures.ts';

const first = sampleAssignment({ title: '第一份' });
const second = { ...sampleAssignment({ title: '第二份' }), id: 'abcdefgh' };

describe('the trainer’s assignments on the device', () => {
  it('keeps them newest first, and a saved one again moves to the top without a copy', () => {
    const kv = new MemoryStore();
    expect(saveAssignment(kv, first)).toEqual({ ok: true });
    saveAssignment(kv, second);
    expect(loadAssignments(kv).specs.map((s) => s.title)).toEqual(['第二份', '第一份']);
    saveAssignment(kv, first);
    expect(loadAssignments(kv)).toEqual({ specs: [first, second], problems: [] });
  });

  it('keeps a code it cannot read, and says so', () => {
    const kv = new MemoryStore();
    kv.setItem(`${TRAINER_PREFIX}assignments`, JSON.stringify({ v: 1, codes: [encodeAssignment(first).slice(0, -5)] }));
    const loaded = loadAssignments(kv);
    expect(loaded.specs).toEqual([]);
    expect(loaded.problems[0]).toContain('不完整');
    saveAssignment(kv, second);
    expect(JSON.parse(kv.getItem(`${TRAINER_PREFIX}assignments`)!).codes).toHaveLength(2);
  });

  it('backs up a damaged list before writing a new one', () => {
    const kv = new MemoryStore();
    kv.setItem(`${TRAINER_PREFIX}assignments`, '{oops');
    expect(loadAssignments(kv).problems).toHaveLength(1);
    expect(saveAssignment(kv, first)).toEqual({ ok: true });
    expect(kv.getItem(`${TRAINER_PREFIX}assignments:backup-1`)).toBe('{oops');
    expect(loadAssignments(kv).specs).toEqual([first]);
  });

  it('reports a full store instead of throwing', () => {
    const kv = new MemoryStore();
    kv.quotaChars = 10;
    const saved = saveAssignment(kv, first);
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.message).toContain('存储空间可能已满');
  });
});

describe('results inboxes on the device', () => {
  const zhang = encodeResult(sampleResult(first.id, '张三', 10, T0 + 3600));
  const li = encodeResult(sampleResult(first.id, '李四', 10, T0 + 3700));

  it('round-trips an inbox, one per assignment', () => {
    const kv = new MemoryStore();
    const inbox = addCodes(emptyInbox(first), [zhang, li], first).inbox;
    saveInbox(kv, inbox);
    expect(loadInbox(kv, first)).toEqual({ inbox, problem: null });
    expect(loadInbox(kv, second)).toEqual({ inbox: emptyInbox(second), problem: null });
  });

  it('recovers the codes that still read from a damaged inbox, and backs the original up', () => {
    const kv = new MemoryStore();
    const damaged = JSON.stringify({ format: 'mishu-trainer-inbox', version: 1, assignmentId: first.id, codes: [zhang, li.slice(0, -4)] });
    kv.setItem(inboxKey(first.id), damaged);
    const loaded = loadInbox(kv, first);
    expect(inboxResults(loaded.inbox).map((r) => r.learner)).toEqual(['张三']);
    expect(loaded.problem).toContain('已找回 1 份');
    expect(kv.getItem(`${inboxKey(first.id)}:backup-1`)).toBe(damaged);
    // Reading it again does not make a second backup of the same text.
    loadInbox(kv, first);
    expect(kv.getItem(`${inboxKey(first.id)}:backup-2`)).toBeNull();
  });
});

describe('on the learner’s device', () => {
  it('lists the attempts made on an assignment, the latest last', () => {
    const kv = new MemoryStore();
    expect(loadTaken(kv, first.id)).toEqual([]);
    saveTaken(kv, first.id, { id: 'a1', learner: '张三' });
    saveTaken(kv, first.id, { id: 'a2', learner: '李四' });
    saveTaken(kv, first.id, { id: 'a1', learner: '张三' });
    expect(loadTaken(kv, first.id).map((t) => t.id)).toEqual(['a2', 'a1']);
    expect(loadTaken(kv, second.id)).toEqual([]);
  });

  it('remembers the sections ticked as read', () => {
    const kv = new MemoryStore();
    saveRead(kv, first.id, new Set(['meetings#venue', 'meetings#plan']));
    expect(loadRead(kv, first.id)).toEqual(new Set(['meetings#plan', 'meetings#venue']));
    kv.setItem(`${TRAINER_PREFIX}read:${second.id}`, 'not json');
    expect(loadRead(kv, second.id)).toEqual(new Set());
  });
});

describe('entries written by a newer version of the site', () => {
  const newerAssignments = JSON.stringify({ v: 2, codes: [encodeAssignment(first)], folders: [] });
  const newerInbox = JSON.stringify({ format: 'mishu-trainer-inbox', version: 2, assignmentId: first.id, codes: [], notes: {} });

  it('leaves the assignment list alone, says so, and never writes over it', () => {
    const kv = new MemoryStore();
    kv.setItem(`${TRAINER_PREFIX}assignments`, newerAssignments);
    expect(loadAssignments(kv)).toEqual({ specs: [], problems: ['本设备上的作业列表是新版网站写入的，本页面不会改动它。请刷新页面以加载最新版本。'] });
    const saved = saveAssignment(kv, second);
    expect(saved).toEqual({ ok: false, message: '作业列表是新版网站写入的，本页面不会改动它。请刷新页面以加载最新版本。这次没有保存。' });
    expect(kv.getItem(`${TRAINER_PREFIX}assignments`)).toBe(newerAssignments);
    // Not mistaken for damage: nothing is backed up as if it were.
    expect(kv.getItem(`${TRAINER_PREFIX}assignments:backup-1`)).toBeNull();
  });

  it('leaves an inbox alone, says so, and never writes over it', () => {
    const kv = new MemoryStore();
    kv.setItem(inboxKey(first.id), newerInbox);
    const loaded = loadInbox(kv, first);
    expect(loaded.inbox).toEqual(emptyInbox(first));
    expect(loaded.problem).toMatch(/^这份作业保存的收件箱是新版网站写入的，本页面不会改动它/);
    const inbox = addCodes(emptyInbox(first), [encodeResult(sampleResult(first.id))], first).inbox;
    expect(saveInbox(kv, inbox)).toMatchObject({ ok: false, message: expect.stringContaining('这次没有保存') });
    expect(kv.getItem(inboxKey(first.id))).toBe(newerInbox);
    expect(kv.getItem(`${inboxKey(first.id)}:backup-1`)).toBeNull();
  });

  it('leaves a learner’s attempt list and reading list alone too', () => {
    const kv = new MemoryStore();
    const taken = JSON.stringify({ v: 3, attempts: [{ id: 'a1', learner: '张三', device: 'x' }] });
    const read = JSON.stringify({ v: 2, read: { 'meetings#plan': 1 } });
    kv.setItem(`${TRAINER_PREFIX}taken:${first.id}`, taken);
    kv.setItem(`${TRAINER_PREFIX}read:${first.id}`, read);
    expect(loadTaken(kv, first.id)).toEqual([]);
    expect(saveTaken(kv, first.id, { id: 'a2', learner: '李四' }).ok).toBe(false);
    expect(loadRead(kv, first.id)).toEqual(new Set());
    expect(saveRead(kv, first.id, new Set(['meetings#venue'])).ok).toBe(false);
    expect(kv.getItem(`${TRAINER_PREFIX}taken:${first.id}`)).toBe(taken);
    expect(kv.getItem(`${TRAINER_PREFIX}read:${first.id}`)).toBe(read);
  });

  it('still backs up and replaces an entry of this version that is damaged', () => {
    const kv = new MemoryStore();
    kv.setItem(`${TRAINER_PREFIX}assignments`, JSON.stringify({ v: 1, codes: 'not a list' }));
    expect(saveAssignment(kv, first)).toEqual({ ok: true });
    expect(kv.getItem(`${TRAINER_PREFIX}assignments:backup-1`)).toBe(JSON.stringify({ v: 1, codes: 'not a list' }));
  });
});
