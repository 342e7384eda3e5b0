/**
 * The desk's view of a written item (the skills paper): the scenario and materials, then a text
 * area per part. What is typed is recorded as a `write` step once the learner pauses, when the
 * field loses focus and when the page is hidden, so a reload, a closed tab or time-up keep it
 * exactly as the mock exam keeps a choice.
 */
import { isWrittenPaper } from '../../quiz/index.ts';
import type { AttemptSession, AttemptStep, WrittenPaperItem } from '../../quiz/index.ts';
import { el } from '../../ui/dom.ts';
import { partPrompt, writtenBrief, writtenKindLabel } from '../../ui/written-view.ts';
import type { ItemView } from './item-view.ts';

/** Typing is recorded after this pause (and on blur), not on every keystroke. */
export const TYPING_PAUSE_MS = 800;

/** The save waiting for a pause in typing, if any; run at once when the page is hidden. */
let pendingSave: (() => void) | null = null;
let flushOnHide = false;

/** Listens for the page being hidden, from the first written item shown (not when the module loads). */
function watchPageHide(): void {
  if (flushOnHide) return;
  flushOnHide = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') pendingSave?.();
  });
  addEventListener('pagehide', () => pendingSave?.());
}

function writtenItem(session: AttemptSession, index: number): WrittenPaperItem | undefined {
  if (!isWrittenPaper(session.paper)) throw new TypeError('writtenItems 只显示专业能力试卷');
  return session.paper.items[index];
}

export const writtenItems: ItemView = {
  render(session, index, record) {
    const slot = writtenItem(session, index);
    if (!slot) throw new RangeError(`试卷没有第 ${index + 1} 题`);
    watchPageHide();
    const item = slot.written;
    const article = el('article', 'written-item');
    const heading = el('h3', 'written-title', `第 ${index + 1} 题 · ${writtenKindLabel(item)}`);
    article.append(heading, writtenBrief(item));
    item.parts.forEach((part, p) => {
      const id = `answer-${index}-${p}`;
      const field = el('div', 'answer-field');
      const label = el('label', undefined, item.parts.length > 1 ? `第 ${p + 1} 问的作答` : '你的作答');
      label.htmlFor = id;
      const textarea = el('textarea');
      textarea.id = id;
      textarea.rows = item.kind === 'task' ? 12 : 6;
      textarea.dataset['part'] = String(p);
      textarea.value = session.state.texts[index]?.[p] ?? '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const save = () => {
        clearTimeout(timer);
        timer = undefined;
        if (pendingSave === save) pendingSave = null;
        if (textarea.value === (session.state.texts[index]?.[p] ?? '')) return;
        const step: AttemptStep = { kind: 'write', at: Date.now(), item: index, part: p, text: textarea.value };
        record(step);
      };
      textarea.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(save, TYPING_PAUSE_MS);
        pendingSave = save;
      });
      textarea.addEventListener('blur', save);
      field.append(partPrompt(item, part, p), label, textarea, el('p', 'hint', '作答随时保存在本设备上；交卷后对照参考答案和得分点自评。'));
      article.append(field);
    });
    return article;
  },
  sync(slot, session, index) {
    // Another tab's text replaces this one's only where this tab is not typing.
    for (const textarea of slot.querySelectorAll<HTMLTextAreaElement>('textarea[data-part]')) {
      if (textarea === document.activeElement) continue;
      textarea.value = session.state.texts[index]?.[Number(textarea.dataset['part'])] ?? '';
    }
  },
};
