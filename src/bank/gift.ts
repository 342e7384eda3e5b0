/**
 * Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), both ways. The reader follows
 * Moodle's own importer (question/format/gift/format.php) step by step — blank-line separated
 * questions, `//` comment lines, `$CATEGORY:`, `::title::`, the first `{` and `}` as the answer
 * block, `####` general feedback, then the question type from the block's content — so a file
 * reads here as it reads in Moodle. The writer emits only what that reader gives back unchanged.
 */
import { JUDGE_OPTIONS, type CaseItem, type Difficulty, type Material, type QuizQuestion } from '../quiz/models.ts';
import { ANSWER_BLANK, defaultTitle, optionLetter, skippedNote, stripBom } from './interchange.ts';
import type { BankSelection, ExportResult, ImportedQuestion, ImportResult, SkippedItem } from './interchange.ts';

// Escaped characters become private-use placeholders before any structural search, as Moodle
// swaps them for `&&058;`-style tokens, so `\{` or `\~` can never open a block or an option.
const PLACEHOLDER = 0xe000;

function protectEscapes(text: string): string {
  return text.replace(/\\([\\:#={}~n])/g, (_, c: string) => String.fromCharCode(PLACEHOLDER + (c === 'n' ? 10 : c.charCodeAt(0))));
}

function restoreEscapes(text: string): string {
  return text.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PLACEHOLDER));
}

/** Moodle's test for a `%weight%` prefix on an answer (`%50%`, `%-100%`, `%33.33333%`). */
const WEIGHT = /^%-*[0-9]{1,2}\.?[0-9]*%/;
const FORMAT_MARKER = /^\[(html|moodle|plain|markdown)\]/;

type TextFormat = 'html' | 'moodle' | 'plain' | 'markdown';

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return HTML_ENTITIES[name.toLowerCase()] ?? entity;
    });
}

/** Moodle's parse_text_with_format: an optional `[format]` marker, then the text unescaped. */
function readText(raw: string, defaultFormat: TextFormat): { text: string; format: TextFormat } {
  let body = raw.trim();
  let format = defaultFormat;
  const marker = FORMAT_MARKER.exec(body);
  if (marker) {
    format = marker[1] as TextFormat;
    body = body.slice(marker[0].length);
  }
  const text = restoreEscapes(body);
  return { text: (format === 'html' ? htmlToText(text) : text).trim(), format };
}

/** `explode($separator, $text, $limit)`: the last piece keeps any further separators. */
function splitLimit(text: string, separator: string, limit: number): string[] {
  const parts = text.split(separator);
  return parts.length <= limit ? parts : [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(separator)];
}

