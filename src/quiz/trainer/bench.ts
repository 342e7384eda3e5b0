/**
 * A synthetic class for the class-report benchmark (`npm run bench`, classReportMs) and tests:
 * 300 learners × 125 items, seeded so every run measures the same work — re-scoring included,
 * since the report scores every learner's answers itself.
 */
import type { Paper } from '../draw.ts';
import type { QuizQuestion } from '../models.ts';
import { createRandom } from '../random.ts';
import { scorePaper } from '../scoring.ts';
import { paperFingerprint } from './paper.ts';
import type { ResultCode } from './result.ts';
import type { ClassReportInput } from './stats.ts';

/**
 * A class where each learner has an ability and each item a difficulty, so the statistics have
 * something to find: 单选 are right or wrong (1 point each), every fifth item is a 多选 worth 2
 * points with partial credit (one of its two keys earns half).
 */
export function syntheticClass(seed = 1, learners = 300, itemCount = 125): Omit<ClassReportInput, 'results'> & { results: ResultCode[] } {
  const random = createRandom(`class-${seed}`);
  const questions = Array.from({ length: itemCount }, (_, i): QuizQuestion => {
    const multiple = i % 5 === 4;
    return {
      id: `q-${String(i + 1).padStart(3, '0')}`,
      chapter: `chapter-${(i % 8) + 1}`,
      section: `section-${(i % 5) + 1}`,
      type: multiple ? 'multiple' : 'single',
      difficulty: 2,
      stem: `第 ${i + 1} 题`,
      options: ['甲', '乙', '丙', '丁'],
      answer: multiple ? [0, 2] : [1],
      explanation: '',
      tags: [],
    };
  });
  const multiples = questions.filter((q) => q.type === 'multiple').length;
  const singles = itemCount - multiples;
  const parts = [
    { title: '单选', points: singles, count: singles },
    { title: '多选', points: 2 * multiples, count: multiples },
  ];
  const max = singles + 2 * multiples;
  const paper: Paper = {
    blueprintId: 'synthetic',
    title: '模拟班级',
    seed: `class-${seed}`,
    chapter: null,
    minutes: 60,
    passMark: Math.ceil(max * 60) / 100,
    multiplePolicy: 'partial',
    parts,
    items: questions.map((question) => ({ part: question.type === 'multiple' ? 1 : 0, questionId: question.id, permutation: [0, 1, 2, 3], question })),
  };
  const fingerprint = paperFingerprint(paper);
  const difficulty = questions.map(() => random() * 2 - 1);
  const results: ResultCode[] = [];
  for (let l = 0; l < learners; l++) {
    const ability = random() * 3 - 1.5;
    const answers = questions.map((question, i) => {
      const p = 1 / (1 + Math.exp(-(ability - difficulty[i]!) * 1.7));
      if (random() < p) return question.answer;
      return question.type === 'multiple' && random() < 0.5 ? [0] : [3];
    });
    const score = scorePaper(paper, Object.fromEntries(answers.map((chosen, i) => [i, chosen])));
    const startedAt = 1_767_225_600 + l * 60;
    results.push({
      assignmentId: 'k3m9x2qp',
      learner: `学员${l + 1}`,
      startedAt,
      submittedAt: startedAt + 1800 + Math.floor(random() * 1800),
      score: { points: score.total, max: score.maxTotal, passed: score.passed },
      fingerprint,
      answers,
      credit: score.items.map((mark) => mark.credit),
    });
  }
  const redrawn = { ok: true as const, value: paper };
  return { assignment: { due: '2026-01-10', minutes: 60 }, results, paperFor: () => redrawn };
}
