/**
 * The quiz engine's public API. Pure TypeScript: no DOM, no Astro, no clock and no Math.random —
 * the UI passes the time (`now`, epoch ms), a seed and a key-value store in. Importing it runs
 * nothing: no module here does work at load time, so a page bundles only what it calls.
 * The trainer toolkit has its own entry (`trainer/index.ts`), and so does its CSV export
 * (`trainer/csv.ts`, which brings papaparse).
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
export { DIFFICULTIES, DIFFICULTY_NAMES, JUDGE_OPTIONS, TYPE_NAMES } from './models.ts';
export type { ItemType, Material, WrittenKind, WrittenPart } from './models.ts';
export { describeShortfall, findShortfalls, forChapter, inPool, itemsDrawn, OBJECTIVE_TYPES, totalDrawn } from './pool.ts';
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
  assignmentAttemptId,
  isAssignmentAttempt,
  MAX_ANSWER_CHARS,
  MAX_WRITTEN_PARTS,
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
  TickStep,
  WriteStep,
} from './attempt.ts';

export {
  itemOfPointReview,
  mergeCaseWork,
  pointOutcomes,
  pointReviewId,
  POINT_REVIEW_PREFIX,
  revealModelAnswers,
  selfMark,
  startCase,
  tickPoint,
  writeCaseAnswer,
} from './case.ts';
export type { CasePartWork, CaseWork, SelfMark } from './case.ts';

export {
  dueCards,
  emptyReview,
  mergeReview,
  newCard,
  removeFromWrongBook,
  RIGHT_STREAK_TO_LEAVE,
  setPinned,
  setStarred,
  starredQuestions,
  wrongBook,
} from './review.ts';
export type { ReviewRecord, ReviewState, StoredCard } from './review.ts';
export { recordAnswer, recordMarks, storeMarks, toStoredCard } from './schedule.ts';

export { AttemptSession, layoutOfAny } from './session.ts';
export type { MarksRecorder, SessionOptions, StepOutcome } from './session.ts';

export { entryNames, isQuotaExceeded, readEntry, STORAGE_PREFIX, storedSize, writeBatch, writeEntry } from './store.ts';
export type { BatchWrite, EntryKind, Envelope, KeyValueStore, ReadResult, SaveResult, StorageProblem } from './store.ts';
export { ATTEMPT, CASE, loadAttempt, REVIEW, saveAttempt, saveCaseWork, saveReview, touchesAttempt } from './progress-entries.ts';
export {
  LAST_READ,
  loadReadFlags,
  loadStudyPlan,
  READ,
  saveLastRead,
  saveReadFlag,
  saveStudyPlan,
  saveTheme,
  STUDY_PLAN,
  THEME,
} from './device-entries.ts';
export type { LastRead, ReadFlag, StudyPlanSettings, Theme, ThemeChoice } from './device-entries.ts';
export { loadProgress } from './progress.ts';
export type { LoadResult, Progress } from './progress.ts';
export { applyImport, ENTRY_KINDS, exportProgress, importProgress, kindOf, MAX_IMPORT_CHARS, planImport, PROGRESS_FORMAT, PROGRESS_VERSION } from './transfer.ts';
export type { ExportResult, ImportCount, ImportPlan, ImportResult, PlannedImport, ProgressDocument } from './transfer.ts';

export { planStudy, PLAN_MINUTES } from './study-plan.ts';
export type { PlanChapter, PlanDay, PlanInput, PlanTask, StudyPlan } from './study-plan.ts';

export {
  describeWrittenShortfall,
  drawWrittenPaper,
  findWrittenShortfalls,
  isWrittenBlueprint,
  isWrittenPaper,
  itemPoints,
  restoreWrittenPaper,
  scoreWritten,
  WrittenDrawError,
  writtenLayoutOf,
  WRITTEN_KINDS,
} from './written.ts';
export type { AnyPaper, WrittenItemMark, WrittenPaper, WrittenPaperItem, WrittenScore, WrittenShortfall } from './written.ts';
export { pointTerms, seemsCovered } from './rubric-hint.ts';

export { answerTimes, calendarDay, latestAnswers, studyStreak } from './activity.ts';
export type { LatestAnswer, Streak } from './activity.ts';

export { beijingDay, beijingTime, BEIJING_OFFSET_MS, DAY_MS, formatDuration, formatPoints } from './format.ts';
