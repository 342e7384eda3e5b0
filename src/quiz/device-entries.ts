/**
 * The small things the site remembers besides progress, each a versioned entry like the rest:
 * which chapters the learner marked 已学完, where they were last reading, the light/dark choice
 * and the exam-date plan. Kept apart from progress-entries.ts so that a reading page does not
 * bundle the review scheduler to remember a button.
 */
import { lastWriterWins } from './last-writer-wins.ts';
import { hasFields, isBoolean, isCount, isNumber, isString } from './primitives.ts';
import { entryNames, readEntry, writeEntry } from './store.ts';
import type { EntryKind, KeyValueStore, SaveResult, StorageProblem } from './store.ts';

// ——— 已学完 ———

/** A chapter marked (or unmarked) 已学完; unmarking is a newer record, so the latest choice wins everywhere. */
export interface ReadFlag {
  chapter: string;
  read: boolean;
  updatedAt: number;
}

/** Before the one device store, flags lived at `read:<chapter>` (no prefix) as an ISO date. */
const LEGACY_READ_PREFIX = 'read:';

export const READ: EntryKind<ReadFlag> = {
  matches: (name) => name.startsWith('read:'),
  version: 1,
  guard: (v): v is ReadFlag => hasFields(v, { chapter: isString, read: isBoolean, updatedAt: isNumber }),
  nameOf: (flag) => `read:${flag.chapter}`,
  merge: lastWriterWins,
};

export function saveReadFlag(kv: KeyValueStore, flag: ReadFlag): SaveResult<ReadFlag> {
  return writeEntry(kv, READ.nameOf(flag), READ, flag);
}

/** Every chapter's latest flag, the legacy ones included (a newer entry wins over them). */
export function loadReadFlags(kv: KeyValueStore): { flags: Record<string, ReadFlag>; problems: StorageProblem[] } {
  const listing = entryNames(kv);
  const { flags, problems } = readFlagsFrom(kv, listing);
  return { flags, problems: [...listing.problems, ...problems] };
}

/** The read flags among a listing of the store (`entryNames`), for callers that list it once for everything. */
export function readFlagsFrom(kv: KeyValueStore, listing: { keys: readonly string[]; names: readonly string[] }): { flags: Record<string, ReadFlag>; problems: StorageProblem[] } {
  const flags: Record<string, ReadFlag> = {};
  const problems: StorageProblem[] = [];
  for (const key of listing.keys) {
    if (!key.startsWith(LEGACY_READ_PREFIX)) continue;
    const chapter = key.slice(LEGACY_READ_PREFIX.length);
    let at = 0;
    try {
      at = Date.parse(kv.getItem(key) ?? '');
    } catch {
      continue;
    }
    flags[chapter] = { chapter, read: true, updatedAt: Number.isFinite(at) ? at : 0 };
  }
  for (const name of listing.names.filter(READ.matches)) {
    const { value, problem } = readEntry(kv, name, READ);
    if (problem) problems.push(problem);
    if (!value) continue;
    const legacy = flags[value.chapter];
    flags[value.chapter] = legacy ? lastWriterWins(legacy, value) : value;
  }
  return { flags, problems };
}

// ——— Where the learner was reading ———

/** The last section a learner read, for 继续学习 on the home page. */
export interface LastRead {
  chapter: string;
  section: string;
  updatedAt: number;
}

export const LAST_READ: EntryKind<LastRead> = {
  matches: (name) => name === 'last-read',
  version: 1,
  guard: (v): v is LastRead => hasFields(v, { chapter: isString, section: isString, updatedAt: isNumber }),
  nameOf: () => 'last-read',
  merge: lastWriterWins,
};

export function saveLastRead(kv: KeyValueStore, place: LastRead): SaveResult<LastRead> {
  return writeEntry(kv, 'last-read', LAST_READ, place);
}

// ——— Light or dark ———

export type Theme = 'light' | 'dark';

export interface ThemeChoice {
  theme: Theme;
  updatedAt: number;
}

const isTheme = (v: unknown): v is Theme => v === 'light' || v === 'dark';

/** Stored as `mishu:theme`, which BaseLayout's first inline script reads before painting so the theme never flashes. */
export const THEME: EntryKind<ThemeChoice> = {
  matches: (name) => name === 'theme',
  version: 1,
  guard: (v): v is ThemeChoice => hasFields(v, { theme: isTheme, updatedAt: isNumber }),
  nameOf: () => 'theme',
  merge: lastWriterWins,
};

export function saveTheme(kv: KeyValueStore, choice: ThemeChoice): SaveResult<ThemeChoice> {
  return writeEntry(kv, 'theme', THEME, choice);
}

// ——— The exam-date plan ———

/** What the learner told the planner; the day-by-day plan itself is recomputed from it (plan.ts). */
export interface StudyPlanSettings {
  /** The exam day, `YYYY-MM-DD` in the learner's calendar. */
  examDate: string;
  /** Minutes the learner can study each day. */
  minutesPerDay: number;
  /** When the plan was first set, epoch ms. */
  createdAt: number;
  updatedAt: number;
}

const isIsoDay = (v: unknown): v is string => isString(v) && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

export const STUDY_PLAN: EntryKind<StudyPlanSettings> = {
  matches: (name) => name === 'plan',
  version: 1,
  guard: (v): v is StudyPlanSettings =>
    hasFields(v, { examDate: isIsoDay, minutesPerDay: (m) => isCount(m) && (m as number) > 0, createdAt: isNumber, updatedAt: isNumber }),
  nameOf: () => 'plan',
  merge: lastWriterWins,
};

export function saveStudyPlan(kv: KeyValueStore, settings: StudyPlanSettings): SaveResult<StudyPlanSettings> {
  return writeEntry(kv, 'plan', STUDY_PLAN, settings);
}

export function loadStudyPlan(kv: KeyValueStore): { settings: StudyPlanSettings | null; problem: StorageProblem | null } {
  const { value, problem } = readEntry(kv, 'plan', STUDY_PLAN);
  return { settings: value, problem };
}
