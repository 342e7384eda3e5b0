/**
 * A synthetic class for the class-report benchmark (`npm run bench`, classReportMs) and tests:
 * 300 learners × 125 items, seeded so every run measures the same work.
 */
import { createRandom } from '../random.ts';
import type { ResultCode } from './result.ts';
import type { ClassReportInput, ReportItem } from './stats.ts';

/**
 * A class where each learner has an ability and each item a difficulty, so the statistics have
 * something to find: 单选/判断 are right or wrong, every fifth item is a 多选 with partial credit.
 */
export function syntheticClass(seed = 1, learners = 300, itemCount = 125): ClassReportInput {
  const random = createRandom(`class-${seed}`);
  const paper: ReportItem[] = Array.from({ length: itemCount }, (_, i) => ({
    id: `q-${String(i + 1).padStart(3, '0')}`,
    chapter: `chapter-${(i % 8) + 1}`,
    section: `section-${(i % 5) + 1}`,
    points: i % 5 === 4 ? 2 : 1,
  }));
  const difficulty = paper.map(() => random() * 2 - 1);
  const maxPoints = paper.reduce((sum, item) => sum + item.points, 0);
  const results: ResultCode[] = [];
  for (let l = 0; l < learners; l++) {
    const ability = random() * 3 - 1.5;
    const answers: number[][] = [];
    const credit: number[] = [];
    let points = 0;
    paper.forEach((item, i) => {
      const p = 1 / (1 + Math.exp(-(ability - difficulty[i]!) * 1.7));
      const partial = i % 5 === 4;
      const c = random() < p ? 1 : partial && random() < 0.5 ? 0.5 : 0;
      credit.push(c);
      answers.push(c === 1 ? [0, 2] : c > 0 ? [0] : [Math.floor(random() * 4)]);
      points += c * item.points;
    });
    const startedAt = 1_767_225_600 + l * 60;
    results.push({
      assignmentId: 'k3m9x2qp',
      learner: `学员${l + 1}`,
      startedAt,
      submittedAt: startedAt + 1800 + Math.floor(random() * 1800),
      score: { points, max: maxPoints, passed: points / maxPoints >= 0.6 },
      fingerprint: 'synthe',
      answers,
      credit,
    });
  }
  return { assignment: { due: '2026-01-10' }, results, paperFor: () => paper };
}
