import { describe, expect, it } from 'vitest';
import { drawPaper, layoutOf, record, startAttempt } from '../../../../src/quiz/index.ts';
import type { AttemptRecord, BehaviourName } from '../../../../src/quiz/index.ts';
import { examHistory, paperName, timeUsed } from '../../../../src/features/exam/history.ts';
import { mockBlueprint, smallBank } from '../../quiz/fixtures.ts';

const T0 = Date.UTC(2025, 4, 1, 9, 0);
const layout = layoutOf(drawPaper(smallBank(), mockBlueprint(), 'report'));

function stored(id: string, behaviour: BehaviourName, at: number, submitAfter?: number): AttemptRecord {
  let attempt = startAttempt({ behaviour, itemCount: layout.items.length, timeLimitMs: 0 }, at);
  if (submitAfter !== undefined) attempt = record(attempt, { kind: 'submit', at: at + submitAfter }).attempt;
  return { id, layout, steps: attempt.steps };
}

describe('the paper on the results screen', () => {
  it('names a per-chapter paper with its chapter', () => {
    const titles = new Map([['meetings', '会议组织与管理']]);
    expect(paperName({ title: '章节测验', chapter: 'meetings' }, titles)).toBe('章节测验 · 会议组织与管理');
    expect(paperName({ title: '章节测验', chapter: 'gone' }, titles)).toBe('章节测验 · gone');
    expect(paperName({ title: '30 分钟快速测验', chapter: null }, titles)).toBe('30 分钟快速测验');
  });
});

describe('the exam history', () => {
  it('lists mock exams only, newest first', () => {
    const attempts = {
      old: stored('old', 'exam', T0, 60_000),
      practice: stored('practice', 'practice', T0 + 5000),
      fresh: stored('fresh', 'exam', T0 + 10_000),
    };
    expect(examHistory(attempts).map((entry) => entry.record.id)).toEqual(['fresh', 'old']);
  });

  it('leaves out an attempt that never started', () => {
    const broken: AttemptRecord = { id: 'broken', layout, steps: [{ kind: 'submit', at: T0 }] };
    expect(examHistory({ broken })).toEqual([]);
  });

  it('measures time used from start to submission', () => {
    const [done] = examHistory({ done: stored('done', 'exam', T0, 125_000) });
    expect(done && timeUsed(done.state)).toBe(125_000);
    const [open] = examHistory({ open: stored('open', 'exam', T0) });
    expect(open && timeUsed(open.state)).toBeNull();
  });
});
