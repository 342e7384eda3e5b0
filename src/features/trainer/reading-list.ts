/**
 * The reading list of an assignment on the learner's page: the sections its modules name, each
 * with a box to tick once read (kept on the device per assignment) and a link to read it.
 */
import type { KeyValueStore } from '../../quiz/index.ts';
import type { AssignmentSpec } from '../../quiz/trainer/index.ts';
import { sectionUrl, type Catalog } from '../../ui/content.ts';
import { el, link } from '../../ui/dom.ts';
import { moduleLabel, readingList } from './modules.ts';
import { loadRead, saveRead } from './learner-store.ts';

/**
 * Fills `box` with the list and `status` with how much is read; `onProblem` gets a sentence when
 * a tick could not be saved (the tick stays on screen).
 */
export function renderReadingList(
  box: HTMLElement,
  status: HTMLElement,
  spec: AssignmentSpec,
  catalog: Catalog,
  kv: KeyValueStore,
  onProblem: (message: string) => void,
): void {
  if (spec.modules.length === 0) {
    box.replaceChildren(el('p', undefined, '本作业覆盖全部章节。'), link('/', '去章节目录'));
    status.textContent = '';
    return;
  }
  const read = loadRead(kv, spec.id);
  const chapters = readingList(spec.modules, catalog.chapters);
  const keys = new Set(chapters.flatMap((c) => c.sections.map((s) => `${c.chapter}#${s.id}`)));
  const update = () => {
    const done = [...read].filter((key) => keys.has(key)).length;
    status.textContent = `建议作答前先读完下面的小节，读完一节勾一节（已读 ${done} / ${keys.size}）。`;
  };
  const nodes = chapters.map((chapter) => {
    const part = el('div');
    const heading = el('h3');
    heading.append(link(`/chapters/${chapter.chapter}/`, chapter.whole ? `${chapter.title}（整章）` : chapter.title));
    const list = el('ul');
    for (const section of chapter.sections) {
      const key = `${chapter.chapter}#${section.id}`;
      const item = el('li');
      const label = el('label');
      const tick = el('input');
      tick.type = 'checkbox';
      tick.checked = read.has(key);
      tick.addEventListener('change', () => {
        if (tick.checked) read.add(key);
        else read.delete(key);
        const saved = saveRead(kv, spec.id, read);
        if (!saved.ok) onProblem(saved.message);
        update();
      });
      label.append(tick, el('span', undefined, section.title));
      item.append(label, link(sectionUrl(chapter.chapter, section.id), '阅读', { context: moduleLabel(key, catalog.chapters) }));
      list.append(item);
    }
    part.append(heading, list);
    return part;
  });
  box.replaceChildren(...nodes);
  update();
}
