/**
 * The review scheduler (FSRS) for the 练习 page, loaded just after the page starts rather than
 * with it: the first answer comes seconds later, and the page's first paint need not wait for it.
 */
export { recordAnswer } from '../../quiz/index.ts';
