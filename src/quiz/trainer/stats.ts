/**
 * The class report (班级报告): roster, score distribution, and item analysis as Moodle's quiz
 * statistics define it (https://docs.moodle.org/en/Quiz_statistics_calculations):
 *
 * - Facility index: the mean score on the item as a percentage of its maximum.
 * - Discrimination index: 100 × the correlation between the item score and the score on the rest
 *   of the test (the total minus this item), so an item does not correlate with itself.
 * - Discriminative efficiency: 100 × that covariance divided by the largest covariance the two
 *   score lists could have, got by sorting both and pairing them in order.
 *
 * Each learner counts once, with their latest attempt, scored by the report itself: the answers
 * are re-scored on the learner's redrawn paper (`verify.ts`), never taken from the code's claim.
 * Papers may differ per learner (`variant: 'per-learner'`): items are matched by question id, and
 * each question's statistics use the learners whose paper held it.
 *
 * A written paper (the skills paper, issue 14) is marked by the learner: its scores are 自评, an
 * item's facility is the mean share of its points the ticked 得分点 earn, and the report adds, for
 * every 得分点, how many learners ticked it — the points the class keeps missing come first.
 *
 * 300 learners × 125 items must take well under 100 ms: scores go into flat typed arrays and the
 * sums behind every statistic are gathered in one pass over them.
 */
import { isWrittenPaper, type AnyPaper, type WrittenPaper } from '../written.ts';
import { latestAttempts } from './inbox.ts';
import { flatPoints, paperFingerprint, reportItems, type ReportItem } from './paper.ts';
import { isWrittenResult, type AnyResultCode, type ResultScore, type WrittenResultCode } from './result.ts';
import { SUSPICIOUS, verifyResult, type FlagKind, type RedrawnPaper, type ResultFlag, type VerifiedAssignment, type Verification } from './verify.ts';

export interface ClassReportInput {
  /** The due date, and — when known — the time limit and the creation time, for the flags. */
  assignment: VerifiedAssignment;
  /** Every submission received; a learner with several counts once, with the latest. */
  results: readonly AnyResultCode[];
  /**
   * The learner's paper as the trainer redraws it, or why it cannot be. For a shared paper return
   * the same object every time: it is indexed (and fingerprinted) once, not once per learner.
   */
  paperFor: (result: AnyResultCode) => RedrawnPaper;
}

export interface RosterRow {
  learner: string;
  /** As re-scored from the answers, or — when `scoredBy` is `claim` — as the code claims. */
  points: number;
  max: number;
  /** points / max × 100. */
  percent: number;
  passed: boolean;
  /** Whether the answers were re-scored on the redrawn paper, or the paper could not be redrawn. */
  scoredBy: Verification['scoredBy'];
  /** The score the code claims. */
  claimed: ResultScore;
  /** From opening the paper to submitting it (negative in a code submitted before it started). */
  secondsUsed: number;
  /** Epoch seconds. */
  submittedAt: number;
  /** Submitted after the due date. */
  late: boolean;
  /** How many attempts the learner submitted; the row shows the latest. */
  attempts: number;
  /** What does not add up about the code (`verify.ts`); empty when everything does. */
  flags: ResultFlag[];
  /**
   * Present for a written paper's result, whose score is the learner's own marking (自评): the
   * 得分点 the learner did not tick, in paper order; null when the paper could not be redrawn.
   */
  selfMarked?: { missed: MissedPoint[] | null };
}

/** A 得分点 on a learner's written paper: the item's position and id, and the point within its part. */
export interface MissedPoint {
  /** 1-based position of the item on the learner's paper. */
  position: number;
  itemId: string;
  /** 0-based part (问) of the item, and 0-based point within that part. */
  part: number;
  point: number;
}

/** How the class did on one 得分点 of a written item. */
export interface PointStats {
  /** 1-based: the item's position on the paper (on per-learner papers, the order first met). */
  position: number;
  itemId: string;
  /** 0-based part (问) of the item, and 0-based point within that part. */
  part: number;
  point: number;
  /** What the point asks for, and what it is worth within the item. */
  text: string;
  score: number;
  /** Learners whose paper held the item and who ticked the point. */
  ticked: number;
  /** Learners whose re-scored paper held the item. */
  responses: number;
  /** Percent of those who did not tick it. */
  missRate: number;
}

export interface ScoreBin {
  /** Percent, inclusive. */
  from: number;
  /** Percent, exclusive, except that the last bin includes 100. */
  to: number;
  count: number;
}

