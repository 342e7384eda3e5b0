/**
 * The bank as a spreadsheet: one row per objective question, UTF-8 with a BOM so Excel and WPS
 * open the Chinese as UTF-8. Cells that a spreadsheet would run as a formula get a leading
 * apostrophe on export, and lose it again on import.
 */
import Papa from 'papaparse';
import { JUDGE_OPTIONS, type Difficulty } from '../quiz/models.ts';
import { defaultTitle, optionLetter, skippedWritten, stripBom } from './interchange.ts';
import type { BankSelection, ExportResult, ImportedQuestion, ImportResult, SkippedItem } from './interchange.ts';

const BOM = '\uFEFF';
const OPTION_COLUMNS = ['option_A', 'option_B', 'option_C', 'option_D', 'option_E'] as const;
export const CSV_COLUMNS = ['id', 'chapter', 'section', 'type', 'difficulty', 'stem', ...OPTION_COLUMNS, 'answer', 'explanation', 'tags'] as const;
/** Tags are joined with a full-width bar; `|`, `;` and `；` are read as separators too. */
const TAG_SEPARATOR = '｜';

/**
 * Papa's own `escapeFormulae: true` misses a multi-line cell (its pattern ends in `.*$`), and a
 * text that already starts with `'` would come back without it; this pattern covers both, so
 * undoing the guard on import gives back exactly what was exported.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

function unguard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

// Maps, not object literals: a cell reading `constructor` must not find Object's prototype.
const JUDGE_WORDS = new Map<string, number>([
  ['正确', 0],
  ['对', 0],
  ['true', 0],
  ['t', 0],
  ['√', 0],
  ['错误', 1],
  ['错', 1],
  ['false', 1],
  ['f', 1],
  ['×', 1],
]);
const TYPE_WORDS = new Map<string, ImportedQuestion['type'] | 'case'>([
  ['single', 'single'],
  ['单选', 'single'],
  ['单选题', 'single'],
  ['multiple', 'multiple'],
  ['多选', 'multiple'],
  ['多选题', 'multiple'],
  ['judge', 'judge'],
  ['判断', 'judge'],
  ['判断题', 'judge'],
  ['case', 'case'],
  ['案例分析', 'case'],
]);

/** Writes the objective questions as CSV; cases have no columns here and are counted in `notes`. */
export function writeCsv(bank: BankSelection): ExportResult {
  const data = bank.questions.map((q) => {
    const options = OPTION_COLUMNS.map((_, i) => (q.type === 'judge' ? '' : (q.options[i] ?? '')));
    const answer = q.type === 'judge' ? (JUDGE_OPTIONS[q.answer[0] ?? 0] ?? '') : q.answer.map(optionLetter).join('');
    return [q.id, q.chapter, q.section, q.type, q.difficulty, q.stem, ...options, answer, q.explanation, q.tags.join(TAG_SEPARATOR)];
  });
  const text = BOM + Papa.unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return { text: `${text}\r\n`, notes: skippedWritten(bank.cases, 'CSV 的列放不下情景、材料和小题') };
}

interface Row {
  line: number;
  cells: string[];
}

/** Parses CSV text into rows, each with the 1-based line it starts on (cells may span lines). */
function csvRows(text: string): Row[] {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].find((d) => firstLine.includes(d)) ?? ',';
  const rows: Row[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result) => {
      while (text[start] === '\r' || text[start] === '\n') start += 1;
      const line = 1 + (text.slice(0, start).match(/\r\n|\r|\n/g)?.length ?? 0);
      rows.push({ line, cells: result.data });
      start = result.meta.cursor;
    },
  });
  return rows;
}

function readRow(row: Row, column: (name: string) => number): ImportedQuestion | SkippedItem {
  const cell = (name: string) => {
    const index = column(name);
    return index < 0 ? '' : unguard((row.cells[index] ?? '').trim());
  };
  const skip = (reason: string): SkippedItem => ({ line: row.line, reason: `${reason}，已跳过` });
  const typeCell = cell('type');
  const type = TYPE_WORDS.get(typeCell.toLowerCase());
  if (!type) return skip(`题型“${typeCell}”无法识别（应为 single、multiple 或 judge）`);
  if (type === 'case') return skip('案例分析题无法从 CSV 导入');
  const stem = cell('stem');
  if (stem === '') return skip('题干为空');
  let options: string[];
  let answer: number[];
  const answerCell = cell('answer');
  if (type === 'judge') {
    const verdict = JUDGE_WORDS.get(answerCell.toLowerCase());
    if (verdict === undefined) return skip(`判断题答案“${answerCell}”应为“正确”或“错误”`);
    options = [...JUDGE_OPTIONS];
    answer = [verdict];
  } else {
    const cells = OPTION_COLUMNS.map((name) => cell(name));
    const count = cells.findLastIndex((c) => c !== '') + 1;
    options = cells.slice(0, count);
    const gap = options.findIndex((c) => c === '');
    if (gap >= 0) return skip(`选项不连续：${OPTION_COLUMNS[gap]} 为空，但后面还有选项`);
    if (options.length < 2) return skip('选择题至少要有 2 个选项');
    const letters = answerCell.toUpperCase().replace(/[\s,，、;；|｜]/g, '');
    if (!/^[A-Z]+$/.test(letters)) return skip(`答案“${answerCell}”应为选项字母，如 B 或 ACD`);
    answer = [...new Set([...letters].map((l) => l.charCodeAt(0) - 65))].sort((a, b) => a - b);
    const outside = answer.find((i) => i >= options.length);
    if (outside !== undefined) return skip(`答案 ${optionLetter(outside)} 不在选项 A–${optionLetter(options.length - 1)} 之中`);
    if (type === 'single' && answer.length !== 1) return skip(`单选题的答案应为一个字母，而不是“${answerCell}”`);
  }
  const difficulty = cell('difficulty');
  return {
    title: defaultTitle(stem),
    type,
    stem,
    options,
    answer,
    explanation: cell('explanation'),
    line: row.line,
    id: cell('id') || undefined,
    chapter: cell('chapter') || undefined,
    section: cell('section') || undefined,
    difficulty: ['1', '2', '3'].includes(difficulty) ? (Number(difficulty) as Difficulty) : undefined,
    tags: cell('tags')
      .split(/[｜|;；]/)
      .map((t) => t.trim())
      .filter(Boolean),
  };
}

/** Reads a CSV file with our export's columns (BOM optional). Never throws. */
export function readCsv(source: string): ImportResult {
  const result: ImportResult = { questions: [], skipped: [] };
  const [header, ...rows] = csvRows(stripBom(source));
  if (!header) return result;
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name.toLowerCase());
  const missing = ['type', 'stem', 'answer'].filter((name) => column(name) < 0);
  if (missing.length > 0) {
    result.skipped.push({ line: header.line, reason: `表头缺少必需的列：${missing.join('、')}（列名见导出文件的第一行），整个文件已跳过` });
    return result;
  }
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const read = readRow(row, column);
    if ('reason' in read) result.skipped.push(read);
    else result.questions.push(read);
  }
  return result;
}
