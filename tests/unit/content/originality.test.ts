import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ALLOWED_QUOTATIONS, originalityFindings } from '../../../src/content/originality-check.ts';
import { copiedRuns, findCopies, isQuoted, MIN_RUN, sourceWindows } from '../../../src/content/originality.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const source = '秘书部门在接收办公用品时应凭订货单和通知单核对交货单与实际到货的品名规格数量和包装情况。';

describe('copied runs', () => {
  it('finds a run of 30 characters through whitespace, punctuation and markup', () => {
    const text = `前言。<Term name="x">秘书部门在接收办公用品时，应凭 **订货单** 和通知单核对交货单与实际到货的品名</Term>……其余自写。`;
    const runs = copiedRuns(text, sourceWindows([source]));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.length).toBeGreaterThanOrEqual(MIN_RUN);
    expect(text.slice(runs[0]!.start, runs[0]!.end)).toContain('订货单');
  });

  it('does not report 29 shared characters', () => {
    const text = `${[...source].slice(0, 29).join('')}，之后全是自己写的话，没有抄。`;
    expect(copiedRuns(text, sourceWindows([source]))).toEqual([]);
  });

  it('merges overlapping windows into one run of the full length', () => {
    const runs = copiedRuns(`开头${source}结尾`, sourceWindows([source]));
    expect(runs.map((r) => r.length)).toEqual([[...source].filter((c) => /[\p{L}\p{N}]/u.test(c)).length]);
  });

  it('allows a listed run only inside quotation marks', () => {
    const title = '最高人民法院关于在审理经济纠纷案件中涉及经济犯罪嫌疑若干问题的规定';
    const quoted = findCopies([{ path: 'a', text: `依照《${title}》办理。` }], [title], [title]);
    const bare = findCopies([{ path: 'b', text: `依照${title}办理。` }], [title], [title]);
    expect(quoted.map((f) => f.allowed)).toEqual([true]);
    expect(bare.map((f) => f.allowed)).toEqual([false]);
    expect(isQuoted('甲“乙丙”丁', 2, 4)).toBe(true);
    expect(isQuoted('甲“乙”丙丁', 4, 5)).toBe(false);
  });
});

describe('the chapters and questions against ../shared/seeds', () => {
  it(`copy no run of ${MIN_RUN} characters except at most five quoted legal titles or definitions`, async () => {
    expect(ALLOWED_QUOTATIONS.length).toBeLessThanOrEqual(5);
    const findings = await originalityFindings(root);
    const copied = findings.filter((f) => !f.allowed).map((f) => `${f.path}:${f.line} ${f.run.length} 字：${f.run.text}`);
    expect(copied).toEqual([]);
  });
});