export interface ItemStats {
  /** 1-based: the item's position on the paper (on per-learner papers, the order first met). */
  position: number;
  questionId: string;
  /** `chapter#section`. */
  section: string;
  /** How many learners' papers held this item. */
  responses: number;
  /** Mean score as a percentage of the item's maximum; null with no responses. */
  facility: number | null;
  /** Standard deviation of the score, as a percentage of the item's maximum; null below 2 responses. */
  sd: number | null;
  /** Percent; null when either score list does not vary (e.g. everyone got the item right). */
  discrimination: number | null;
  /** Percent; null when it cannot be defined (as for discrimination). */
  efficiency: number | null;
}

export interface SectionStats {
  /** `chapter#section`. */
  section: string;
  /** Distinct questions from this section across the papers. */
  questions: number;
  /** Item responses counted. */
  responses: number;
  /** 100 − mean score percentage over those responses. */
  errorRate: number;
}

export interface ClassReport {
  /** By name, in pinyin order. */
  roster: RosterRow[];
  summary: {
    learners: number;
    /** Mean and median of `percent`; null with no learners. */
    meanPercent: number | null;
    medianPercent: number | null;
    /** Percent of learners who passed; null with no learners. */
    passRate: number | null;
    late: number;
    /** Learners whose code has a flag other than 逾期: the rows the trainer should look into. */
    flagged: number;
    /** Learners per kind of flag. */
    flags: Record<FlagKind, number>;
  };
  /** Ten bins of 10 percentage points: 0–10, …, 90–100. */
  distribution: ScoreBin[];
  /** In paper order. */
  items: ItemStats[];
  /** Items with responses, lowest facility first. */
  mostMissed: ItemStats[];
  /** Highest error rate first. */
  sections: SectionStats[];
  /**
   * Written papers: every 得分点 of every item, the most missed first (ties in paper order), so
   * filtering by `itemId` gives an item's most-missed points; empty for objective papers.
   */
  mostMissedPoints: PointStats[];
  /** Results left out of the item statistics (not re-scored), and why; they stay in the roster. */
  excluded: { learner: string; reason: string }[];
}

const collator = new Intl.Collator('zh-CN');

export function computeClassReport(input: ClassReportInput): ClassReport {
  const latest = latestAttempts(input.results);
  const fingerprints = new Map<AnyPaper, string>();
  const fingerprintOf = (paper: AnyPaper) => {
    let fingerprint = fingerprints.get(paper);
    if (fingerprint === undefined) fingerprints.set(paper, (fingerprint = paperFingerprint(paper)));
    return fingerprint;
  };

  const checked = latest.map(({ result, attempts }) => {
    const redrawn = input.paperFor(result);
    return { result, attempts, redrawn, verification: verifyResult(input.assignment, result, redrawn, fingerprintOf) };
  });

  const roster: RosterRow[] = checked.map(({ result, attempts, redrawn, verification: { score, scoredBy, flags } }) => {
    const row: RosterRow = {
      learner: result.learner,
      points: score.points,
      max: score.max,
      percent: (score.points / score.max) * 100,
      passed: score.passed,
      scoredBy,
      claimed: result.score,
      secondsUsed: result.submittedAt - result.startedAt,
      submittedAt: result.submittedAt,
      late: flags.some((flag) => flag.kind === 'late'),
      attempts,
      flags,
    };
    if (isWrittenResult(result)) {
      const rescored = scoredBy === 'answers' && redrawn.ok && isWrittenPaper(redrawn.value) ? redrawn.value : null;
      row.selfMarked = { missed: rescored === null ? null : missedPoints(rescored, result) };
    }
    return row;
  });
  roster.sort((a, b) => collator.compare(a.learner, b.learner) || a.submittedAt - b.submittedAt);

  const scored: ScoredPaper[] = [];
  const marked: { paper: WrittenPaper; result: WrittenResultCode }[] = [];
  const excluded: ClassReport['excluded'] = [];
  for (const { result, redrawn, verification } of checked) {
    if (redrawn.ok && verification.credit !== null) {
      scored.push({ paper: redrawn.value, credit: verification.credit });
      if (isWrittenPaper(redrawn.value) && isWrittenResult(result)) marked.push({ paper: redrawn.value, result });
    } else excluded.push({ learner: result.learner, reason: verification.flags.find((f) => f.kind === 'unchecked')?.message ?? '无法复核' });
  }
  const { items, sections } = analyseItems(scored);
  const mostMissed = items
    .filter((item) => item.facility !== null)
    .sort((a, b) => a.facility! - b.facility! || a.position - b.position);
  const mostMissedPoints = analysePoints(marked);

  return { roster, summary: summarise(roster), distribution: histogram(roster), items, mostMissed, sections, mostMissedPoints, excluded };
}

/** The 得分点 of a learner's written paper they did not tick, in paper order. */
function missedPoints(paper: WrittenPaper, result: WrittenResultCode): MissedPoint[] {
  return paper.items.flatMap((slot, i) => {
    const ticked = new Set(result.written[i]?.ticked ?? []);
    return flatPoints(slot.written)
      .filter((_, n) => !ticked.has(n))
      .map(({ part, point }) => ({ position: i + 1, itemId: slot.questionId, part, point }));
  });
}

