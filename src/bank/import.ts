/**
 * `npm run bank -- import`: reads a GIFT, Aiken or CSV file and plans the new text of a chapter's
 * question file. Imported questions are appended with fresh ids and must pass the same checks as
 * the build (`checkContent`): a question that would break them is rejected with the reason, never
 * written. Pure: the CLI in scripts/bank.ts reads the files and writes the planned text.
 */
import { Document, Scalar, isMap, isSeq, parseDocument } from 'yaml';
import type { Difficulty, QuizQuestion } from '../quiz/models.ts';
import { checkContent, type ContentProblem, type ContentSources } from '../content/validate.ts';
import { readAiken } from './aiken.ts';
import { readCsv } from './csv.ts';
import { readGift } from './gift.ts';
import { optionLetter, type ImportedQuestion, type ImportFormat, type ImportResult, type SkippedItem } from './interchange.ts';

const READERS: Record<ImportFormat, (source: string) => ImportResult> = { gift: readGift, aiken: readAiken, csv: readCsv };

export function readQuestions(format: ImportFormat, source: string): ImportResult {
  return READERS[format](source);
}

/** `--json`: the reader's result, with the fields every consumer relies on first. */
export function importJson(result: ImportResult): string {
  const questions = result.questions.map(({ title, type, stem, options, answer, explanation, ...rest }) => ({
    title,
    type,
    stem,
    options,
    answer,
    explanation,
    ...rest,
  }));
  return JSON.stringify({ questions, skipped: result.skipped }, null, 2);
}

/** Written in place of a missing or too short explanation; `grep 待补充解析` finds them all. */
export const EXPLANATION_PLACEHOLDER = '（待补充解析：请说明正确答案的理由和最具迷惑性的错误选项为何错误）';
const MIN_EXPLANATION = 30;
/** Difficulty of an imported question whose file does not say. */
export const DEFAULT_DIFFICULTY: Difficulty = 2;

export interface ImportOptions {
  chapter: string;
  /** Puts every imported question in this section (else its own, if the chapter has it, else the first). */
  section?: string | undefined;
  /** Path of the chapter's question file as the sources name it, e.g. `src/content/questions/meetings.yaml`. */
  file: string;
}

export interface PlannedQuestion {
  id: string;
  source: ImportedQuestion;
  section: string;
  /** The section is the chapter's first because neither `--section` nor the file named one. */
  sectionDefaulted: boolean;
  difficultyDefaulted: boolean;
  /** The explanation was missing or shorter than 30 characters: the placeholder was written. */
  needsExplanation: boolean;
}

export interface ImportPlan {
  file: string;
  /** The file's new text; write it only when `problems` is empty. */
  text: string;
  /** The new questions as YAML, for `--dry-run` to show. */
  entriesYaml: string;
  created: boolean;
  added: PlannedQuestion[];
  /** Imported questions that would break the bank's checks, by their line in the imported file. */
  rejected: SkippedItem[];
  /** Problems the new text would still cause; not empty means: do not write. */
  problems: ContentProblem[];
}

export type ImportPlanResult = { ok: true; plan: ImportPlan } | { ok: false; message: string };

/** One question in the bank's YAML shape (docs/CONTENT.md), keys in the documented order. */
function bankEntry(q: ImportedQuestion, id: string, section: string, difficulty: Difficulty, explanation: string) {
  return {
    id,
    section,
    type: q.type,
    difficulty,
    stem: q.stem,
    ...(q.type === 'judge' ? {} : { options: q.options }),
    answer: q.type === 'judge' ? q.answer[0] === 0 : q.answer.map(optionLetter).join(''),
    explanation,
    ...(q.tags.length > 0 ? { tags: q.tags } : {}),
  };
}

type BankEntry = ReturnType<typeof bankEntry>;

/** Renders entries as sequence items at the file's own indentation, explanations folded (`>-`). */
function renderEntries(entries: readonly BankEntry[], indent: string): string {
  return entries
    .map((entry) => {
      const doc = new Document([entry]);
      const item = isSeq(doc.contents) ? doc.contents.items[0] : undefined;
      const explanation = isMap(item) ? item.get('explanation', true) : undefined;
      if (explanation instanceof Scalar) explanation.type = Scalar.BLOCK_FOLDED;
      return doc
        .toString({ lineWidth: 0, indentSeq: indent !== '' })
        .trimEnd()
        .split('\n')
        .map((line) => (line ? indent + line : line))
        .join('\n');
    })
    .join('\n\n');
}

