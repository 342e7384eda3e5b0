/**
 * Behaviours decide *when* grading and feedback happen (Moodle's split): the same 单选 is graded
 * the same way in practice, in a mock exam and when reciting; only what the learner sees differs.
 */
import type { Paper } from './draw.ts';
import { creditFor, scorePaper } from './scoring.ts';
import type { PaperScore } from './scoring.ts';

export type BehaviourName = 'practice' | 'exam' | 'recite';

/**
 * The part of an attempt's state a behaviour looks at. `AttemptState` (attempt.ts) has these
 * fields; naming them here keeps this module free of the attempt module, which uses behaviours.
 */
export interface AttemptView {
  status: 'not-started' | 'in-progress' | 'submitted';
  behaviour: BehaviourName | null;
  /** Chosen options per item index. */
  responses: Readonly<Record<number, readonly number[]>>;
}

export interface Behaviour {
  name: BehaviourName;
  /** 背题 only reads: there is nothing to answer. */
  acceptsAnswers: boolean;
  /** Practice shows the right answer at once, so changing an answer afterwards would be copying. */
  locksAnswered: boolean;
  /** Whether results count towards a score and the wrong-answer book. */
  scored: boolean;
  /** Whether the right answer and explanation of `item` may be shown now. */
  revealsAnswer: (state: AttemptView, item: number) => boolean;
}

export const BEHAVIOURS: Readonly<Record<BehaviourName, Behaviour>> = {
  practice: {
    name: 'practice',
    acceptsAnswers: true,
    locksAnswered: true,
    scored: true,
    revealsAnswer: (state, item) => state.responses[item] !== undefined,
  },
  exam: {
    name: 'exam',
    acceptsAnswers: true,
    locksAnswered: false,
    scored: true,
    revealsAnswer: (state) => state.status === 'submitted',
  },
  recite: {
    name: 'recite',
    acceptsAnswers: false,
    locksAnswered: false,
    scored: false,
    revealsAnswer: () => true,
  },
};

export function isBehaviourName(value: unknown): value is BehaviourName {
  return value === 'practice' || value === 'exam' || value === 'recite';
}

/** How the learner's answer to one item fared. */
export interface Verdict {
  chosen: number[];
  correct: boolean;
  credit: number;
}

/** What may be shown under an item once its behaviour allows it. */
export interface Feedback {
  /** Right options, as shown positions. */
  answer: number[];
  explanation: string;
  /** Null when there is nothing to judge: 背题, or an exam item left blank. */
  verdict: Verdict | null;
}

/** Feedback for one item, or null while the behaviour still withholds it. */
export function feedbackFor(paper: Paper, state: AttemptView, item: number): Feedback | null {
  const question = paper.items[item]?.question;
  if (!question || state.behaviour === null) return null;
  const behaviour = BEHAVIOURS[state.behaviour];
  if (!behaviour.revealsAnswer(state, item)) return null;
  const chosen = state.responses[item];
  let verdict: Verdict | null = null;
  if (behaviour.scored && chosen !== undefined) {
    const credit = creditFor(question, chosen, paper.multiplePolicy);
    verdict = { chosen: [...chosen], correct: credit === 1, credit };
  }
  return { answer: [...question.answer], explanation: question.explanation, verdict };
}

/**
 * The score the learner may see now: a running score in practice, the final score once an exam is
 * submitted, and never one for 背题.
 */
export function scoreAttempt(paper: Paper, state: AttemptView): PaperScore | null {
  if (state.behaviour === null || !BEHAVIOURS[state.behaviour].scored) return null;
  if (state.behaviour === 'exam' && state.status !== 'submitted') return null;
  return scorePaper(paper, state.responses);
}