/**
 * Per 得分点, over the re-scored written results: how many learners whose paper held its item
 * ticked it. Items are matched by id, as in the item statistics, so per-learner papers pool.
 */
function analysePoints(marked: readonly { paper: WrittenPaper; result: WrittenResultCode }[]): PointStats[] {
  const stats = new Map<string, PointStats>();
  const positions = new Map<string, number>();
  for (const { paper, result } of marked) {
    paper.items.forEach((slot, i) => {
      const id = slot.questionId;
      if (!positions.has(id)) positions.set(id, positions.size + 1);
      const ticked = new Set(result.written[i]?.ticked ?? []);
      flatPoints(slot.written).forEach(({ part, point, text, score }, n) => {
        const key = `${id}\u0000${n}`;
        let entry = stats.get(key);
        if (!entry) stats.set(key, (entry = { position: positions.get(id)!, itemId: id, part, point, text, score, ticked: 0, responses: 0, missRate: 0 }));
        entry.responses++;
        if (ticked.has(n)) entry.ticked++;
      });
    });
  }
  return [...stats.values()]
    .map((entry) => ({ ...entry, missRate: 100 - (entry.ticked / entry.responses) * 100 }))
    .sort((a, b) => b.missRate - a.missRate || a.position - b.position || a.part - b.part || a.point - b.point);
}

function summarise(roster: readonly RosterRow[]): ClassReport['summary'] {
  const n = roster.length;
  const flags = Object.fromEntries([...SUSPICIOUS, 'late'].map((kind) => [kind, 0])) as Record<FlagKind, number>;
  for (const row of roster) for (const kind of new Set(row.flags.map((f) => f.kind))) flags[kind]++;
  const flagged = roster.filter((row) => row.flags.some((f) => SUSPICIOUS.includes(f.kind))).length;
  if (n === 0) return { learners: 0, meanPercent: null, medianPercent: null, passRate: null, late: 0, flagged, flags };
  const percents = Float64Array.from(roster, (r) => r.percent).sort();
  const mid = n >> 1;
  return {
    learners: n,
    meanPercent: percents.reduce((s, p) => s + p, 0) / n,
    medianPercent: n % 2 === 1 ? percents[mid]! : (percents[mid - 1]! + percents[mid]!) / 2,
    passRate: (roster.filter((r) => r.passed).length / n) * 100,
    late: flags.late,
    flagged,
    flags,
  };
}

function histogram(roster: readonly RosterRow[]): ScoreBin[] {
  const counts = new Array<number>(10).fill(0);
  for (const row of roster) {
    // The epsilon keeps 57/100 × 100 = 56.99999999999999 out of the wrong bin.
    const bin = Math.min(9, Math.max(0, Math.floor(row.percent / 10 + 1e-9)));
    counts[bin]!++;
  }
  return counts.map((count, i) => ({ from: i * 10, to: i * 10 + 10, count }));
}

interface PaperIndex {
  /** Question number (into the report's question list) of each paper item. */
  question: Int32Array;
  points: Float64Array;
}

/** A re-scored result: its paper and the credit its answers (or ticks) earn there, item by item. */
interface ScoredPaper {
  paper: AnyPaper;
  credit: readonly number[];
}

