/**
 * The quiz engine's public API. Pure TypeScript: no DOM, no Astro, no clock and no Math.random —
 * the UI passes the time (`now`, epoch ms), a seed and a key-value store in.
 */
export type {
  Blueprint,
  BlueprintPart,
  CaseItem,
  Difficulty,
  DrawCounts,
  MultiplePolicy,
  ObjectiveType,
  QuestionPool,
  QuizQuestion,
  ScoringPoint,
} from './models.ts';
export { JUDGE_OPTIONS } from './models.ts';
export { describeShortfall, findShortfalls, forChapter, inPool, OBJECTIVE_TYPES, TYPE_NAMES, totalDrawn } from './pool.ts';
export type { Shortfall } from './pool.ts';

export { createRandom, pick, shuffle } from './random.ts';
export type { Random } from './random.ts';

export { allocate, drawPaper, layoutOf, PaperDrawError, restorePaper } from './draw.ts';
export type { DrawOptions, Paper, PaperHeader, PaperItem, PaperLayout, PaperPart, PaperSlot } from './draw.ts';

export { creditFor, MULTIPLE_RULES, scorePaper } from './scoring.ts';
export type { ItemMark, PaperScore, PartScore, Responses, Tally } from './scoring.ts';

export { BEHAVIOURS, feedbackFor, isBehaviourName, scoreAttempt } from './behaviours.ts';
export type { Behaviour, BehaviourName, Feedback, Verdict } from './behaviours.ts';

export {
  mergeAttemptRecords,
  mergeSteps,
  record,
  remainingMs,
  replay,
  settle,
  startAttempt,
  stepKey,
} from './attempt.ts';
export type {
  AnswerStep,
  Attempt,
  AttemptRecord,
  AttemptState,
  AttemptStatus,
  AttemptStep,
  EndStep,
  ItemStep,
  RecordResult,
  Rejection,
  RejectReason,
  StartStep,
  StepKind,
} from './attempt.ts';

export { mergeCaseWork, revealModelAnswers, selfMark, startCase, tickPoint, writeCaseAnswer } from './case.ts';
export type { CasePartWork, CaseWork, SelfMark } from './case.ts';

export {
  dueCards,
  emptyReview,
  mergeReview,
  newCard,
  recordAnswer,
  recordMarks,
  removeFromWrongBook,
  RIGHT_STREAK_TO_LEAVE,
  setPinned,
  setStarred,
  starredQuestions,
  toStoredCard,
  wrongBook,
} from './review.ts';
export type { ReviewRecord, ReviewState, StoredCard } from './review.ts';

export {
  exportProgress,
  importProgress,
  isQuotaExceeded,
  loadAttempt,
  loadProgress,
  PROGRESS_FORMAT,
  saveAttempt,
  saveCaseWork,
  saveReview,
  STORAGE_PREFIX,
} from './storage.ts';
export type {
  ImportResult,
  KeyValueStore,
  LoadResult,
  Progress,
  ProgressDocument,
  ReadResult,
  SaveResult,
  StorageProblem,
} from './storage.ts';
