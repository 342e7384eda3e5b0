/**
 * Issue 14: the trainer's report on a written assignment. The score is the learner's own marking
 * (自评): it is re-computed from the ticked 得分点 on the redrawn paper, never taken on trust, and
 * the class's most-missed 得分点 come first.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { scoreWritten, type WrittenPaper } from '../../../src/quiz/index.ts';
import { itemStatsCsv, pointStatsCsv, rosterCsv } from '../../../src/quiz/trainer/csv.ts';
import {
  computeClassReport,
  drawAssignment,
  flatPoints,
  paperFingerprint,
  resultOf,
  verifyResult,
  type RedrawnPaper,
  type WrittenResultCode,
} from '../../../src/quiz/trainer/index.ts';
import { creditPaper, creditResult, sampleAssignment, skillsBlueprint, T0, takeWritten, writtenBank } from './fixtures.ts';

const bank = { questions: [], cases: writtenBank };
/** meetings-c01: 6 points worth 12; documents-t02: 6 worth 20; office-c01: 2 worth 10. Each item a third of 100. */
const spec = sampleAssignment({ modules: [], mix: { written: ['meetings-c01', 'documents-t02', 'office-c01'] }, minutes: 60, passMark: 60, due: '2026-01-10' });
const paper = drawAssignment(spec, bank, [], null) as WrittenPaper;
const redrawn: RedrawnPaper = { ok: true, value: paper };
const assignment = { due: spec.due, minutes: spec.minutes, createdAt: spec.createdAt };

/** A learner who writes every item but those in `blank` and ticks the given flat points. */
function learner(name: string, ticked: number[][], { blank = [] as number[], start = T0 * 1000 + 500 } = {}): WrittenResultCode {
  const state = takeWritten(
    paper,
    paper.items.map((slot, i) => {
      const places = flatPoints(slot.written);
      return {
        texts: blank.includes(i) ? [] : slot.written.parts.map(() => '作答'),
        ticks: slot.written.parts.map((_, p) => (ticked[i] ?? []).map((n) => places[n]!).filter((place) => place.part === p).map((place) => place.point)),
      };
    }),
    start,
  );
  return resultOf(spec, paper, state, name);
}

const kinds = (result: WrittenResultCode, on: RedrawnPaper = redrawn) => verifyResult(assignment, result, on).flags.map((f) => f.kind);

