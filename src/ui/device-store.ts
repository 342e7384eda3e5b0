/**
 * The device store: the engine's key-value store on this device. localStorage whenever the browser
 * lets the site read it — a full store is still a store, whose entries read as always and whose
 * new writes fail with a quota problem the page reports. Only when localStorage cannot be read at
 * all (storage disabled, some private modes) does the page fall back to memory, and then it says
 * so everywhere, an export included.
 */
import type { KeyValueStore, StorageProblem } from '../quiz/index.ts';
import { formatSize } from './format.ts';

export interface DeviceStore extends KeyValueStore {
  /** False when progress will be lost on reload (no usable localStorage). */
  persistent: boolean;
}

function memoryStore(): DeviceStore {
  const map = new Map<string, string>();
  return {
    persistent: false,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

let store: DeviceStore | undefined;

export function deviceStore(): DeviceStore {
  if (store) return store;
  try {
    const ls = window.localStorage;
    // Reading is the test: a write would fail on a full store, which is still perfectly readable.
    ls.getItem('mishu:review');
    store = {
      persistent: true,
      getItem: (key) => ls.getItem(key),
      // Errors (quota) propagate: the engine turns them into a reported result.
      setItem: (key, value) => ls.setItem(key, value),
      removeItem: (key) => ls.removeItem(key),
      keys: () => Array.from({ length: ls.length }, (_, i) => ls.key(i)).filter((k): k is string => k !== null),
    };
  } catch {
    store = memoryStore();
  }
  return store;
}

/** The problem to report on every page while the store is memory only. */
export const NOT_PERSISTENT: StorageProblem = { kind: 'unavailable', key: 'mishu:', message: '浏览器不允许本站使用本地存储' };

/** A sentence a learner understands for each storage problem the engine reports. */
export function describeStorageProblem(problem: StorageProblem): string {
  switch (problem.kind) {
    case 'corrupted':
      return problem.quarantinedAs
        ? `有一条学习记录已损坏（${problem.reason}），已原样另存为备份，其余记录照常加载，没有任何数据被删除。`
        : `有一条学习记录已损坏（${problem.reason}），且无法另存备份；它仍保留在原处，没有被删除。`;
    case 'newer-version':
      return '有一条记录是新版网站写入的，本页面不会改动它。请刷新页面以加载最新版本。';
    case 'quota-exceeded':
      return '本设备的浏览器存储空间已满：已有的记录照常显示，但新的改动暂时无法保存。请先“导出学习进度”备份，再清理浏览器中其他网站的数据。';
    case 'unavailable':
      return `浏览器不允许保存数据（${problem.message}），本次的记录在关闭页面后不会保留。`;
    case 'invalid-import':
      return problem.key ? `导入文件中的一条记录无法使用（${problem.reason}），不会导入。` : `这个文件不能导入：${problem.reason}。`;
    case 'too-large':
      return `这个文件不能导入：它有 ${formatSize(problem.chars)}，超过浏览器为本站保存数据的容量（约 ${formatSize(problem.limit)}）。`;
  }
}

/**
 * The sentences for a list of problems, each said once: a problem repeated for many entries is
 * reported once with 「其余 N 条同样……」 rather than N times.
 */
export function describeStorageProblems(problems: readonly StorageProblem[]): string[] {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const text = describeStorageProblem(problem);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => (count > 1 ? `${text}（其余 ${count - 1} 条同样如此）` : text));
}
