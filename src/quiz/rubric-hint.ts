/**
 * The self-marking hint: which 得分点 a written answer appears to cover, by looking for the point's
 * key terms in the text. Only a hint — the learner decides, and the page says so. A point's own
 * `keywords` are used when the content gives them; otherwise its key terms are taken from its text
 * (words of two or more characters, without the instruction words every point shares).
 */
import type { ScoringPoint } from './models.ts';

/** Words that say what to do rather than what to say: in almost every 得分点, so they tell nothing. */
const INSTRUCTION_WORDS = new Set([
  '写明', '指出', '说出', '说明', '列出', '能够', '应当', '应该', '需要', '必须', '是否', '正确', '明确', '做到', '注意',
  '要求', '包括', '以及', '或者', '并且', '进行', '相关', '有关', '内容', '情况', '问题', '方面', '其中', '一个', '这个',
]);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The terms the hint looks for: given keywords, or the point text's content words. */
export function pointTerms(point: Pick<ScoringPoint, 'text' | 'keywords'>): string[] {
  if (point.keywords && point.keywords.length > 0) return [...new Set(point.keywords)];
  const terms: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(point.text)) {
    if (!isWordLike || [...segment].length < 2 || INSTRUCTION_WORDS.has(segment)) continue;
    if (!terms.includes(segment)) terms.push(segment);
  }
  return terms;
}

/** Letters and digits only: the answer's punctuation and spacing should not hide a term. */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

/**
 * Whether `answer` seems to cover the point: at least half of its terms (and at least one) appear.
 * An empty answer covers nothing.
 */
export function seemsCovered(point: Pick<ScoringPoint, 'text' | 'keywords'>, answer: string): boolean {
  const text = compact(answer);
  if (text === '') return false;
  const terms = pointTerms(point).map(compact).filter((t) => t !== '');
  if (terms.length === 0) return false;
  const found = terms.filter((term) => text.includes(term)).length;
  return found >= Math.max(1, Math.ceil(terms.length / 2));
}
