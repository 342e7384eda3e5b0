/**
 * An assignment checked against this site's catalog and bank when its link is opened (issue 13,
 * item 8). A link can outlive the content it names: a chapter or section renamed away, a
 * blueprint retired, a bank too small for the mix. Everything is checked at once, every problem
 * named in Chinese — never by a raw id as if it were a title — and a paper that cannot be drawn
 * is reported before the learner types a name.
 */
import type { Blueprint, QuizQuestion } from '../models.ts';
import { ShortfallError } from '../pool.ts';
import type { AssignmentSpec } from './assignment.ts';
import { chaptersFor, moduleChapter, type AssignmentBank } from './mix.ts';
import { drawAssignment, MissingWrittenItemsError, UnknownBlueprintError } from './paper.ts';
import type { RedrawnPaper } from './verify.ts';

/** What the check needs to know about a chapter of the site (the catalog's shape). */
export interface SiteChapter {
  id: string;
  title: string;
  sections: readonly { id: string; title: string }[];
}

export interface AssignmentCheck {
  /** Every problem found, as sentences in Chinese; empty when the assignment fits the site. */
  problems: string[];
  /** The shared paper, or why it cannot be drawn; when it cannot, nobody can take the assignment. */
  paper: RedrawnPaper;
}

/**
 * The chapters whose bank files to load for an assignment (`chaptersFor`: its modules' chapters,
 * or its chosen items'): those the site still has (fetching one it does not have would fail the
 * whole load); undefined means every chapter.
 */
export function chaptersToLoad(
  spec: Pick<AssignmentSpec, 'modules'> & Partial<Pick<AssignmentSpec, 'mix'>>,
  chapters: readonly SiteChapter[],
): string[] | undefined {
  const wanted = chaptersFor(spec);
  if (wanted === undefined) return undefined;
  const known = new Set(chapters.map((c) => c.id));
  return wanted.filter((id) => known.has(id));
}

/** The modules the site no longer has, one sentence each. */
export function missingModules(spec: Pick<AssignmentSpec, 'modules'>, chapters: readonly SiteChapter[]): string[] {
  const problems: string[] = [];
  for (const module of spec.modules) {
    const chapterId = moduleChapter(module);
    const sectionId = module.length > chapterId.length ? module.slice(chapterId.length + 1) : null;
    const chapter = chapters.find((c) => c.id === chapterId);
    if (!chapter) problems.push(`学习范围里的一章本站已经没有了（章节编号 ${chapterId}）`);
    else if (sectionId !== null && !chapter.sections.some((s) => s.id === sectionId)) {
      problems.push(`学习范围里「${chapter.title}」的一个小节本站已经没有了（小节编号 ${sectionId}）`);
    }
  }
  return problems;
}

/**
 * A learner's paper drawn from the site as it is now (`null`: the shared paper), objective or
 * written, or why it cannot be, in Chinese: what the runner needs before a learner starts, and the
 * report for re-scoring. `bank` is what `loadBank` gives (questions and written items); a list of
 * questions alone is a bank without written items.
 */
export function redrawPaper(
  spec: AssignmentSpec,
  site: { blueprints: readonly Blueprint[] },
  bank: AssignmentBank | readonly QuizQuestion[],
  learner: string | null,
): RedrawnPaper {
  const items: AssignmentBank = isQuestionList(bank) ? { questions: bank, cases: [] } : bank;
  try {
    return { ok: true, value: drawAssignment(spec, items, site.blueprints, learner) };
  } catch (error) {
    if (error instanceof ShortfallError) return { ok: false, error: `按本站现在的题库凑不齐这份试卷：${error.details}` };
    if (error instanceof UnknownBlueprintError || error instanceof MissingWrittenItemsError) return { ok: false, error: error.message };
    throw error;
  }
}

function isQuestionList(bank: AssignmentBank | readonly QuizQuestion[]): bank is readonly QuizQuestion[] {
  return Array.isArray(bank);
}

/** Checks an assignment against the catalog and the bank of the chapters `chaptersToLoad` named. */
export function checkAssignment(
  spec: AssignmentSpec,
  site: { chapters: readonly SiteChapter[]; blueprints: readonly Blueprint[] },
  bank: AssignmentBank | readonly QuizQuestion[],
): AssignmentCheck {
  const problems = missingModules(spec, site.chapters);
  const paper = redrawPaper(spec, site, bank, null);
  if (!paper.ok) problems.push(paper.error);
  return { problems, paper };
}