/** Our export's comment: `// [id:x] section:y difficulty:2 [tag:z]`; `[id:]`/`[tag:]` are Moodle's. */
function readComments(comments: string) {
  const id = /\[id:((?:\\\]|[^\]\p{Cc}])+)\]/u.exec(comments)?.[1];
  const tags = [...comments.matchAll(/\[tag:((?:\\\]|[^\]<>`\p{Cc}])*)\]/gu)].map((m) => (m[1] ?? '').replace(/\\\]/g, ']').trim()).filter(Boolean);
  const plain = comments.replace(/\[(?:id|tag):(?:\\\]|[^\]])*\]/g, ' ');
  const section = /(?:^|\s)section:(\S+)/.exec(plain)?.[1];
  const difficulty = /(?:^|\s)difficulty:([123])(?!\S)/.exec(plain)?.[1];
  return {
    id: id?.replace(/\\\]/g, ']').trim(),
    section,
    difficulty: difficulty ? (Number(difficulty) as Difficulty) : undefined,
    tags,
  };
}

interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/** What one blank-line separated block holds: a category switch, a question, or a reason to skip. */
interface BlockOutcome {
  category?: string;
  question?: ImportedQuestion;
  skipped?: SkippedItem;
}

interface Answer {
  text: string;
  feedback: string;
  weight: number;
}

function readChoiceAnswers(answerText: string, format: TextFormat): Answer[] {
  const pieces = answerText.replaceAll('=', '~=').split('~');
  if (pieces[0]?.trim() === '') pieces.shift();
  const answers: Answer[] = [];
  for (const piece of pieces) {
    let rest = piece.trim();
    let weight = 0;
    if (rest.startsWith('=')) {
      weight = 100;
      rest = rest.slice(1);
    } else if (WEIGHT.test(rest)) {
      const end = rest.indexOf('%', 1);
      weight = Number(rest.slice(1, end)) || 0;
      rest = rest.slice(end + 1);
    }
    const [text = '', feedback = ''] = splitLimit(rest, '#', 2);
    const answer = readText(text, format).text;
    // Moodle drops an answer with no text when it saves the question; so do we, before counting.
    if (answer !== '') answers.push({ text: answer, feedback: readText(feedback, format).text, weight });
  }
  return answers;
}

function readBlock(block: readonly Line[], category: string | undefined): BlockOutcome {
  const comments = block.filter((l) => l.text.startsWith('//'));
  const body = block.filter((l) => !l.text.startsWith('//'));
  const first = body[0];
  if (!first) return {};
  if (first.text.startsWith('$CATEGORY:')) {
    // Moodle reads the whole block as the category; a question written right under it would be
    // lost there, so only the first line is the category and any lines after it are read on.
    const name = first.text.slice('$CATEGORY:'.length).trim();
    return { ...readBlock([...comments, ...body.slice(1)], name), category: name };
  }
  const line = first.number;
  const skip = (reason: string): BlockOutcome => ({ skipped: { line, reason } });
  let text = protectEscapes(body.map((l) => l.text).join('\n')).trim();

  let title: string | undefined;
  if (text.startsWith('::')) {
    text = text.slice(2);
    const end = text.indexOf('::');
    if (end >= 0) {
      title = restoreEscapes(text.slice(0, end)).trim();
      text = text.slice(end + 2).trim();
    }
  }

  const start = text.indexOf('{');
  const finish = text.indexOf('}');
  if (start < 0 && finish < 0) return skip('说明文字（没有答案块 {…}），本站不支持，已跳过');
  if (start < 0 || finish < 0 || finish < start) {
    return skip('花括号不成对：答案块缺少 { 或 }（文字里的花括号要写成 \\{ 和 \\}），已跳过');
  }
  const nested = text.indexOf('{', start + 1);
  if ((nested >= 0 && nested < finish) || /[{}]/.test(text.slice(finish + 1))) {
    return skip('一道题只能有一个答案块，多出的花括号要写成 \\{ 和 \\}，已跳过');
  }
  const atEnd = finish === text.length - 1;
  const stemRaw = atEnd ? text.slice(0, start) : text.slice(0, start) + ANSWER_BLANK + text.slice(finish + 1);
  let answerText = text.slice(start + 1, finish).trim();
  let generalFeedback = '';
  const separator = answerText.lastIndexOf('####');
  if (separator >= 0) {
    generalFeedback = answerText.slice(separator + 4);
    answerText = answerText.slice(0, separator).trim();
  }
  const stem = readText(stemRaw, 'moodle');
  if (stem.text === '') return skip('题干为空，已跳过');
  const answers = readAnswerBlock(answerText, stem.format);
  if (typeof answers === 'string') return skip(`${answers}，已跳过`);
  const meta = readComments(comments.map((l) => l.text).join('\n'));
  const general = readText(generalFeedback, stem.format).text;
  return {
    question: {
      title: title || defaultTitle(stem.text),
      type: answers.type,
      stem: stem.text,
      options: answers.options,
      answer: answers.answer,
      explanation: general || answers.feedback,
      line,
      id: meta.id,
      section: meta.section,
      difficulty: meta.difficulty,
      tags: meta.tags,
      category,
    },
  };
}

type ReadAnswers = Pick<ImportedQuestion, 'type' | 'options' | 'answer'> & { feedback: string };

/**
 * The question type from the answer block (general feedback already removed), in Moodle's order:
 * essay, numerical, multiple choice (has ~), matching, true/false, else short answer. Returns the
 * reason when the site cannot hold the question.
 */
function readAnswerBlock(answerText: string, format: TextFormat): ReadAnswers | string {
  if (answerText === '') return '问答题（空答案块 {}），本站不支持';
  if (answerText.startsWith('#')) return '数值题（{#…}），本站不支持';
  if (answerText.includes('~')) {
    const single = answerText.includes('=');
    const answers = readChoiceAnswers(answerText, format);
    if (answers.length < 2) return '选择题至少要有 2 个非空选项';
    const right = answers.flatMap((a, i) => ((single ? a.weight >= 100 : a.weight > 0) ? [i] : []));
    if (right.length === 0) return single ? '单选题没有满分（=）答案' : '多选题没有正权重（正确）的选项';
    if (single && right.length > 1) return `单选题有 ${right.length} 个满分（=）答案，本站单选只有一个正确答案`;
    return {
      // A checkbox question with one right option is, for our learners, a single choice.
      type: right.length > 1 ? 'multiple' : 'single',
      options: answers.map((a) => a.text),
      answer: right,
      feedback: answers.flatMap((a, i) => (a.feedback ? [`${optionLetter(i)}：${a.feedback}`] : [])).join('；'),
    };
  }
  if (answerText.includes('=') && answerText.includes('->')) return '匹配题（->），本站不支持';
  const hash = answerText.indexOf('#');
  const verdict = hash > 0 ? answerText.slice(0, hash).trim() : answerText;
  if (!['T', 'TRUE', 'F', 'FALSE'].includes(verdict)) return '简答/填空题（只有 = 答案，没有 ~ 干扰项），本站不支持';
  const [, wrongFeedback = '', rightFeedback = ''] = splitLimit(answerText, '#', 3);
  return {
    type: 'judge',
    options: [...JUDGE_OPTIONS],
    answer: [verdict.startsWith('T') ? 0 : 1],
    feedback: [wrongFeedback, rightFeedback].map((f) => readText(f, format).text).filter(Boolean).join('；'),
  };
}

/** Reads a GIFT file. Never throws: what the site cannot hold is listed in `skipped`. */
export function readGift(source: string): ImportResult {
  const result: ImportResult = { questions: [], skipped: [] };
  let category: string | undefined;
  let block: Line[] = [];
  const flush = () => {
    const outcome = readBlock(block, category);
    block = [];
    if (outcome.category !== undefined) category = outcome.category;
    if (outcome.question) result.questions.push(outcome.question);
    if (outcome.skipped) result.skipped.push(outcome.skipped);
  };
  stripBom(source)
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const text = raw.trim();
      if (text === '') flush();
      else block.push({ number: index + 1, text });
    });
  flush();
  return result;
}

/** Escapes GIFT's special characters; a leading `[html]`-like text is shielded by `[moodle]`. */
function giftText(text: string): string {
  const escaped = text.replace(/\r/g, '').replace(/[\\~=#{}:\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
  return FORMAT_MARKER.test(escaped) ? `[moodle]${escaped}` : escaped;
}

/** Weights of the right options of a multiple choice: 100 split evenly, as Moodle's grade list has them. */
function rightWeight(count: number): string {
  const share = 100 / count;
  return Number.isInteger(share) ? String(share) : share.toFixed(5);
}

function giftQuestion(q: QuizQuestion): string {
  const tags = q.tags.map((t) => ` [tag:${t.replace(/\]/g, '\\]')}]`).join('');
  const head = `// [id:${q.id}] section:${q.section} difficulty:${q.difficulty}${tags}\n::${giftText(q.id)}::${giftText(q.stem)}`;
  const feedback = `####${giftText(q.explanation)}`;
  if (q.type === 'judge') return `${head}{${q.answer[0] === 0 ? 'T' : 'F'}${feedback}}`;
  const weight = rightWeight(q.answer.length);
  const options = q.options.map((option, i) => {
    const text = giftText(option);
    const right = q.answer.includes(i);
    if (q.type === 'multiple') return `\t~%${right ? weight : '-100'}%${text}`;
    if (right) return `\t=${text}`;
    // A wrong option that itself starts like `%50%` gets an explicit weight, or it would be read as one.
    return WEIGHT.test(text) ? `\t~%0%${text}` : `\t~${text}`;
  });
  return `${head}{\n${options.join('\n')}\n\t${feedback}\n}`;
}

/** A material as plain text: a passage as it is, a table as tab-separated lines under its columns. */
function materialText(material: Material): string {
  const body = material.text ?? [material.table?.columns ?? [], ...(material.table?.rows ?? [])].map((row) => row.join('\t')).join('\n');
  return `【${material.title}】\n${body}`;
}

/**
 * A 工作实务 task as a Moodle essay question (an empty answer block). GIFT has no field for an
 * essay's grader information, so the model answer and the 得分点 go into the general feedback,
 * which Moodle shows to the grader and, after the attempt, to the learner.
 */
function giftEssay(task: CaseItem): string {
  const part = task.parts[0];
  const tags = ['工作实务', ...task.tags].map((t) => ` [tag:${t.replace(/\]/g, '\\]')}]`).join('');
  const question = [task.scenario, ...(task.materials ?? []).map(materialText), part?.prompt ?? ''].join('\n\n');
  const rubric = (part?.points ?? []).map((point, i) => `${i + 1}. ${point.text}（${point.score} 分）`).join('\n');
  const feedback = `参考答案：\n${part?.modelAnswer ?? ''}\n\n得分点（共 ${task.marks ?? 0} 分）：\n${rubric}`;
  return `// [id:${task.id}] section:${task.section} difficulty:${task.difficulty}${tags}\n::${giftText(task.id)}::${giftText(question)}{####${giftText(feedback)}}`;
}

/**
 * Writes the selection as GIFT: a `$CATEGORY: 秘书实务学堂/<chapter title>` per chapter, each question
 * titled by its id and preceded by a comment with its id, section and difficulty; 工作实务 tasks as
 * essay questions. 案例分析 items (several sub-questions each) cannot be written in GIFT and are
 * left out (counted in `notes`).
 */
export function writeGift(bank: BankSelection): ExportResult {
  const tasks = bank.cases.filter((item) => item.kind === 'task');
  const blocks: string[] = [`// 秘书实务学堂题库（GIFT 格式，可在 Moodle 题库中导入），共 ${bank.questions.length + tasks.length} 题`];
  for (const chapter of bank.chapters) {
    const questions = bank.questions.filter((q) => q.chapter === chapter.id);
    const essays = tasks.filter((t) => t.chapter === chapter.id);
    if (questions.length + essays.length === 0) continue;
    // Moodle splits category paths at `/` and reads `//` as a slash inside a name.
    blocks.push(`$CATEGORY: 秘书实务学堂/${chapter.title.replace(/\//g, '//').replace(/\s+/g, ' ')}`);
    blocks.push(...questions.map(giftQuestion), ...essays.map(giftEssay));
  }
  return { text: `${blocks.join('\n\n')}\n`, notes: skippedNote(bank.cases.length - tasks.length, '案例分析题', 'GIFT 无法表达') };
}
