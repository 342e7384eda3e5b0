/**
 * `npm run bank -- export`: the checked bank written as GIFT (Moodle), Aiken, CSV (Excel/WPS) or
 * JSON (the engine's own shapes). Pure: the CLI in scripts/bank.ts reads and writes the files.
 */
import type { CheckedContent } from '../content/validate.ts';
import { writeAiken } from './aiken.ts';
import { writeCsv } from './csv.ts';
import { writeGift } from './gift.ts';
import type { BankSelection, ExportFormat, ExportResult } from './interchange.ts';

/** The whole bank, or one chapter of it; `undefined` when the chapter does not exist. */
export function selectBank(content: Pick<CheckedContent, 'chapters' | 'questions' | 'cases'>, chapter?: string): BankSelection | undefined {
  if (chapter === undefined) return { chapters: content.chapters, questions: content.questions, cases: content.cases };
  if (!content.chapters.some((c) => c.id === chapter)) return undefined;
  return {
    chapters: content.chapters.filter((c) => c.id === chapter),
    questions: content.questions.filter((q) => q.chapter === chapter),
    cases: content.cases.filter((c) => c.chapter === chapter),
  };
}

/** JSON keeps everything: the engine's `QuizQuestion[]` and the cases, answers as option indices. */
function writeJson(bank: BankSelection): ExportResult {
  return { text: `${JSON.stringify({ questions: bank.questions, cases: bank.cases }, null, 2)}\n`, notes: [] };
}

const WRITERS: Record<ExportFormat, (bank: BankSelection) => ExportResult> = {
  gift: writeGift,
  aiken: writeAiken,
  csv: writeCsv,
  json: writeJson,
};

export function exportBank(format: ExportFormat, bank: BankSelection): ExportResult {
  return WRITERS[format](bank);
}
