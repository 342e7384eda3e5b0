import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyImport,
  drawPaper,
  emptyReview,
  exportProgress,
  importProgress,
  MAX_IMPORT_CHARS,
  planImport,
  PROGRESS_VERSION,
  saveReadFlag,
  saveStudyPlan,
  saveTheme,
  isQuotaExceeded,
  layoutOf,
  loadAttempt,
  loadProgress,
  record,
  recordAnswer,
  saveAttempt,
  saveCaseWork,
  saveReview,
  setStarred,
  startAttempt,
  startCase,
  writeCaseAnswer,
} from '../../../src/quiz/index.ts';
import type { AttemptRecord, AttemptStep, CaseItem, CaseWork, ReviewState } from '../../../src/quiz/index.ts';
import { MemoryStore, mockBlueprint, smallBank } from './fixtures.ts';

const T0 = Date.UTC(2025, 4, 1, 9, 0);
const layout = layoutOf(drawPaper(smallBank(), mockBlueprint(), 'storage'));

function attemptRecord(id: string, ...steps: AttemptStep[]): AttemptRecord {
  let attempt = startAttempt({ behaviour: 'exam', itemCount: layout.items.length, timeLimitMs: 0 }, T0);
  for (const step of steps) attempt = record(attempt, step).attempt;
  return { id, layout, steps: attempt.steps };
}

const oneQuestionCase = (id: string): CaseItem => ({
  kind: 'case',
  id,
  chapter: 'meetings',
  section: 'minutes',
  difficulty: 1,
  scenario: '情景',
  parts: [{ prompt: '问题', modelAnswer: '参考答案', points: [{ text: '得分点', score: 2 }] }],
  explanation: '解析',
  tags: [],
});
const caseWork = (id: string, text: string, now: number): CaseWork => writeCaseAnswer(startCase(oneQuestionCase(id), now), 0, text, now);

