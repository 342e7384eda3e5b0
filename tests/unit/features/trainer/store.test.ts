import { describe, expect, it } from 'vitest';
import { addCodes, emptyInbox, encodeAssignment, encodeResult, inboxResults } from '../../../../src/quiz/trainer/index.ts';
import { loadRead, loadTaken, saveRead, saveTaken } from '../../../../src/features/trainer/learner-store.ts';
import { loadInbox, saveInbox } from '../../../../src/features/trainer/inbox-store.ts';
import { loadAssignments, receivedCount, saveAssignment } from '../../../../src/features/trainer/store.ts';
import { MemoryStore } from '../../quiz/fixtures.ts';
import { sampleAssignment, sampleResult, T0 } from '../../trainer/fixtures.ts';

const first = sampleAssignment({ title: '第一份' });
const second = { ...sampleAssignment({ title: '第二份' }), id: 'abcdefgh' };
const ASSIGNMENTS = 'mishu:trainer:assignments';
const inboxKey = (id: string) => `mishu:trainer:inbox:${id}`;
const envelope = (data: unknown, v = 1) => JSON.stringify({ v, data });

describe('the trainer’s assignments on the device', () => {
  it('keeps them newest first, and a saved one again moves to the top without a copy', () => {
    const kv = new MemoryStore();
    expect(saveAssignment(kv, first)).toEqual({ ok: true });
    saveAssignment(kv, second);
    expect(loadAssignments(kv).specs.map((s) => s.title)).toEqual(['第二份', '第一份']);
    saveAssignment(kv, first);
    expect(loadAssignments(kv)).toEqual({ specs: [first, second], problems: [] });
  });

  it('reads the list as the site stored it before the one device store', () => {
    const kv = new MemoryStore();
    kv.setItem(ASSIGNMENTS, JSON.stringify({ v: 1, codes: [encodeAssignment(second), encodeAssignment(first)] }));
    expect(loadAssignments(kv).specs.map((s) => s.id)).toEqual([second.id, first.id]);
  });

  it('keeps a code it cannot read, and says so', () => {
    const kv = new MemoryStore();
    kv.setItem(ASSIGNMENTS, envelope({ codes: [encodeAssignment(first).slice(0, -5)], updatedAt: 1 }));
    const loaded = loadAssignments(kv);
    expect(loaded.specs).toEqual([]);
    expect(loaded.problems[0]).toContain('不完整');
    saveAssignment(kv, second);
    expect(JSON.parse(kv.getItem(ASSIGNMENTS)!).data.codes).toHaveLength(2);
  });

  it('copies a damaged list to quarantine before writing a new one', () => {
    const kv = new MemoryStore();
    kv.setItem(ASSIGNMENTS, '{oops');
    expect(loadAssignments(kv).problems[0]).toContain('已原样另存为备份');
    expect(kv.getItem('mishu:quarantine:trainer:assignments')).toBe('{oops');
    expect(saveAssignment(kv, first)).toEqual({ ok: true });
    expect(loadAssignments(kv).specs).toEqual([first]);
    expect(kv.getItem('mishu:quarantine:trainer:assignments')).toBe('{oops');
  });

  it('reports a full store instead of throwing', () => {
    const kv = new MemoryStore();
    kv.quotaChars = 10;
    const saved = saveAssignment(kv, first);
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.message).toContain('存储空间已满');
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
    expect(receivedCount(kv, first.id)).toBe(2);
    expect(receivedCount(kv, second.id)).toBe(0);
    expect(loadInbox(kv, second)).toEqual({ inbox: emptyInbox(second), problem: null });
  });

  it('reads an inbox stored in the old inbox file format', () => {
    const kv = new MemoryStore();
    kv.setItem(inboxKey(first.id), JSON.stringify({ format: 'mishu-trainer-inbox', version: 1, assignmentId: first.id, codes: [zhang] }));
    expect(inboxResults(loadInbox(kv, first).inbox).map((r) => r.learner)).toEqual(['张三']);
  });

  it('recovers the codes that still read from a damaged inbox, and keeps the original in quarantine', () => {
    const kv = new MemoryStore();
    const damaged = `{"v":1,"data":{"assignmentId":"${first.id}","codes":["${zhang}","${li.slice(0, -4)}"`;
    kv.setItem(inboxKey(first.id), damaged);
    const loaded = loadInbox(kv, first);
    expect(inboxResults(loaded.inbox).map((r) => r.learner)).toEqual(['张三']);
    expect(loaded.problem).toContain('已从中找回 1 份');
    expect(kv.getItem(`mishu:quarantine:trainer:inbox:${first.id}`)).toBe(damaged);
    // Reading it again does not make a second copy of the same text.
    loadInbox(kv, first);
    expect(kv.getItem(`mishu:quarantine:trainer:inbox:${first.id}#2`)).toBeNull();
  });

  it('merges with what another tab saved instead of dropping it', () => {
    const kv = new MemoryStore();
    saveInbox(kv, addCodes(emptyInbox(first), [zhang], first).inbox);
    saveInbox(kv, addCodes(emptyInbox(first), [li], first).inbox);
    expect(inboxResults(loadInbox(kv, first).inbox).map((r) => r.learner).sort()).toEqual(['张三', '李四'].sort());
  });
});

