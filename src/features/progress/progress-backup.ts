/**
 * `<progress-backup>`: export and import of everything on the device. An import is checked first
 * (size before reading, then every entry), the learner sees what it would add and change, and only
 * on 确认导入 is it written — all of it or, if the store fills up, none. Announces `progress-changed`
 * on the document after an import so the page redraws its figures.
 */
import type { ImportCount, ImportPlan } from '../../quiz/index.ts';
import { describeStorageProblems, deviceStore } from '../../ui/device-store.ts';
import { download, el, paragraph, readFiles, ref } from '../../ui/dom.ts';
import { formatSize, localDay } from '../../ui/format.ts';

/** Fired on `document` once an import has been written. */
export const PROGRESS_CHANGED = 'progress-changed';

/** What each kind of entry is, in the learner's words. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  review: '错题本、收藏与复习记录（按题计）',
  attempt: '考试与练习记录',
  case: '案例分析作答',
  read: '章节“已学完”标记',
  'last-read': '阅读位置',
  plan: '备考计划',
  theme: '显示主题',
  'trainer:assignments': '培训师的作业列表',
  'trainer:inbox': '作业的结果收件箱',
  'trainer:taken': '作业作答索引',
  'trainer:read': '作业阅读清单',
};

export function describeCounts(counts: readonly ImportCount[]): string[] {
  return counts.map(({ kind, added, updated, unchanged }) => {
    const parts = [added ? `新增 ${added}` : '', updated ? `合并更新 ${updated}` : '', unchanged ? `已有相同的 ${unchanged}` : ''].filter(Boolean);
    return `${KIND_NAMES[kind] ?? kind}：${parts.join('，') || '无'}`;
  });
}

/** The export/import code, fetched on the first export or file chosen (transfer.ts). */
const transfer = () => import('./transfer.ts');

class ProgressBackup extends HTMLElement {
  #store = deviceStore();
  #pending: { plan: ImportPlan; file: string } | null = null;

  connectedCallback() {
    const input = ref<HTMLInputElement>(this, 'import');
    ref(this, 'export').addEventListener('click', () => void this.#export());
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.#plan(file).finally(() => (input.value = ''));
    });
    ref(this, 'confirm').addEventListener('click', () => void this.#apply());
    ref(this, 'cancel').addEventListener('click', () => {
      this.#pending = null;
      ref(this, 'plan').hidden = true;
      ref(this, 'status').textContent = '已取消，没有导入任何记录。';
    });
  }

  #say(...lines: string[]) {
    ref(this, 'status').replaceChildren(...lines.map((line) => paragraph(line)));
  }

  async #export() {
    const { exportProgress } = await transfer();
    const { json, count, problems } = exportProgress(this.#store, Date.now());
    const name = `mishu-progress-${localDay(Date.now())}.json`;
    download(name, json, 'application/json');
    const warnings = describeStorageProblems(problems);
    // Without localStorage there is only this visit's memory to export: never pass that off as a backup.
    if (!this.#store.persistent) warnings.unshift('注意：这个浏览器不允许本站保存数据，导出的只是这次打开页面以来的记录，不是本设备上的长期记录。');
    this.#say(`已导出 ${count} 条记录到文件 ${name}（${formatSize(json.length)}）。`, ...warnings);
  }

  async #plan(file: File) {
    const { MAX_IMPORT_CHARS, planImport, storedSize } = await transfer();
    ref(this, 'plan').hidden = true;
    this.#pending = null;
    // A file several times the store's size cannot fit whatever it holds: refuse it unread.
    if (file.size > MAX_IMPORT_CHARS * 3) {
      this.#say(...describeStorageProblems([{ kind: 'too-large', key: null, chars: file.size, limit: MAX_IMPORT_CHARS }]));
      return;
    }
    const [read] = await readFiles([file]);
    if (!read || read.text === null) {
      this.#say('无法读取这个文件。');
      return;
    }
    const planned = planImport(this.#store, read.text);
    if (!planned.ok) {
      this.#say(...describeStorageProblems([planned.problem]));
      return;
    }
    const { plan } = planned;
    const lines = [
      `文件 ${file.name}（${formatSize(plan.fileChars)}）中可以导入的记录：`,
      ...describeCounts(plan.counts),
      ...describeStorageProblems(plan.skipped),
      `导入后本站在这个浏览器中大约多占 ${formatSize(plan.addedChars)}（现在约 ${formatSize(storedSize(this.#store))}）。`,
    ];
    if (plan.writes.length === 0) {
      this.#say(...lines, '文件中的记录本设备上都已有，无需导入。');
      return;
    }
    this.#pending = { plan, file: file.name };
    ref(this, 'plan-text').replaceChildren(...lines.map((line) => paragraph(line)), el('p', 'hint', '同一条记录以较新的为准；导入要么全部完成，要么（例如存储空间不够时）一条也不写入。'));
    ref(this, 'status').textContent = '';
    ref(this, 'plan').hidden = false;
    ref(this, 'import-plan-title').focus();
  }

  async #apply() {
    const { applyImport } = await transfer();
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    ref(this, 'plan').hidden = true;
    const result = applyImport(this.#store, pending.plan);
    if (result.ok) {
      this.#say(`已从 ${pending.file} 导入 ${result.imported} 条记录。`, ...describeStorageProblems(result.problems));
      document.dispatchEvent(new CustomEvent(PROGRESS_CHANGED));
    } else {
      this.#say('没有导入：写入时出了问题，已把本设备上的记录恢复到导入之前的样子。', ...describeStorageProblems(result.problems));
    }
  }
}

customElements.define('progress-backup', ProgressBackup);