describe('saving and loading progress', () => {
  it('loads what was saved, each entry in a versioned envelope under its own key', () => {
    const kv = new MemoryStore();
    const review = recordAnswer(emptyReview(), 'q1', false, T0);
    const attempt = attemptRecord('a1', { kind: 'answer', at: T0 + 1, item: 0, choice: [1] });
    expect(saveReview(kv, review).ok).toBe(true);
    expect(saveAttempt(kv, attempt).ok).toBe(true);
    expect(saveCaseWork(kv, caseWork('c1', '答案', T0)).ok).toBe(true);
    expect(kv.keys().sort()).toEqual(['mishu:attempt:a1', 'mishu:case:c1', 'mishu:review']);
    expect(JSON.parse(kv.getItem('mishu:review') ?? '')).toEqual({ v: 2, data: review });

    const { progress, problems } = loadProgress(kv);
    expect(problems).toEqual([]);
    expect(progress.review).toEqual(review);
    expect(progress.attempts).toEqual({ a1: attempt });
    expect(progress.cases['c1']?.parts[0]?.text).toBe('答案');
    expect(loadAttempt(kv, 'a1')).toEqual({ value: attempt, problem: null });
  });

  it('migrates a v1 wrong-book (a list of ids) to v2 review records', () => {
    const kv = new MemoryStore();
    kv.setItem('mishu:review', JSON.stringify({ v: 1, data: ['meetings-001', 'documents-007'] }));
    const { progress, problems } = loadProgress(kv);
    expect(problems).toEqual([]);
    expect(Object.keys(progress.review.records).sort()).toEqual(['documents-007', 'meetings-001']);
    expect(progress.review.records['meetings-001']).toMatchObject({ inWrongBook: true, wrongCount: 1, updatedAt: 0 });
    expect(progress.review.records['meetings-001']?.card?.due).toBe(0);
    // Saving writes v2, merged with the migrated records.
    const saved = saveReview(kv, setStarred(emptyReview(), 'meetings-001', true, T0));
    expect(saved.ok && saved.saved.records['meetings-001']?.starred).toBe(true);
    expect(saved.ok && saved.saved.records['documents-007']?.inWrongBook).toBe(true);
    expect(JSON.parse(kv.getItem('mishu:review') ?? '').v).toBe(2);
  });

  it('quarantines a corrupted entry, reports it, and still loads the rest', () => {
    const kv = new MemoryStore();
    saveAttempt(kv, attemptRecord('good'));
    kv.setItem('mishu:attempt:bad', '{"v":1,"data":{"id":"bad","steps":[');
    kv.setItem('mishu:review', JSON.stringify({ v: 2, data: { records: { q1: { questionId: 'q1' } } } }));
    kv.setItem('other-site-thing', 'not ours');

    const { progress, problems } = loadProgress(kv);
    expect(Object.keys(progress.attempts)).toEqual(['good']);
    expect(progress.review).toEqual(emptyReview());
    expect(problems).toEqual([
      { kind: 'corrupted', key: 'mishu:attempt:bad', reason: '不是有效的 JSON', quarantinedAs: 'mishu:quarantine:attempt:bad' },
      { kind: 'corrupted', key: 'mishu:review', reason: '不符合第 2 版格式', quarantinedAs: 'mishu:quarantine:review' },
    ]);
    expect(kv.getItem('mishu:quarantine:attempt:bad')).toBe('{"v":1,"data":{"id":"bad","steps":[');
    expect(kv.getItem('mishu:attempt:bad')).toBe('{"v":1,"data":{"id":"bad","steps":[');
    expect(kv.getItem('other-site-thing')).toBe('not ours');
    // Loading again does not pile up copies.
    loadProgress(kv);
    expect(kv.keys().filter((k) => k.includes('quarantine'))).toHaveLength(2);
  });

  it('keeps an earlier, different quarantine copy when another corruption comes along', () => {
    const kv = new MemoryStore();
    kv.setItem('mishu:review', 'first garbage');
    loadProgress(kv);
    saveReview(kv, emptyReview());
    kv.setItem('mishu:review', 'second garbage');
    const { problems } = loadProgress(kv);
    expect(problems[0]).toMatchObject({ quarantinedAs: 'mishu:quarantine:review#2' });
    expect(kv.getItem('mishu:quarantine:review')).toBe('first garbage');
    expect(kv.getItem('mishu:quarantine:review#2')).toBe('second garbage');
  });

  it('leaves entries from a newer site version alone', () => {
    const kv = new MemoryStore();
    const future = JSON.stringify({ v: 9, data: { anything: true } });
    kv.setItem('mishu:review', future);
    expect(loadProgress(kv).problems).toEqual([{ kind: 'newer-version', key: 'mishu:review', version: 9 }]);
    expect(saveReview(kv, emptyReview()).ok).toBe(false);
    expect(kv.getItem('mishu:review')).toBe(future);
  });

  it('reports a full store as a result instead of throwing', () => {
    const kv = new MemoryStore();
    kv.quotaChars = 200;
    const result = saveAttempt(kv, attemptRecord('big'));
    expect(result).toEqual({ ok: false, problems: [{ kind: 'quota-exceeded', key: 'mishu:attempt:big' }] });
    expect(isQuotaExceeded(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded({ code: 22 })).toBe(true);
    expect(isQuotaExceeded(new Error('other'))).toBe(false);
  });
});

describe('two tabs', () => {
  it('on different attempts never overwrite each other', () => {
    const kv = new MemoryStore();
    saveAttempt(kv, attemptRecord('tab-a', { kind: 'answer', at: T0 + 1, item: 0, choice: [0] }));
    saveAttempt(kv, attemptRecord('tab-b', { kind: 'answer', at: T0 + 1, item: 0, choice: [2] }));
    const { attempts } = loadProgress(kv).progress;
    expect(Object.keys(attempts).sort()).toEqual(['tab-a', 'tab-b']);
  });

  it('on the same attempt merge their steps', () => {
    const kv = new MemoryStore();
    saveAttempt(kv, attemptRecord('same', { kind: 'answer', at: T0 + 1, item: 0, choice: [0] }));
    const result = saveAttempt(kv, attemptRecord('same', { kind: 'answer', at: T0 + 2, item: 1, choice: [2] }));
    expect(result.ok && result.saved.steps.length).toBe(3);
    const steps = loadAttempt(kv, 'same').value?.steps ?? [];
    expect(steps.filter((s) => s.kind === 'answer').map((s) => ('item' in s ? s.item : -1))).toEqual([0, 1]);
  });

  it('saving review records merges with records the other tab saved', () => {
    const kv = new MemoryStore();
    saveReview(kv, recordAnswer(emptyReview(), 'from-a', false, T0));
    saveReview(kv, recordAnswer(emptyReview(), 'from-b', false, T0 + 1));
    expect(Object.keys(loadProgress(kv).progress.review.records).sort()).toEqual(['from-a', 'from-b']);
  });
});

describe('export and import', () => {
  const progressArbitrary = fc.record({
    wrong: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}-\d{3}$/), { maxLength: 8 }),
    starred: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}-\d{3}$/), { maxLength: 5 }),
    attempts: fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,8}$/), answers: fc.array(fc.tuple(fc.nat(9), fc.nat(3)), { maxLength: 6 }) }),
      { selector: (a) => a.id, maxLength: 4 },
    ),
    cases: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^c\d{1,3}$/), text: fc.string() }), { selector: (c) => c.id, maxLength: 3 }),
  });
  type ProgressSpec = typeof progressArbitrary extends fc.Arbitrary<infer T> ? T : never;

  function fill(kv: MemoryStore, p: ProgressSpec): void {
    let review: ReviewState = emptyReview();
    p.wrong.forEach((id, i) => (review = recordAnswer(review, id, false, T0 + i)));
    p.starred.forEach((id, i) => (review = setStarred(review, id, true, T0 + 100 + i)));
    if (p.wrong.length + p.starred.length > 0) saveReview(kv, review);
    for (const a of p.attempts) {
      saveAttempt(kv, attemptRecord(a.id, ...a.answers.map(([item, choice], i): AttemptStep => ({ kind: 'answer', at: T0 + i + 1, item, choice: [choice] }))));
    }
    for (const c of p.cases) saveCaseWork(kv, caseWork(c.id, c.text, T0));
  }

  it('round-trips: importing an export into an empty store loads the same progress', () => {
    fc.assert(
      fc.property(progressArbitrary, (p) => {
        const source = new MemoryStore();
        fill(source, p);
        const { json, problems } = exportProgress(source, T0);
        expect(problems).toEqual([]);
        const target = new MemoryStore();
        const result = importProgress(target, json);
        expect(result.problems).toEqual([]);
        expect(loadProgress(target).progress).toEqual(loadProgress(source).progress);
        // Importing the same file again changes nothing: no duplicate steps or records.
        importProgress(target, json);
        importProgress(source, json);
        expect(loadProgress(target).progress).toEqual(loadProgress(source).progress);
      }),
    );
  });

  it('merges an import into existing progress: attempt steps united, review records by latest', () => {
    const laptop = new MemoryStore();
    const phone = new MemoryStore();
    saveAttempt(laptop, attemptRecord('a1', { kind: 'answer', at: T0 + 1, item: 0, choice: [0] }));
    saveAttempt(phone, attemptRecord('a1', { kind: 'answer', at: T0 + 2, item: 1, choice: [1] }));
    saveReview(laptop, setStarred(emptyReview(), 'q1', true, T0 + 10));
    saveReview(phone, setStarred(emptyReview(), 'q1', false, T0 + 20));

    const result = importProgress(laptop, exportProgress(phone, T0 + 30).json);
    expect(result).toEqual({ imported: 2, ok: true, problems: [] });
    const { progress } = loadProgress(laptop);
    expect(progress.attempts['a1']?.steps.length).toBe(3);
    expect(progress.review.records['q1']?.starred).toBe(false);
  });

  it('imports an export made by an older version, migrating it', () => {
    const kv = new MemoryStore();
    const old = JSON.stringify({ format: 'mishu-xuetang-progress', exportedAt: 0, entries: { review: { v: 1, data: ['q9'] } } });
    expect(importProgress(kv, old)).toEqual({ imported: 1, ok: true, problems: [] });
    expect(loadProgress(kv).progress.review.records['q9']?.inWrongBook).toBe(true);
  });

  it('rejects a file that is not an export, and reports bad entries while importing good ones', () => {
    const kv = new MemoryStore();
    expect(importProgress(kv, 'not json').problems).toEqual([{ kind: 'invalid-import', key: null, reason: '不是有效的 JSON' }]);
    expect(importProgress(kv, '{"format":"other"}').imported).toBe(0);
    const mixed = JSON.stringify({
      format: 'mishu-xuetang-progress',
      exportedAt: 0,
      entries: {
        'attempt:x': { v: 1, data: { id: 'y', layout, steps: [] } },
        'case:c1': { v: 1, data: caseWork('c1', '好', T0) },
        'settings': { v: 1, data: {} },
      },
    });
    expect(importProgress(kv, mixed)).toEqual({
      imported: 1,
      ok: true,
      problems: [
        { kind: 'invalid-import', key: 'attempt:x', reason: '内容与键名不符' },
        { kind: 'invalid-import', key: 'settings', reason: '未知的条目' },
      ],
    });
    expect(Object.keys(loadProgress(kv).progress.cases)).toEqual(['c1']);
  });
});

