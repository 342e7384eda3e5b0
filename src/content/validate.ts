/**
 * Build-time cross-checks of all content. Pure: it takes the files' text and returns every
 * problem with its file, line and field, so the Astro build, `npm run bank -- validate` and the
 * unit tests all run the same checks. Nothing here touches the file system (see load-content.ts).
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'astro/zod';
import { ChapterSchema, type Chapter } from './schemas/chapter.ts';
import { QuestionSchema, type Question } from './schemas/question.ts';
import { ExamBlueprintSchema } from './schemas/exam.ts';
import { isNonTeachingSection, readChapterSections, type ChapterSection } from './chapter-sections.ts';
import { splitBank } from './bank.ts';
import type { Blueprint, CaseItem, QuizQuestion } from '../quiz/models.ts';
import { describeShortfall, findShortfalls, forChapter, totalDrawn } from '../quiz/pool.ts';
import { describeWrittenShortfall, findWrittenShortfalls, isWrittenBlueprint } from '../quiz/written.ts';

// Schema messages in Chinese, like the rest of the content tooling.
z.config(z.locales.zhCN());

/**
 * A question file's outer shape. Each question is then validated on its own, so one bad
 * question is reported without hiding the rest of the file (or failing every blueprint).
 */
const QuestionFileShape = z.strictObject({ chapter: z.string().min(1), questions: z.array(z.unknown()).min(1) });

export interface SourceFile {
  /** Path relative to the project root, used in messages. */
  path: string;
  text: string;
}

export interface ContentSources {
  chapters: SourceFile[];
  questions: SourceFile[];
  exams: SourceFile[];
}

export interface ContentProblem {
  file: string;
  line: number;
  /** Dotted path of the offending field, e.g. `questions[3].answer`. */
  field: string;
  message: string;
}

export interface ChapterInfo extends Chapter {
  id: string;
  sections: ChapterSection[];
}

export interface CheckedContent {
  chapters: ChapterInfo[];
  questions: QuizQuestion[];
  cases: CaseItem[];
  blueprints: Blueprint[];
  problems: ContentProblem[];
}

/** 「52 道案例分析，62 道工作实务」. */
export function describeWritten(cases: readonly Pick<CaseItem, 'kind'>[]): string {
  return `${cases.filter((c) => c.kind === 'case').length} 道案例分析，${cases.filter((c) => c.kind === 'task').length} 道工作实务`;
}

/** What checked content holds, in the one line the build and `bank validate` print. */
export function describeContent(content: Pick<CheckedContent, 'chapters' | 'questions' | 'cases' | 'blueprints'>): string {
  return `${content.chapters.length} 章，${content.questions.length} 道客观题，${describeWritten(content.cases)}，${content.blueprints.length} 套试卷蓝图`;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line} ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

function fileId(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** Finds the line of a YAML node by its path; falls back to the nearest existing parent. */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[], offset = 0): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
  }
  return 1 + offset;
}

interface ParsedYaml<T> {
  value: T | undefined;
  locate: (path: readonly PropertyKey[]) => number;
}

function parseYaml<S extends z.ZodType>(
  file: SourceFile,
  schema: S,
  problems: ContentProblem[],
  lineOffset = 0,
): ParsedYaml<z.output<S>> {
  const counter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: counter, prettyErrors: false });
  const locate = (path: readonly PropertyKey[]) => lineOf(doc, counter, path, lineOffset);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = counter.linePos(error.pos[0]).line + lineOffset;
      problems.push({ file: file.path, line, field: '', message: `YAML 语法错误：${error.message.split('\n')[0]}` });
    }
    return { value: undefined, locate };
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file: file.path, line: locate(issue.path), field: fieldPath(issue.path), message: issue.message });
    }
    return { value: undefined, locate };
  }
  return { value: result.data, locate };
}

function checkChapter(file: SourceFile, problems: ContentProblem[]): ChapterInfo | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(file.text);
  if (!match?.[1]) {
    problems.push({ file: file.path, line: 1, field: 'frontmatter', message: '缺少 frontmatter（--- 包围的 YAML 头）' });
    return undefined;
  }
  const { value } = parseYaml({ path: file.path, text: match[1] }, ChapterSchema, problems, 1);
  const { sections, problems: sectionProblems } = readChapterSections(file.text);
  for (const p of sectionProblems) problems.push({ file: file.path, line: p.line, field: 'heading', message: p.message });
  if (sections.length === 0 && sectionProblems.length === 0) {
    problems.push({ file: file.path, line: 1, field: 'heading', message: '章节至少要有一个 ## 小节' });
  }
  return value ? { ...value, id: fileId(file.path), sections } : undefined;
}

/** An ASCII id shown to learners: 「（circulation）」 or 「office#mail」. */
const INTERNAL_ID = /（[a-z][a-z0-9]*(?:-[a-z0-9]+)*）|\b[a-z][a-z0-9-]*#[a-z][a-z0-9-]*\b/;

/** Stems compared with punctuation, blanks and spaces removed, to catch near-duplicates. */
export function normaliseStem(stem: string): string {
  return stem.replace(/[\s\p{P}\p{S}（）()　_＿]/gu, '').toLowerCase();
}