describe('verifying a written result', () => {
  // meetings-c01 points 0–3 (2+2+3+1 of 12), documents-t02 all six (20 of 20), office-c01 none.
  const honest = learner('张三', [[0, 1, 2, 3], [0, 1, 2, 3, 4, 5], []]);

  it('re-computes the self-marked score from the ticks, and leaves an honest code alone', () => {
    const expected = (100 / 3) * (8 / 12) + 100 / 3;
    expect(honest.score.points).toBeCloseTo(expected, 2);
    const checked = verifyResult(assignment, honest, redrawn);
    expect(checked).toMatchObject({ score: honest.score, scoredBy: 'answers', flags: [] });
    expect(checked.credit).toHaveLength(3);
    [8 / 12, 1, 0].forEach((share, i) => expect(checked.credit![i]).toBeCloseTo(share, 12));
  });

  it('flags a claim the ticks do not add up to, saying both scores are the learner’s own marking', () => {
    const inflated = { ...honest, score: { points: 100, max: 100, passed: true } };
    const checked = verifyResult(assignment, inflated, redrawn);
    expect(checked.score).toEqual(honest.score);
    expect(checked.flags).toEqual([
      {
        kind: 'claim',
        message: `结果码自报的自评分是 100/100 分（及格），按它所勾的得分点重算为 55.56/100 分（不及格）；两者都是学员的自评，不是培训师评的分`,
      },
    ]);
  });

  it('flags a paper that differs from the one the learner marked', () => {
    const other = { ...honest, fingerprint: 'zzzzzz' };
    expect(verifyResult(assignment, other, redrawn).flags).toEqual([
      {
        kind: 'paper',
        message: '试卷与学员作答时的不一致：题库（题目或得分点的分值）可能在布置作业后改过，也可能结果码被改动过。自评分按本机题库的得分点重算，仅供参考',
      },
    ]);
  });

  it('flags ticks naming points an item does not have, and counts them for nothing', () => {
    const written = honest.written.map((item, i) => (i === 2 ? { ...item, ticked: [2, 4] } : item));
    const odd = { ...honest, written };
    const checked = verifyResult(assignment, odd, redrawn);
    expect(checked.score).toEqual(honest.score);
    expect(checked.flags).toEqual([
      { kind: 'paper', message: '第 3 题（office-c01）只有 2 个得分点，结果码却勾了第 3、5 个：题目可能改过，也可能结果码被改动过。这些勾不计分' },
    ]);
  });

  it('flags points ticked on an item with nothing written', () => {
    const blank = learner('李四', [[0], [0, 1], []], { blank: [1] });
    expect(blank.written.map((item) => item.wrote)).toEqual([true, false, true]);
    expect(verifyResult(assignment, blank, redrawn).flags).toEqual([{ kind: 'claim', message: '第 2 题（documents-t02）没有写任何作答，却自评勾了 2 个得分点' }]);
    // Nothing ticked on a blank item is just a blank item.
    expect(kinds(learner('王五', [[0], [], []], { blank: [1, 2] }))).toEqual([]);
  });

  it('does not re-score on a paper of the other kind or length, and says the listed score is the self-marked claim', () => {
    const objective = creditPaper([{ id: 'q1', chapter: 'c', section: 's', points: 1 }]);
    expect(verifyResult(assignment, honest, objective)).toMatchObject({
      scoredBy: 'claim',
      credit: null,
      flags: [{ kind: 'unchecked', message: '无法复核：结果是专业能力（书面作答）试卷的，按作业重建的却是客观题试卷，不是同一份试卷。名单中的分数是结果码自报的自评分' }],
    });
    const objectiveResult = creditResult('赵六', [1], T0 + 600, objective);
    expect(verifyResult(assignment, objectiveResult, redrawn).flags[0]?.message).toBe(
      '无法复核：结果是客观题试卷的，按作业重建的却是专业能力（书面作答）试卷，不是同一份试卷。名单中的分数是结果码自报的',
    );
    const short = { ...honest, written: honest.written.slice(1) };
    expect(verifyResult(assignment, short, redrawn).flags).toEqual([
      { kind: 'unchecked', message: '无法复核：结果有 2 题，按作业重建的试卷有 3 题，不是同一份试卷。名单中的分数是结果码自报的自评分' },
    ]);
    expect(verifyResult(assignment, honest, { ok: false, error: '作业指定的案例分析或工作实务本站已经没有了（题目编号 office-c01），无法组卷' }).flags[0]?.message).toBe(
      '无法复核：作业指定的案例分析或工作实务本站已经没有了（题目编号 office-c01），无法组卷。名单中的分数是结果码自报的自评分',
    );
  });

  it('checks the times as for any paper', () => {
    const slow = { ...honest, submittedAt: honest.startedAt + 61 * 60 + 1 };
    expect(kinds(slow)).toEqual(['overtime']);
    const backdated = { ...honest, startedAt: spec.createdAt - 3600, submittedAt: spec.createdAt - 1800 };
    expect(kinds(backdated)).toEqual(['before-created']);
  });
});