describe('importing is planned first and written all or nothing', () => {
  const exported = (fillWith: (kv: MemoryStore) => void) => {
    const kv = new MemoryStore();
    fillWith(kv);
    return exportProgress(kv, T0).json;
  };

  it('says what it would add and change, by kind and by question, without writing anything', () => {
    const here = new MemoryStore();
    saveReview(here, recordAnswer(emptyReview(), 'q1', false, T0));
    saveAttempt(here, attemptRecord('a1'));
    const before = JSON.stringify(here.keys().sort().map((k) => [k, here.getItem(k)]));
    const json = exported((kv) => {
      saveReview(kv, setStarred(recordAnswer(emptyReview(), 'q2', false, T0), 'q1', true, T0 + 50));
      saveAttempt(kv, attemptRecord('a1'));
      saveAttempt(kv, attemptRecord('a2'));
      saveReadFlag(kv, { chapter: 'meetings', read: true, updatedAt: T0 });
    });
    const planned = planImport(here, json);
    if (!planned.ok) throw new Error('expected a plan');
    expect(planned.plan.counts).toEqual([
      { kind: 'review', added: 1, updated: 1, unchanged: 0 },
      { kind: 'attempt', added: 1, updated: 0, unchanged: 1 },
      { kind: 'read', added: 1, updated: 0, unchanged: 0 },
    ]);
    expect(planned.plan.writes.map((w) => w.name).sort()).toEqual(['attempt:a2', 'read:meetings', 'review']);
    expect(planned.plan.addedChars).toBeGreaterThan(0);
    expect(JSON.stringify(here.keys().sort().map((k) => [k, here.getItem(k)]))).toBe(before);
    expect(applyImport(here, planned.plan)).toMatchObject({ ok: true, imported: 3 });
    expect(Object.keys(loadProgress(here).progress.attempts).sort()).toEqual(['a1', 'a2']);
  });

  it('writes nothing at all when the store fills up part way, leaving what was there', () => {
    const here = new MemoryStore();
    saveAttempt(here, attemptRecord('mine'));
    const before = new Map(here.keys().map((k) => [k, here.getItem(k)]));
    const json = exported((kv) => {
      for (let i = 0; i < 20; i++) saveAttempt(kv, attemptRecord(`a${i}`, { kind: 'answer', at: T0 + 1, item: 0, choice: [1] }));
    });
    // Room for a few of the twenty attempts, not all of them.
    here.quotaChars = [...before].reduce((n, [k, v]) => n + k.length + (v ?? '').length, 0) + 3 * (json.length / 20);
    const result = importProgress(here, json);
    expect(result.ok).toBe(false);
    expect(result.imported).toBe(0);
    expect(result.problems.map((p) => p.kind)).toContain('quota-exceeded');
    expect(new Map(here.keys().map((k) => [k, here.getItem(k)]))).toEqual(before);
  });

  it('refuses a file too big for any browser store before reading it, and a newer format', () => {
    const kv = new MemoryStore();
    const huge = `{"format":"mishu-xuetang-progress","entries":{},"pad":"${'x'.repeat(MAX_IMPORT_CHARS)}"}`;
    expect(planImport(kv, huge)).toEqual({ ok: false, problem: { kind: 'too-large', key: null, chars: huge.length, limit: MAX_IMPORT_CHARS } });
    const newer = JSON.stringify({ format: 'mishu-xuetang-progress', version: PROGRESS_VERSION + 1, exportedAt: 0, entries: {} });
    expect(planImport(kv, newer)).toMatchObject({ ok: false, problem: { kind: 'invalid-import', key: null } });
  });

  it('exports everything on the device in one versioned document, legacy 已学完 flags included', () => {
    const kv = new MemoryStore();
    kv.setItem('read:office', '2025-05-01T09:00:00.000Z');
    saveReadFlag(kv, { chapter: 'meetings', read: false, updatedAt: T0 });
    saveStudyPlan(kv, { examDate: '2026-12-20', minutesPerDay: 30, createdAt: T0, updatedAt: T0 });
    saveTheme(kv, { theme: 'dark', updatedAt: T0 });
    const document = JSON.parse(exportProgress(kv, T0).json) as { version: number; entries: Record<string, { v: number; data: unknown }> };
    expect(document.version).toBe(PROGRESS_VERSION);
    expect(Object.keys(document.entries).sort()).toEqual(['plan', 'read:meetings', 'read:office', 'theme']);
    expect(document.entries['read:office']?.data).toEqual({ chapter: 'office', read: true, updatedAt: Date.parse('2025-05-01T09:00:00.000Z') });
    const target = new MemoryStore();
    expect(importProgress(target, JSON.stringify(document)).ok).toBe(true);
    const { progress } = loadProgress(target);
    expect(progress.read['office']?.read).toBe(true);
    expect(progress.read['meetings']?.read).toBe(false);
    expect(progress.plan?.examDate).toBe('2026-12-20');
  });
});

describe('corrupted data is quarantined, never lost', () => {
  it('for any garbage in any entry, the original text survives and other entries load', () => {
    fc.assert(
      fc.property(fc.constantFrom('review', 'attempt:z', 'case:c9'), fc.string(), (name, garbage) => {
        const kv = new MemoryStore();
        saveAttempt(kv, attemptRecord('keep'));
        kv.setItem(`mishu:${name}`, garbage);
        const { progress, problems } = loadProgress(kv);
        expect(progress.attempts['keep']).toBeDefined();
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ kind: 'corrupted', key: `mishu:${name}`, quarantinedAs: `mishu:quarantine:${name}` });
        expect(kv.getItem(`mishu:quarantine:${name}`)).toBe(garbage);
      }),
    );
  });
});