export function checkContent(sources: ContentSources): CheckedContent {
  const problems: ContentProblem[] = [];

  const chapters: ChapterInfo[] = [];
  for (const file of sources.chapters) {
    const chapter = checkChapter(file, problems);
    if (!chapter) continue;
    const clash = chapters.find((c) => c.order === chapter.order);
    if (clash) {
      problems.push({ file: file.path, line: 2, field: 'order', message: `order ${chapter.order} 与章节 ${clash.id} 重复` });
    }
    chapters.push(chapter);
  }
  chapters.sort((a, b) => a.order - b.order);
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  // A chapter whose frontmatter is invalid is already reported; don't also call it missing.
  const chapterFiles = new Set(sources.chapters.map((f) => fileId(f.path)));

  const questions: QuizQuestion[] = [];
  const cases: CaseItem[] = [];
  const idOwner = new Map<string, string>();
  const stemOwner = new Map<string, string>();
  for (const file of sources.questions) {
    const { value, locate } = parseYaml(file, QuestionFileShape, problems);
    if (!value) continue;
    const chapter = chapterById.get(value.chapter);
    if (value.chapter !== fileId(file.path)) {
      problems.push({ file: file.path, line: locate(['chapter']), field: 'chapter', message: `文件名应与章节 id 一致（${value.chapter}.yaml）` });
    }
    if (!chapter && !chapterFiles.has(value.chapter)) {
      problems.push({ file: file.path, line: locate(['chapter']), field: 'chapter', message: `章节 "${value.chapter}" 不存在` });
    }
    const valid: Question[] = [];
    value.questions.forEach((raw, index) => {
      const parsed = QuestionSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = ['questions', index, ...issue.path];
          problems.push({ file: file.path, line: locate(path), field: fieldPath(path), message: issue.message });
        }
        return;
      }
      const q = parsed.data;
      valid.push(q);
      const at = (field: string) => ({ file: file.path, line: locate(['questions', index, field]), field: `questions[${index}].${field}` });
      const owner = idOwner.get(q.id);
      if (owner) problems.push({ ...at('id'), message: `题目 id "${q.id}" 重复（已在 ${owner} 中使用）` });
      else idOwner.set(q.id, `${file.path}:${locate(['questions', index, 'id'])}`);
      if (chapter && !chapter.sections.some((s) => s.id === q.section)) {
        problems.push({ ...at('section'), message: `小节 "${q.section}" 不在章节 ${chapter.id} 中（可用：${chapter.sections.map((s) => s.id).join('、')}）` });
      }
      if (isNonTeachingSection(q.section)) {
        problems.push({ ...at('section'), message: `题目应链接到讲授这一点的小节，不能链接到“${q.section === 'summary' ? '本章小结' : '常见误区'}”` });
      }
      const leaked = INTERNAL_ID.exec(q.explanation);
      if (leaked) problems.push({ ...at('explanation'), message: `解析中出现了内部小节 id“${leaked[0]}”，请改用小节标题` });
      const stem = q.type === 'case' ? q.scenario : q.type === 'task' ? `${q.scenario}${q.task}` : q.stem;
      const key = `${q.type}:${normaliseStem(stem)}`;
      const twin = stemOwner.get(key);
      if (twin) problems.push({ ...at(q.type === 'case' || q.type === 'task' ? 'scenario' : 'stem'), message: `题干与 ${twin} 重复或几乎相同` });
      else stemOwner.set(key, `${file.path}:${locate(['questions', index])}（${q.id}）`);
    });
    const { objective, cases: caseItems } = splitBank(value.chapter, valid);
    questions.push(...objective);
    cases.push(...caseItems);
  }

  const blueprints: Blueprint[] = [];
  for (const file of sources.exams) {
    const { value, locate } = parseYaml(file, ExamBlueprintSchema, problems);
    if (!value) continue;
    const blueprint: Blueprint = { ...value, id: fileId(file.path) };
    value.parts.forEach((part, index) => {
      for (const id of part.pool.chapters ?? []) {
        if (!chapterById.has(id)) {
          problems.push({ file: file.path, line: locate(['parts', index, 'pool', 'chapters']), field: `parts[${index}].pool.chapters`, message: `章节 "${id}" 不存在` });
        }
      }
    });
    const totalPoints = value.parts.reduce((sum, part) => sum + part.points, 0);
    if (value.passMark > totalPoints) {
      problems.push({ file: file.path, line: locate(['passMark']), field: 'passMark', message: `及格分 ${value.passMark} 超过总分 ${totalPoints}` });
    }
    const written = isWrittenBlueprint(blueprint);
    if (written && value.parts.some((part) => totalDrawn(part.draw) > 0)) {
      problems.push({ file: file.path, line: locate(['parts']), field: 'parts', message: '一份试卷要么抽客观题（draw），要么抽案例分析和工作实务（written），不能混合' });
    }
    for (const shortfall of written ? findWrittenShortfalls(cases, blueprint) : []) {
      const index = value.parts.findIndex((p) => p.title === shortfall.part);
      problems.push({
        file: file.path,
        line: locate(['parts', index, 'written', shortfall.kind]),
        field: `parts[${index}].written.${shortfall.kind}`,
        message: `题库不足以无重复地组卷：${describeWrittenShortfall(shortfall)}`,
      });
    }
    const variants = blueprint.perChapter ? chapters.map((c) => ({ label: `章节 ${c.id}：`, parts: forChapter(blueprint, c.id).parts })) : [{ label: '', parts: blueprint.parts }];
    for (const variant of variants) {
      for (const shortfall of findShortfalls(questions, variant.parts)) {
        const index = value.parts.findIndex((p) => p.title === shortfall.part);
        problems.push({
          file: file.path,
          line: locate(['parts', index, 'draw', shortfall.type]),
          field: `parts[${index}].draw.${shortfall.type}`,
          message: `题库不足以无重复地组卷：${variant.label}${describeShortfall(shortfall)}`,
        });
      }
    }
    blueprints.push(blueprint);
  }

  return { chapters, questions, cases, blueprints, problems };
}
