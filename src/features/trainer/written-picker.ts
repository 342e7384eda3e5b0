/**
 * The builder's list of 案例分析 and 工作实务 to choose from, for an assignment of chosen written
 * items. Loaded when the trainer picks that kind of paper: the items come from the bank files of
 * the chosen modules (every chapter when none is chosen), so the page itself stays light.
 */
import type { CaseItem } from '../../quiz/index.ts';
import { LIMITS, moduleChapter } from '../../quiz/trainer/index.ts';
import { loadBank, type CatalogChapter } from '../../ui/content.ts';
import { el } from '../../ui/dom.ts';
import { itemMax, writtenKindLabel } from '../../ui/written-view.ts';

/** A scenario's first sentence or line, short enough for a checkbox label. */
function headline(item: CaseItem): string {
  const first = [...(item.scenario.trim().split(/\n|(?<=。)/)[0] ?? '')];
  return first.length > 48 ? `${first.slice(0, 47).join('')}…` : first.join('');
}

/** Whether an item is within the modules (`chapter` or `chapter#section`); none is everything. */
function inModules(item: CaseItem, modules: readonly string[]): boolean {
  return modules.length === 0 || modules.includes(item.chapter) || modules.includes(`${item.chapter}#${item.section}`);
}

/**
 * Fills `box` with the items of the modules, grouped by chapter, ticks those in `chosen` that are
 * still in range, and keeps `status` saying how many are ticked.
 */
export async function renderWrittenPicker(
  box: HTMLElement,
  status: HTMLElement,
  modules: readonly string[],
  chapters: readonly Pick<CatalogChapter, 'id' | 'title'>[],
  chosen: ReadonlySet<string>,
): Promise<void> {
  box.replaceChildren(el('p', 'hint', '正在加载题目……'));
  const wanted = modules.length === 0 ? undefined : [...new Set(modules.map(moduleChapter))];
  const { cases } = await loadBank(wanted);
  const items = cases.filter((item) => inModules(item, modules));
  const update = () => {
    const count = box.querySelectorAll('input[name="written"]:checked').length;
    status.textContent = `已选 ${count} 题（最多 ${LIMITS.writtenItems} 题）；每题分值相同，满分 100 分。交卷后学员对照参考答案和得分点自评。`;
  };
  if (items.length === 0) {
    box.replaceChildren(el('p', 'notice', '所选范围里没有案例分析或工作实务，请扩大学习范围。'));
    update();
    return;
  }
  const groups = chapters
    .map((chapter) => ({ chapter, items: items.filter((item) => item.chapter === chapter.id) }))
    .filter((group) => group.items.length > 0)
    .map(({ chapter, items: list }) => {
      const fieldset = el('fieldset', 'written-group');
      fieldset.append(el('legend', undefined, chapter.title));
      for (const item of list) {
        const label = el('label', 'module-option');
        const tick = el('input');
        tick.type = 'checkbox';
        tick.name = 'written';
        tick.value = item.id;
        tick.checked = chosen.has(item.id);
        label.append(tick, el('span', undefined, `${writtenKindLabel(item)}（${itemMax(item)} 分）：${headline(item)}`));
        fieldset.append(label);
      }
      return fieldset;
    });
  box.replaceChildren(...groups);
  // The box is filled again whenever the modules change: one handler, not one more each time.
  box.onchange = update;
  update();
}