/** Appends entries to a question file's text, keeping everything already there byte for byte. */
function appendEntries(existing: string | undefined, chapter: string, entries: readonly BankEntry[]): string {
  if (existing === undefined) return `chapter: ${chapter}\nquestions:\n${renderEntries(entries, '  ')}\n`;
  const doc = parseDocument(existing);
  const root = doc.contents;
  const last = isMap(root) ? root.items.at(-1) : undefined;
  const list = last?.value;
  const key = last?.key;
  const keyName = key instanceof Scalar ? key.value : key;
  if (keyName === 'questions' && isSeq(list) && !list.flow && list.items.length > 0) {
    const indent = /^questions:[^\n]*\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)- /m.exec(existing)?.[1] ?? '  ';
    return `${existing.trimEnd()}\n\n${renderEntries(entries, indent)}\n`;
  }
  // Unusual layout (questions not last, or a flow list): let the YAML library place them.
  const seq = isMap(root) ? root.get('questions', true) : undefined;
  if (isSeq(seq)) for (const entry of entries) seq.add(doc.createNode(entry));
  else doc.set('questions', entries);
  return doc.toString({ lineWidth: 0 });
}

function idsIn(text: string): string[] {
  const value: unknown = parseDocument(text).toJS();
  const questions = (value as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(questions)) return [];
  return questions.flatMap((q: unknown) => {
    const id = (q as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

function countIn(text: string | undefined): number {
  if (text === undefined) return 0;
  const value: unknown = parseDocument(text).toJS();
  const questions = (value as { questions?: unknown } | null)?.questions;
  return Array.isArray(questions) ? questions.length : 0;
}

/** Option counts the bank allows, said plainly before the schema's generic message would. */
function optionCountProblem(q: ImportedQuestion): string | undefined {
  if (q.type === 'single' && q.options.length !== 4) return `单选题须恰好 4 个选项（此题 ${q.options.length} 个）`;
  if (q.type === 'multiple' && (q.options.length < 4 || q.options.length > 5)) return `多选题须有 4 或 5 个选项（此题 ${q.options.length} 个）`;
  return undefined;
}

function sameQuestion(written: QuizQuestion | undefined, entry: BankEntry, q: ImportedQuestion): boolean {
  return (
    written !== undefined &&
    written.type === q.type &&
    written.stem === entry.stem &&
    written.explanation === entry.explanation &&
    written.section === entry.section &&
    written.difficulty === entry.difficulty &&
    JSON.stringify(written.answer) === JSON.stringify(q.answer) &&
    JSON.stringify(written.tags) === JSON.stringify(q.tags) &&
    (q.type === 'judge' || JSON.stringify(written.options) === JSON.stringify(q.options))
  );
}

/**
 * Plans appending `imported` to the chapter's question file: fresh ids `<chapter>-NNN` after the
 * highest in use, a section for each question, the placeholder for missing explanations. Every
 * question that the content checks reject is dropped (with the checks' message) until the new
 * text adds no problem to the bank.
 */
export function planImport(sources: ContentSources, imported: readonly ImportedQuestion[], options: ImportOptions): ImportPlanResult {
  const baseline = checkContent(sources);
  const chapter = baseline.chapters.find((c) => c.id === options.chapter);
  if (!chapter) return { ok: false, message: `章节 "${options.chapter}" 不存在（可用：${baseline.chapters.map((c) => c.id).join('、')}）` };
  const firstSection = chapter.sections[0];
  if (!firstSection) return { ok: false, message: `章节 ${chapter.id} 没有 ## 小节，题目无处归属` };
  if (options.section !== undefined && !chapter.sections.some((s) => s.id === options.section)) {
    return { ok: false, message: `小节 "${options.section}" 不在章节 ${chapter.id} 中（可用：${chapter.sections.map((s) => s.id).join('、')}）` };
  }
  const existing = sources.questions.find((f) => f.path === options.file);
  if (existing && parseDocument(existing.text).errors.length > 0) {
    return { ok: false, message: `${options.file} 有 YAML 语法错误，请先运行 npm run bank -- validate 修正，再导入` };
  }
  const existingCount = countIn(existing?.text);
  const ownId = new RegExp(`^${chapter.id}-(\\d+)$`);
  const highest = Math.max(
    0,
    ...sources.questions.flatMap((f) => idsIn(f.text)).map((id) => Number(ownId.exec(id)?.[1] ?? 0)),
  );

  const rejected: SkippedItem[] = [];
  let candidates = imported.filter((q) => {
    const problem = optionCountProblem(q);
    if (problem) rejected.push({ line: q.line, reason: `${problem}，未导入` });
    return !problem;
  });
  // A problem the bank already had (same file and field) is not the import's doing, even if its
  // message changes (a blueprint short of questions is less short after an import).
  const where = (p: ContentProblem) => `${p.file}\u0000${p.field}`;
  const baselineProblems = new Set(baseline.problems.map(where));
  for (;;) {
    if (candidates.length === 0) {
      rejected.sort((a, b) => a.line - b.line);
      return { ok: true, plan: { file: options.file, text: existing?.text ?? '', entriesYaml: '', created: false, added: [], rejected, problems: [] } };
    }
    const added: PlannedQuestion[] = [];
    const entries = candidates.map((q, i) => {
      const id = `${chapter.id}-${String(highest + i + 1).padStart(3, '0')}`;
      const ownSection = q.section !== undefined && chapter.sections.some((s) => s.id === q.section) ? q.section : undefined;
      const section = options.section ?? ownSection ?? firstSection.id;
      const explanation = q.explanation.trim();
      const needsExplanation = [...explanation].length < MIN_EXPLANATION;
      const sectionDefaulted = options.section === undefined && ownSection === undefined;
      added.push({ id, source: q, section, sectionDefaulted, difficultyDefaulted: q.difficulty === undefined, needsExplanation });
      const text = needsExplanation ? (explanation ? `${explanation}${EXPLANATION_PLACEHOLDER}` : EXPLANATION_PLACEHOLDER) : explanation;
      return bankEntry(q, id, section, q.difficulty ?? DEFAULT_DIFFICULTY, text);
    });
    const text = appendEntries(existing?.text, chapter.id, entries);
    const others = sources.questions.filter((f) => f.path !== options.file);
    const checked = checkContent({ ...sources, questions: [...others, { path: options.file, text }] });
    const problems = checked.problems.filter((p) => !baselineProblems.has(where(p)));
    // Problems of the new questions (index at or after the existing ones) reject those questions.
    const blamed = new Map<number, string[]>();
    for (const problem of problems) {
      const index = problem.file === options.file ? Number(/^questions\[(\d+)\]/.exec(problem.field)?.[1] ?? -1) - existingCount : -1;
      if (index >= 0 && index < candidates.length) blamed.set(index, [...(blamed.get(index) ?? []), `${problem.field.replace(/^questions\[\d+\]\.?/, '') || '题目'}：${problem.message}`]);
    }
    if (blamed.size > 0) {
      for (const [index, messages] of blamed) {
        const q = candidates[index];
        if (q) rejected.push({ line: q.line, reason: `不符合题库规范，未导入：${messages.join('；')}` });
      }
      candidates = candidates.filter((_, i) => !blamed.has(i));
      continue;
    }
    // A guard against the YAML writer: what the checks read back must be what was imported.
    const byId = new Map(checked.questions.map((q) => [q.id, q]));
    const garbled = entries.flatMap((entry, i) => {
      const q = candidates[i];
      return q && !sameQuestion(byId.get(entry.id), entry, q) ? [entry.id] : [];
    });
    const integrity: ContentProblem[] = garbled.map((id) => ({ file: options.file, line: 1, field: id, message: '写出的 YAML 读回后与导入内容不一致（导入工具的缺陷，请报告）' }));
    rejected.sort((a, b) => a.line - b.line);
    return { ok: true, plan: { file: options.file, text, entriesYaml: renderEntries(entries, ''), created: !existing, added, rejected, problems: [...problems, ...integrity] } };
  }
}