describe('on the learner’s device', () => {
  it('lists the attempts made on an assignment, the latest last, each once', () => {
    const kv = new MemoryStore();
    expect(loadTaken(kv, first.id)).toEqual([]);
    saveTaken(kv, first.id, { id: 'a1', learner: '张三' });
    saveTaken(kv, first.id, { id: 'a2', learner: '李四' });
    saveTaken(kv, first.id, { id: 'a1', learner: '张三' });
    expect(loadTaken(kv, first.id).map((t) => t.id)).toEqual(['a1', 'a2']);
    expect(loadTaken(kv, second.id)).toEqual([]);
  });

  it('remembers the sections ticked as read, and an unreadable list reads as none', () => {
    const kv = new MemoryStore();
    saveRead(kv, first.id, new Set(['meetings#venue', 'meetings#plan']));
    expect(loadRead(kv, first.id)).toEqual(new Set(['meetings#plan', 'meetings#venue']));
    kv.setItem(`mishu:trainer:read:${second.id}`, 'not json');
    expect(loadRead(kv, second.id)).toEqual(new Set());
    expect(kv.getItem(`mishu:quarantine:trainer:read:${second.id}`)).toBe('not json');
  });
});

describe('entries written by a newer version of the site', () => {
  const newerAssignments = envelope({ codes: [encodeAssignment(first)], folders: [] }, 2);
  const newerInbox = envelope({ assignmentId: first.id, codes: [], notes: {} }, 2);

  it('leaves the assignment list alone, says so, and never writes over it', () => {
    const kv = new MemoryStore();
    kv.setItem(ASSIGNMENTS, newerAssignments);
    const loaded = loadAssignments(kv);
    expect(loaded.specs).toEqual([]);
    expect(loaded.problems[0]).toContain('新版网站写入');
    const saved = saveAssignment(kv, second);
    expect(saved.ok).toBe(false);
    expect(kv.getItem(ASSIGNMENTS)).toBe(newerAssignments);
    // Not mistaken for damage: nothing is quarantined as if it were.
    expect(kv.getItem('mishu:quarantine:trainer:assignments')).toBeNull();
  });

  it('leaves an inbox alone, says so, and never writes over it', () => {
    const kv = new MemoryStore();
    kv.setItem(inboxKey(first.id), newerInbox);
    const loaded = loadInbox(kv, first);
    expect(loaded.inbox).toEqual(emptyInbox(first));
    expect(loaded.problem).toMatch(/^这份作业保存的收件箱：.*新版网站写入/);
    const inbox = addCodes(emptyInbox(first), [encodeResult(sampleResult(first.id))], first).inbox;
    expect(saveInbox(kv, inbox).ok).toBe(false);
    expect(kv.getItem(inboxKey(first.id))).toBe(newerInbox);
  });

  it('leaves a learner’s attempt list and reading list alone too', () => {
    const kv = new MemoryStore();
    const taken = envelope({ assignmentId: first.id, attempts: [{ id: 'a1', learner: '张三', device: 'x' }] }, 3);
    const read = envelope({ assignmentId: first.id, read: { 'meetings#plan': 1 } }, 2);
    kv.setItem(`mishu:trainer:taken:${first.id}`, taken);
    kv.setItem(`mishu:trainer:read:${first.id}`, read);
    expect(loadTaken(kv, first.id)).toEqual([]);
    expect(saveTaken(kv, first.id, { id: 'a2', learner: '李四' }).ok).toBe(false);
    expect(loadRead(kv, first.id)).toEqual(new Set());
    expect(saveRead(kv, first.id, new Set(['meetings#venue'])).ok).toBe(false);
    expect(kv.getItem(`mishu:trainer:taken:${first.id}`)).toBe(taken);
    expect(kv.getItem(`mishu:trainer:read:${first.id}`)).toBe(read);
  });
});