function analyseItems(results: readonly ScoredPaper[]): Pick<ClassReport, 'items' | 'sections'> {
  const questions: ReportItem[] = [];
  const questionNumber = new Map<string, number>();
  const indexed = new Map<AnyPaper, PaperIndex>();

  const indexPaper = (paper: AnyPaper): PaperIndex => {
    const known = indexed.get(paper);
    if (known) return known;
    const items = reportItems(paper);
    const question = new Int32Array(items.length);
    const points = new Float64Array(items.length);
    items.forEach((item, i) => {
      let q = questionNumber.get(item.id);
      if (q === undefined) {
        q = questions.length;
        questions.push(item);
        questionNumber.set(item.id, q);
      }
      question[i] = q;
      points[i] = item.points;
    });
    const index = { question, points };
    indexed.set(paper, index);
    return index;
  };

  // Lay every counted response out flat: cell k is (learner, question cellQ[k], credit cellC[k]).
  const counted = results.map(({ paper, credit }) => ({ credit, paper: indexPaper(paper) }));
  const cells = counted.reduce((sum, { paper }) => sum + paper.question.length, 0);
  const cellQ = new Int32Array(cells);
  const cellC = new Float64Array(cells);
  const cellR = new Float64Array(cells);
  let k = 0;
  for (const { credit: credits, paper } of counted) {
    const start = k;
    let total = 0;
    for (let i = 0; i < paper.question.length; i++, k++) {
      const credit = credits[i]!;
      cellQ[k] = paper.question[i]!;
      cellC[k] = credit;
      cellR[k] = credit * paper.points[i]!;
      total += cellR[k]!;
    }
    // Rest of the test: the learner's total without this item.
    for (let j = start; j < k; j++) cellR[j] = total - cellR[j]!;
  }

  // The one pass: per question, the sums behind mean, variance and covariance, plus the range of
  // each list so that "does not vary" is decided exactly rather than by a rounding-prone variance.
  const m = questions.length;
  const n = new Int32Array(m);
  const sumC = new Float64Array(m);
  const sumCC = new Float64Array(m);
  const sumR = new Float64Array(m);
  const sumRR = new Float64Array(m);
  const sumCR = new Float64Array(m);
  const minC = new Float64Array(m).fill(Infinity);
  const maxC = new Float64Array(m).fill(-Infinity);
  const minR = new Float64Array(m).fill(Infinity);
  const maxR = new Float64Array(m).fill(-Infinity);
  for (let j = 0; j < cells; j++) {
    const q = cellQ[j]!;
    const c = cellC[j]!;
    const r = cellR[j]!;
    n[q]!++;
    sumC[q]! += c;
    sumCC[q]! += c * c;
    sumR[q]! += r;
    sumRR[q]! += r * r;
    sumCR[q]! += c * r;
    if (c < minC[q]!) minC[q] = c;
    if (c > maxC[q]!) maxC[q] = c;
    if (r < minR[q]!) minR[q] = r;
    if (r > maxR[q]!) maxR[q] = r;
  }

  // Discriminative efficiency pairs each question's sorted item scores with its sorted rest
  // scores, so group the cells by question (a counting sort) and sort each group.
  const offset = new Int32Array(m + 1);
  for (let q = 0; q < m; q++) offset[q + 1] = offset[q]! + n[q]!;
  const fill = offset.slice(0, m);
  const byQC = new Float64Array(cells);
  const byQR = new Float64Array(cells);
  for (let j = 0; j < cells; j++) {
    const at = fill[cellQ[j]!]!++;
    byQC[at] = cellC[j]!;
    byQR[at] = cellR[j]!;
  }

  const items: ItemStats[] = questions.map((question, q) => {
    const count = n[q]!;
    const base = {
      position: q + 1,
      questionId: question.id,
      section: `${question.chapter}#${question.section}`,
      responses: count,
    };
    if (count === 0) return { ...base, facility: null, sd: null, discrimination: null, efficiency: null };
    const meanC = sumC[q]! / count;
    if (count < 2) return { ...base, facility: meanC * 100, sd: null, discrimination: null, efficiency: null };
    const meanR = sumR[q]! / count;
    const varies = minC[q]! < maxC[q]! && minR[q]! < maxR[q]!;
    const varC = minC[q]! < maxC[q]! ? Math.max(0, (sumCC[q]! - sumC[q]! * meanC) / (count - 1)) : 0;
    const varR = Math.max(0, (sumRR[q]! - sumR[q]! * meanR) / (count - 1));
    const cov = (sumCR[q]! - sumC[q]! * meanR) / (count - 1);
    let discrimination: number | null = null;
    let efficiency: number | null = null;
    if (varies && varC > 0 && varR > 0) {
      discrimination = clampPercent((100 * cov) / Math.sqrt(varC * varR));
      const sortedC = byQC.subarray(offset[q]!, offset[q + 1]!).sort();
      const sortedR = byQR.subarray(offset[q]!, offset[q + 1]!).sort();
      let maxSum = 0;
      for (let i = 0; i < count; i++) maxSum += (sortedC[i]! - meanC) * (sortedR[i]! - meanR);
      const covMax = maxSum / (count - 1);
      if (covMax > 0) efficiency = clampPercent((100 * cov) / covMax);
    }
    return { ...base, facility: meanC * 100, sd: Math.sqrt(varC) * 100, discrimination, efficiency };
  });

  const bySection = new Map<string, { questions: number; responses: number; credit: number }>();
  items.forEach((item, q) => {
    const entry = bySection.get(item.section) ?? { questions: 0, responses: 0, credit: 0 };
    entry.questions++;
    entry.responses += n[q]!;
    entry.credit += sumC[q]!;
    bySection.set(item.section, entry);
  });
  const sections: SectionStats[] = [...bySection]
    .filter(([, s]) => s.responses > 0)
    .map(([section, s]) => ({
      section,
      questions: s.questions,
      responses: s.responses,
      errorRate: 100 - (s.credit / s.responses) * 100,
    }))
    .sort((a, b) => b.errorRate - a.errorRate || a.section.localeCompare(b.section));

  return { items, sections };
}

/** Rounding can carry a perfect correlation a hair past ±100. */
function clampPercent(value: number): number {
  return Math.max(-100, Math.min(100, value));
}
