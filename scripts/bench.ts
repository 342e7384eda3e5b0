/**
 * Engine benchmarks on a synthetic 10,000-question bank: `node scripts/bench.ts [--json]`.
 * Each measurement is one entry in MEASUREMENTS; the JSON object and the table follow that list.
 */
import { performance } from 'node:perf_hooks';
import { loadContentSources } from '../src/content/load-content.ts';
import { checkContent } from '../src/content/validate.ts';
import {
  createRandom,
  drawPaper,
  record,
  replay,
  scorePaper,
  startAttempt,
} from '../src/quiz/index.ts';
import { computeClassReport } from '../src/quiz/trainer/index.ts';
import { syntheticClass } from '../src/quiz/trainer/bench.ts';
import type { Attempt, AttemptStep, Difficulty, ObjectiveType, Paper, QuizQuestion, Responses } from '../src/quiz/index.ts';

const RUNS = 41;
const WARMUP = 5;

/** 10,000 questions over 12 chapters; about one in twelve is tagged 职业道德. */
function syntheticBank(size: number, chapters: number): QuizQuestion[] {
  const random = createRandom('bench-bank');
  const types: ObjectiveType[] = ['single', 'single', 'single', 'multiple', 'judge'];
  return Array.from({ length: size }, (_, i): QuizQuestion => {
    const type = types[i % types.length] ?? 'single';
    const chapter = `chapter-${(i % chapters) + 1}`;
    const options = type === 'judge' ? ['正确', '错误'] : ['甲', '乙', '丙', '丁'];
    const answer = type === 'multiple' ? [0, 2, 3] : [Math.floor(random() * options.length)];
    return {
      id: `${chapter}-${String(i).padStart(5, '0')}`,
      chapter,
      section: `section-${(i % 7) + 1}`,
      type,
      difficulty: ((i % 3) + 1) as Difficulty,
      stem: `第 ${i} 题（  ）。`,
      options,
      answer,
      explanation: '解析',
      tags: random() < 1 / 12 ? ['职业道德'] : [],
    };
  });
}

/** The national theory paper as the content defines it (src/content/exams/secretary-theory.yaml). */
const blueprint = checkContent(loadContentSources(process.cwd())).blueprints.find((b) => b.id === 'secretary-theory');
if (!blueprint) throw new Error('src/content/exams/secretary-theory.yaml is missing');

const bank = syntheticBank(10_000, 12);
const paper: Paper = drawPaper(bank, blueprint, 'bench-paper');
const random = createRandom('bench-responses');
const responses: Responses = Object.fromEntries(paper.items.map((item, i) => [i, random() < 0.7 ? item.question.answer : [0]]));

/** A 500-step exam: start, then answers, changed answers, flags and navigation, then submit. */
function examSteps(count: number): AttemptStep[] {
  const items = paper.items.length;
  let attempt: Attempt = startAttempt({ behaviour: 'exam', itemCount: items, timeLimitMs: 90 * 60_000 }, 0);
  for (let i = 1; attempt.steps.length < count - 1; i++) {
    const item = i % items;
    const kinds = ['navigate', 'answer', 'answer', 'flag', 'unflag'] as const;
    const kind = kinds[i % kinds.length] ?? 'answer';
    const step: AttemptStep = kind === 'answer' ? { kind, at: i * 1000, item, choice: [i % 4] } : { kind, at: i * 1000, item };
    attempt = record(attempt, step).attempt;
  }
  return record(attempt, { kind: 'submit', at: count * 1000 }).attempt.steps;
}
const steps = examSteps(500);
if (steps.length !== 500 || replay(steps).status !== 'submitted') throw new Error('bench attempt is not 500 steps');

interface Measurement {
  /** Key in the --json object. */
  key: string;
  label: string;
  targetMs: number;
  run: (i: number) => unknown;
}

const classInput = syntheticClass(1, 300, 125);

const MEASUREMENTS: Measurement[] = [
  { key: 'drawPaperMs', label: 'drawPaper, 125 of 10,000', targetMs: 5, run: (i) => drawPaper(bank, blueprint, `bench-${i}`) },
  { key: 'scorePaperMs', label: 'scorePaper, 125 items', targetMs: 1, run: () => scorePaper(paper, responses) },
  { key: 'replayAttemptMs', label: 'replay, 500 steps', targetMs: 2, run: () => replay(steps) },
  { key: 'classReportMs', label: 'class report, 300 learners × 125', targetMs: 100, run: () => computeClassReport(classInput) },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function medianMs(measurement: Measurement): number {
  for (let i = 0; i < WARMUP; i++) measurement.run(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    measurement.run(i);
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 1000) / 1000;
}

const results = MEASUREMENTS.map((m) => ({ ...m, ms: medianMs(m) }));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.key, r.ms]))));
} else {
  console.log(`Quiz engine, median of ${RUNS} runs (bank: ${bank.length} questions, 12 chapters)\n`);
  const rows = results.map((r) => [r.label, `${r.ms.toFixed(3)} ms`, `≤ ${r.targetMs} ms`, r.ms <= r.targetMs ? 'ok' : 'SLOW']);
  const header = ['measurement', 'median', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
}
