/**
 * Maps validated question files to the engine's shapes (answers as option indices).
 * The one place where the YAML answer notation (letters, true/false) is interpreted.
 */
import type { CaseItem, QuizQuestion } from '../quiz/models.ts';
import { JUDGE_OPTIONS } from '../quiz/models.ts';
import { OPTION_LETTERS, type Question } from './schemas/question.ts';

export function letterIndex(letter: string): number {
  return OPTION_LETTERS.indexOf(letter as (typeof OPTION_LETTERS)[number]);
}

export function toQuizQuestion(chapter: string, q: Exclude<Question, { type: 'case' }>): QuizQuestion {
  const common = {
    id: q.id,
    chapter,
    section: q.section,
    difficulty: q.difficulty,
    stem: q.stem,
    explanation: q.explanation,
    tags: q.tags,
  };
  if (q.type === 'judge') {
    return { ...common, type: 'judge', options: [...JUDGE_OPTIONS], answer: [q.answer ? 0 : 1] };
  }
  return { ...common, type: q.type, options: q.options, answer: [...q.answer].map(letterIndex) };
}

export function toCaseItem(chapter: string, q: Extract<Question, { type: 'case' }>): CaseItem {
  return {
    id: q.id,
    chapter,
    section: q.section,
    difficulty: q.difficulty,
    scenario: q.scenario,
    parts: q.parts,
    explanation: q.explanation,
    tags: q.tags,
  };
}

/** Splits one chapter's questions into objective questions and case items. */
export function splitBank(chapter: string, questions: readonly Question[]): { objective: QuizQuestion[]; cases: CaseItem[] } {
  const objective: QuizQuestion[] = [];
  const cases: CaseItem[] = [];
  for (const q of questions) {
    if (q.type === 'case') cases.push(toCaseItem(chapter, q));
    else objective.push(toQuizQuestion(chapter, q));
  }
  return { objective, cases };
}
