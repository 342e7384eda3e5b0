/**
 * Type guards for progress read back from storage or an import file. Anything could be there (an
 * old app version, a browser extension, a hand-edited export), so every field is checked before the
 * engine trusts it. Hand-written rather than zod to keep the learner's JS small.
 */
import type { AttemptRecord, AttemptStep } from './attempt.ts';
import { isBehaviourName } from './behaviours.ts';
import type { CaseWork } from './case.ts';
import type { PaperLayout, PaperPart, PaperSlot } from './draw.ts';
import type { MultiplePolicy } from './models.ts';
import type { ReviewRecord, ReviewState, StoredCard } from './review.ts';
import { hasFields, isArrayOf, isBoolean, isCount, isFields, isNullable, isNumber, isString, type Fields } from './primitives.ts';

const isCounts = isArrayOf(isCount);

export function isStoredCard(v: unknown): v is StoredCard {
  return hasFields(v, {
    due: isNumber,
    stability: isNumber,
    difficulty: isNumber,
    elapsed_days: isNumber,
    scheduled_days: isNumber,
    learning_steps: isNumber,
    reps: isCount,
    lapses: isCount,
    state: (s) => s === 0 || s === 1 || s === 2 || s === 3,
    last_review: isNullable(isNumber),
  });
}

export function isReviewRecord(v: unknown): v is ReviewRecord {
  return hasFields(v, {
    questionId: isString,
    inWrongBook: isBoolean,
    pinned: isBoolean,
    starred: isBoolean,
    wrongCount: isCount,
    rightStreak: isCount,
    lastWrongAt: isNullable(isNumber),
    card: isNullable(isStoredCard),
    updatedAt: isNumber,
  });
}

export function isReviewState(v: unknown): v is ReviewState {
  return (
    hasFields(v, { records: isFields }) &&
    Object.entries(v['records'] as Fields).every(([id, record]) => isReviewRecord(record) && record.questionId === id)
  );
}

export function isAttemptStep(v: unknown): v is AttemptStep {
  if (!isFields(v) || !isNumber(v['at'])) return false;
  switch (v['kind']) {
    case 'start':
      return isBehaviourName(v['behaviour']) && isCount(v['itemCount']) && isCount(v['timeLimitMs']);
    case 'answer':
      return isCount(v['item']) && isCounts(v['choice']);
    case 'flag':
    case 'unflag':
    case 'navigate':
      return isCount(v['item']);
    case 'write':
      return isCount(v['item']) && isCount(v['part']) && isString(v['text']);
    case 'tick':
      return isCount(v['item']) && isCount(v['part']) && isCount(v['point']) && isBoolean(v['ticked']);
    case 'submit':
    case 'timeUp':
      return true;
    default:
      return false;
  }
}

const isPolicy = (v: unknown): v is MultiplePolicy => v === 'all-or-nothing' || v === 'partial';

const isPaperPart = (v: unknown): v is PaperPart => hasFields(v, { title: isString, points: isNumber, count: isCount });

const isPaperSlot = (v: unknown): v is PaperSlot => hasFields(v, { part: isCount, questionId: isString, permutation: isCounts });

export function isPaperLayout(v: unknown): v is PaperLayout {
  return hasFields(v, {
    kind: (k) => k === undefined || k === 'objective' || k === 'written',
    blueprintId: isString,
    title: isString,
    seed: isString,
    chapter: isNullable(isString),
    minutes: isCount,
    passMark: isNumber,
    multiplePolicy: isPolicy,
    parts: isArrayOf(isPaperPart),
    items: isArrayOf(isPaperSlot),
  });
}

export function isAttemptRecord(v: unknown): v is AttemptRecord {
  return hasFields(v, { id: isString, layout: isPaperLayout, steps: isArrayOf(isAttemptStep) });
}

export function isCaseWork(v: unknown): v is CaseWork {
  return hasFields(v, {
    caseId: isString,
    parts: isArrayOf((p): p is CaseWork['parts'][number] => hasFields(p, { text: isString, ticked: isCounts })),
    revealed: isBoolean,
    updatedAt: isNumber,
  });
}
