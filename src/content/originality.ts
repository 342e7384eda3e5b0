/**
 * Finds sentences copied from the source documents (`../shared/seeds/`). Chapters, questions and the
 * glossary must be written in this project's own words (issue 10): a run of `MIN_RUN` or more
 * identical characters, ignoring whitespace, punctuation and markup, counts as copied.
 *
 * Pure: the caller passes the texts in, already converted to simplified characters. Legal titles
 * and short quoted definitions may be allowed by name, and only where the text marks them as a
 * quotation (inside “”, 「」 or 《》).
 */

/** The shortest run of identical characters reported as copied. */
export const MIN_RUN = 30;

/** A text as a list of letters and digits, each with its offset in the original. */
interface Normalised {
  chars: string[];
  offsets: number[];
}

const KEEP = /[\p{L}\p{N}]/u;

/** Letters and digits only, lower-cased; markup tags (`<Term name="…">`) are dropped, their content kept. */
export function normalise(text: string): Normalised {
  const chars: string[] = [];
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    if (KEEP.test(char)) {
      chars.push(char.toLowerCase());
      offsets.push(index);
    }
    index += char.length;
  }
  return { chars, offsets };
}

/** Every `MIN_RUN`-character window of the sources, for O(1) lookups. */
export function sourceWindows(sources: readonly string[], minRun = MIN_RUN): Set<string> {
  const windows = new Set<string>();
  for (const source of sources) {
    const { chars } = normalise(source);
    for (let i = 0; i + minRun <= chars.length; i++) windows.add(chars.slice(i, i + minRun).join(''));
  }
  return windows;
}

export interface CopiedRun {
  /** Offset in the checked text where the run starts and ends (exclusive). */
  start: number;
  end: number;
  /** The run's letters and digits. */
  text: string;
  length: number;
}

/** Runs of at least `minRun` characters of `text` that also appear in the sources, longest merged. */
export function copiedRuns(text: string, windows: ReadonlySet<string>, minRun = MIN_RUN): CopiedRun[] {
  const { chars, offsets } = normalise(text);
  const runs: CopiedRun[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    const start = offsets[runStart] ?? 0;
    const last = runEnd - 1;
    const end = (offsets[last] ?? 0) + (chars[last]?.length ?? 1);
    const run = chars.slice(runStart, runEnd).join('');
    runs.push({ start, end, text: run, length: runEnd - runStart });
    runStart = -1;
  };
  for (let i = 0; i + minRun <= chars.length; i++) {
    if (!windows.has(chars.slice(i, i + minRun).join(''))) continue;
    if (runStart >= 0 && i <= runEnd) runEnd = i + minRun;
    else {
      flush();
      runStart = i;
      runEnd = i + minRun;
    }
  }
  flush();
  return runs;
}

/** Quotation marks that make a quoted legal title or definition visible as a quotation. */
const QUOTES: [open: string, close: string][] = [
  ['“', '”'],
  ['「', '」'],
  ['《', '》'],
];

/** Whether the stretch `[start, end)` of `text` lies inside one pair of quotation marks. */
export function isQuoted(text: string, start: number, end: number): boolean {
  return QUOTES.some(([open, close]) => {
    const before = text.lastIndexOf(open, start);
    if (before < 0) return false;
    const closing = text.indexOf(close, before + 1);
    return closing >= end - 1 && text.lastIndexOf(close, start) < before;
  });
}

export interface CheckedText {
  /** Where the text comes from, e.g. `src/content/chapters/office.mdx`. */
  path: string;
  text: string;
}

export interface Finding {
  path: string;
  line: number;
  run: CopiedRun;
  /** An allow-listed quotation: reported, but not a failure. */
  allowed: boolean;
}

/**
 * Copied runs in each text. A run is allowed only when its letters are one of `allowList` (also
 * normalised) and the text shows it inside quotation marks.
 */
export function findCopies(texts: readonly CheckedText[], sources: readonly string[], allowList: readonly string[] = [], minRun = MIN_RUN): Finding[] {
  const windows = sourceWindows(sources, minRun);
  const allowed = allowList.map((entry) => normalise(entry).chars.join(''));
  const findings: Finding[] = [];
  for (const { path, text } of texts) {
    for (const run of copiedRuns(text, windows, minRun)) {
      const listed = allowed.some((entry) => entry.includes(run.text));
      findings.push({ path, line: lineOf(text, run.start), run, allowed: listed && isQuoted(text, run.start, run.end) });
    }
  }
  return findings;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
