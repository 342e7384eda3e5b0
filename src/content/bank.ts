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

export function toQuizQuestion(chapter: string, q: Exclude<Question, { type: 'case' | 'task' }>): QuizQuestion {
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

/** A 案例分析 or a 工作实务 task as the engine's written item; a task is one written part. */
export function toCaseItem(chapter: string, q: Extract<Question, { type: 'case' | 'task' }>): CaseItem {
  const common = { id: q.id, chapter, section: q.section, difficulty: q.difficulty, scenario: q.scenario, explanation: q.explanation, tags: q.tags };
  if (q.type === 'case') return { ...common, kind: 'case', parts: q.parts };
  return {
    ...common,
    kind: 'task',
    verb: q.verb,
    materials: q.materials,
    marks: q.marks,
    parts: [{ prompt: q.task, modelAnswer: q.modelAnswer, points: q.points }],
  };
}

/** Splits one chapter's questions into objective questions and written items (cases and tasks). */
export function splitBank(chapter: string, questions: readonly Question[]): { objective: QuizQuestion[]; cases: CaseItem[] } {
  const objective: QuizQuestion[] = [];
  const cases: CaseItem[] = [];
  for (const q of questions) {
    if (q.type === 'case' || q.type === 'task') cases.push(toCaseItem(chapter, q));
    else objective.push(toQuizQuestion(chapter, q));
  }
  return { objective, cases };
}
