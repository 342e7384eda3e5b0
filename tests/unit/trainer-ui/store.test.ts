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
