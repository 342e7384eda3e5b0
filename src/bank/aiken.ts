/**
 * The Aiken format, as Moodle reads it (question/format/aiken/format.php): a one-line question,
 * options `A. …` or `A) …` one per line, then `ANSWER: X`. It holds single choice only, with no
 * feedback, so an export carries no explanation and leaves the other types out.
 */
import { defaultTitle, optionLetter, skippedNote, skippedWritten, stripBom } from './interchange.ts';
import type { BankSelection, ExportResult, ImportedQuestion, ImportResult } from './interchange.ts';

/** Moodle's test for an option line; anything else that is not `ANSWER:` starts a new question. */
const OPTION_LINE = /^[A-Z][).]/;
const ANSWER_LINE = /^ANSWER:/;

/** Moodle ignores lines shorter than two bytes. */
function tooShort(line: string): boolean {
  return new TextEncoder().encode(line).length < 2;
}

/** Reads an Aiken file. Never throws: incomplete questions are listed in `skipped`. */
export function readAiken(source: string): ImportResult {
  const result: ImportResult = { questions: [], skipped: [] };
  let open: { line: number; stem: string; options: string[] } | undefined;
  stripBom(source)
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const text = raw.trim();
      if (tooShort(text)) return;
      if (OPTION_LINE.test(text)) {
        if (open) open.options.push(text.slice(2).trim());
        else result.skipped.push({ line, reason: '选项行之前没有题干，已跳过' });
      } else if (ANSWER_LINE.test(text)) {
        if (!open) {
          result.skipped.push({ line, reason: 'ANSWER 行之前没有题目，已跳过' });
          return;
        }
        const letter = text.slice('ANSWER:'.length).trim().slice(0, 1).toUpperCase();
        const index = letter ? letter.charCodeAt(0) - 65 : -1;
        if (open.options.length < 2) {
          result.skipped.push({ line: open.line, reason: '选择题至少要有 2 个选项，已跳过' });
        } else if (index < 0 || index >= open.options.length) {
          const range = `A–${optionLetter(open.options.length - 1)}`;
          result.skipped.push({ line: open.line, reason: `答案“${letter}”不在选项 ${range} 之中，已跳过` });
        } else {
          result.questions.push({
            title: defaultTitle(open.stem),
            type: 'single',
            stem: open.stem,
            options: open.options,
            answer: [index],
            explanation: '',
            line: open.line,
            tags: [],
          } satisfies ImportedQuestion);
        }
        open = undefined;
      } else {
        if (open) result.skipped.push({ line: open.line, reason: '题目没有 ANSWER 行（题干只能写一行），已跳过' });
        open = { line, stem: text, options: [] };
      }
    });
  if (open) result.skipped.push({ line: open.line, reason: '题目没有 ANSWER 行，已跳过' });
  return result;
}

/** Whether Aiken can carry a text as a question line (or, with `option`, as an option). */
function fitsOneLine(text: string, option: boolean): boolean {
  return !/[\r\n]/.test(text) && (option || (!OPTION_LINE.test(text) && !ANSWER_LINE.test(text) && !tooShort(text)));
}

/** Writes the single-choice questions as Aiken; everything else is counted in `notes`. */
export function writeAiken(bank: BankSelection): ExportResult {
  const singles = bank.questions.filter((q) => q.type === 'single');
  const fitting = singles.filter((q) => fitsOneLine(q.stem.trim(), false) && q.options.every((o) => fitsOneLine(o, true)));
  const text = fitting
    .map((q) => {
      const options = q.options.map((o, i) => `${optionLetter(i)}. ${o.trim()}`);
      return [q.stem.trim(), ...options, `ANSWER: ${optionLetter(q.answer[0] ?? 0)}`].join('\n');
    })
    .join('\n\n');
  const notes = [
    ...skippedNote(bank.questions.filter((q) => q.type === 'multiple').length, '多选题', 'Aiken 只能表达单选题'),
    ...skippedNote(bank.questions.filter((q) => q.type === 'judge').length, '判断题', 'Aiken 只能表达单选题'),
    ...skippedWritten(bank.cases, 'Aiken 只能表达单选题'),
    ...skippedNote(singles.length - fitting.length, '单选题', '题干或选项跨行，或题干像选项行/ANSWER 行，Aiken 无法表达'),
  ];
  if (fitting.length > 0) notes.push('Aiken 不能携带解析，导出的题目没有解析');
  return { text: fitting.length > 0 ? `${text}\n` : '', notes };
}
