/** The trainer toolkit: assignment links, result codes, the results inbox and the class report. */
export {
  CODE_KINDS,
  CODEC_VERSION,
  createCodec,
  extractCode,
  type Codec,
  type CodecSpec,
  type CodeError,
  type CodeErrorCode,
  type CodeKind,
  type Result,
} from './codec.ts';
export {
  ASSIGNMENT_PATH,
  BEIJING_UTC_OFFSET_SECONDS,
  EPOCH_RANGE,
  LIMITS,
  assignmentLink,
  createAssignment,
  decodeAssignment,
  dueDeadline,
  encodeAssignment,
  newAssignmentId,
  readAssignmentLink,
  validateAssignment,
  type AssignmentDraft,
  type AssignmentSpec,
  type CountsByDifficulty,
  type PaperVariant,
  type QuestionMix,
  type TrainerDeps,
} from './assignment.ts';
export { decodeResult, encodeResult, learnerKey, validateResult, type ResultCode, type ResultScore } from './result.ts';
export {
  INBOX_FILE_FORMAT,
  addCodes,
  attemptsByLearner,
  emptyInbox,
  inboxResults,
  latestAttempts,
  restoreInbox,
  serializeInbox,
  type Inbox,
  type InboxEntry,
  type InboxReportRow,
  type InboxStatus,
} from './inbox.ts';
export {
  computeClassReport,
  type ClassReport,
  type ClassReportInput,
  type ItemStats,
  type ReportItem,
  type RosterRow,
  type ScoreBin,
  type SectionStats,
} from './stats.ts';
export { itemStatsCsv, rosterCsv } from './csv.ts';