describe('properties of the verified self-marked score', () => {
  const skills = sampleAssignment({ modules: ['meetings', 'documents'], mix: { blueprint: 'skills-paper' }, minutes: 120 });
  const skillsPaper = drawAssignment(skills, bank, [skillsBlueprint], null) as WrittenPaper;
  const on: RedrawnPaper = { ok: true, value: skillsPaper };
  const base = resultOf(skills, skillsPaper, takeWritten(skillsPaper, []), '张三');
  // Ticks may name points the items lack (up to 9 on items of 6): they must count for nothing.
  const ticks = fc.array(fc.uniqueArray(fc.nat(8)).map((t) => t.sort((a, b) => a - b)), { minLength: 5, maxLength: 5 });

  it('stays within 0 and the maximum, and ticking one more point never lowers it', () => {
    fc.assert(
      fc.property(ticks, fc.nat(4), fc.nat(8), (ticked, item, point) => {
        const result = { ...base, written: ticked.map((t) => ({ ticked: t, wrote: true })) };
        const { score } = verifyResult({ due: null }, result, on);
        expect(score.max).toBe(100);
        expect(score.points).toBeGreaterThanOrEqual(0);
        expect(score.points).toBeLessThanOrEqual(100);
        const more = ticked.map((t, i) => (i === item ? [...new Set([...t, point])].sort((a, b) => a - b) : t));
        const after = verifyResult({ due: null }, { ...result, written: more.map((t) => ({ ticked: t, wrote: true })) }, on).score;
        expect(after.points).toBeGreaterThanOrEqual(score.points);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the learner’s page for any honest marking: no flags', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), { minLength: 5, maxLength: 5 }), (chosen) => {
        const work = skillsPaper.items.map((slot, i) => ({
          texts: ['作答'],
          ticks: slot.written.parts.map((part, p) => part.points.map((_, j) => j).filter((j) => chosen[i]![(p * 3 + j) % 6])),
        }));
        const state = takeWritten(skillsPaper, work);
        const result = resultOf(skills, skillsPaper, state, '张三');
        expect(result.score.points).toBe(scoreWritten(skillsPaper, state).total);
        expect(verifyResult({ due: null }, result, on).flags).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the class report on a written assignment', () => {
  const results = [
    learner('张三', [[0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5], [0, 1]]),
    learner('李四', [[0, 1, 2, 3], [0, 1], [0]]),
    learner('王五', [[0, 1], [0], []]),
    learner('赵六', [[0], [], []], { start: T0 * 1000 + 3_600_000 }),
  ];
  const report = computeClassReport({ assignment, results, paperFor: () => redrawn });

  it('lists 自评 scores, each learner’s missed 得分点, and counts the rows as self-marked', () => {
    expect(report.roster.map((row) => [row.learner, row.points, row.scoredBy, row.flags])).toEqual(results.map((r) => [r.learner, r.score.points, 'answers', []]).sort((a, b) => new Intl.Collator('zh-CN').compare(a[0] as string, b[0] as string)));
    const wang = report.roster.find((row) => row.learner === '王五')!;
    expect(wang.selfMarked?.missed).toEqual([
      { position: 1, itemId: 'meetings-c01', part: 1, point: 0 },
      { position: 1, itemId: 'meetings-c01', part: 1, point: 1 },
      { position: 1, itemId: 'meetings-c01', part: 2, point: 0 },
      { position: 1, itemId: 'meetings-c01', part: 2, point: 1 },
      ...[1, 2, 3, 4, 5].map((point) => ({ position: 2, itemId: 'documents-t02', part: 0, point })),
      { position: 3, itemId: 'office-c01', part: 0, point: 0 },
      { position: 3, itemId: 'office-c01', part: 1, point: 0 },
    ]);
    expect(report.roster.find((row) => row.learner === '张三')!.selfMarked?.missed).toEqual([]);
  });

  it('takes an item’s facility from the share of its points the ticks earn', () => {
    // meetings-c01 (points 2 2 3 1 2 2 of 12): 12, 8, 4, 2 → 26 / 48.
    // documents-t02 (5 5 4 2 2 2 of 20): 20, 10, 5, 0 → 35 / 80. office-c01 (5 5): 10, 5, 0, 0 → 15 / 40.
    expect(report.items.map((item) => [item.questionId, item.responses, item.facility])).toEqual([
      ['meetings-c01', 4, (100 * 26) / 48],
      ['documents-t02', 4, (100 * 35) / 80],
      ['office-c01', 4, (100 * 15) / 40],
    ]);
    expect(report.mostMissed.map((item) => item.questionId)).toEqual(['office-c01', 'documents-t02', 'meetings-c01']);
  });

  it('counts who ticked every 得分点, the most missed first', () => {
    const points = report.mostMissedPoints;
    expect(points).toHaveLength(6 + 6 + 2);
    expect(points[0]).toEqual({ position: 1, itemId: 'meetings-c01', part: 2, point: 0, text: 'meetings-c01 问3 得分点1', score: 2, ticked: 1, responses: 4, missRate: 75 });
    expect(points.map((p) => p.missRate)).toEqual([...points.map((p) => p.missRate)].sort((a, b) => b - a));
    const office = points.filter((p) => p.itemId === 'office-c01');
    expect(office.map((p) => [p.part, p.point, p.ticked, p.missRate])).toEqual([
      [1, 0, 1, 75],
      [0, 0, 2, 50],
    ]);
    const first = points.find((p) => p.itemId === 'meetings-c01' && p.part === 0 && p.point === 0)!;
    expect([first.ticked, first.missRate]).toEqual([4, 0]);
    // Ties keep paper order: item, then part, then point.
    const tied = points.filter((p) => p.missRate === 75);
    expect(tied.map((p) => `${p.position}/${p.part}/${p.point}`)).toEqual([...tied.map((p) => `${p.position}/${p.part}/${p.point}`)].sort());
  });

  it('pools per-learner papers by item, each point counted over the learners whose paper held it', () => {
    const skills = sampleAssignment({ modules: ['meetings', 'documents'], mix: { blueprint: 'skills-paper' }, variant: 'per-learner', minutes: 120 });
    const names = ['甲', '乙', '丙', '丁', '戊', '己'];
    const papers = new Map(names.map((name) => [name, drawAssignment(skills, bank, [skillsBlueprint], name) as WrittenPaper]));
    const everything = names.map((name) => {
      const own = papers.get(name)!;
      return resultOf(skills, own, takeWritten(own, own.items.map((slot) => ({ texts: ['作答'], ticks: slot.written.parts.map((part) => part.points.map((_, j) => j)) }))), name);
    });
    const pooled = computeClassReport({ assignment: { due: null }, results: everything, paperFor: (r) => ({ ok: true, value: papers.get(r.learner)! }) });
    for (const p of pooled.mostMissedPoints) {
      const held = names.filter((name) => papers.get(name)!.items.some((slot) => slot.questionId === p.itemId)).length;
      expect([p.responses, p.ticked, p.missRate]).toEqual([held, held, 0]);
    }
    expect(new Set(pooled.mostMissedPoints.map((p) => p.itemId)).size).toBeGreaterThan(5);
    expect(pooled.roster.every((row) => row.points === 100)).toBe(true);
  });

  it('leaves a result it cannot re-score out of the item and point statistics, and says why', () => {
    const mixed = computeClassReport({
      assignment,
      results,
      paperFor: (r) => (r.learner === '赵六' ? { ok: false, error: '按本站现在的题库凑不齐这份试卷' } : redrawn),
    });
    expect(mixed.roster.find((row) => row.learner === '赵六')).toMatchObject({ scoredBy: 'claim', selfMarked: { missed: null } });
    expect(mixed.excluded).toEqual([{ learner: '赵六', reason: '无法复核：按本站现在的题库凑不齐这份试卷。名单中的分数是结果码自报的自评分' }]);
    expect(mixed.mostMissedPoints[0]!.responses).toBe(3);
  });

  it('has no point statistics and no self-marked rows for an objective paper', () => {
    const objective = creditPaper([{ id: 'q1', chapter: 'c', section: 's', points: 1 }]);
    const plain = computeClassReport({ assignment: { due: null }, results: [creditResult('甲', [1], T0, objective)], paperFor: () => objective });
    expect(plain.mostMissedPoints).toEqual([]);
    expect('selfMarked' in plain.roster[0]!).toBe(false);
  });

  it('keeps the fingerprint check per paper', () => {
    expect(results.every((r) => r.fingerprint === paperFingerprint(paper))).toBe(true);
  });
});

describe('CSV export of a written assignment', () => {
  const results = [learner('张三', [[0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4], [1]]), learner('=李四', [[0], [], []])];
  const report = computeClassReport({ assignment: { due: null }, results, paperFor: () => redrawn });
  const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1)).data;

  it('says the scores are 自评, and lists each learner’s missed 得分点 as item-part-point', () => {
    const rows = parse(rosterCsv(report));
    expect(rows[0]!.slice(-4)).toEqual(['计分依据', '结果码自报得分', '需核实', '未勾的得分点(题-问-点)']);
    const zhang = rows.find((row) => row[0] === '张三')!;
    expect(zhang[9]).toBe('按所勾得分点重算（学员自评）');
    expect(zhang.at(-1)).toBe('2-1-6、3-1-1');
    const li = rows.find((row) => row[0] === `'=李四`)!;
    expect(li.at(-1)!.split('、')).toHaveLength(5 + 6 + 2);
  });

  it('exports the 得分点 statistics, most missed first, and the item statistics as for any paper', () => {
    const rows = parse(pointStatsCsv(report));
    expect(rows[0]).toEqual(['题号', '题目编号', '第几问', '第几个得分点', '得分点', '分值', '勾选人数', '作答人数', '未勾比例(%)']);
    // Nobody ticked the sixth point of documents-t02 nor the first of office-c01: 100% missed, in paper order.
    expect(rows.slice(1, 3)).toEqual([
      ['2', 'documents-t02', '1', '6', 'documents-t02 问1 得分点6', '2', '0', '2', '100'],
      ['3', 'office-c01', '1', '1', 'office-c01 问1 得分点1', '5', '0', '2', '100'],
    ]);
    expect(rows[3]).toEqual(['1', 'meetings-c01', '1', '2', 'meetings-c01 问1 得分点2', '2', '1', '2', '50']);
    expect(rows).toHaveLength(1 + 14);
    expect(parse(itemStatsCsv(report)).map((row) => row[1])).toEqual(['题目编号', 'meetings-c01', 'documents-t02', 'office-c01']);
  });
});
