/**
 * The engine's key-value store on this device: localStorage when the browser allows it, otherwise
 * an in-memory map (private mode, storage disabled) so the page still works for this visit.
 */
import type { KeyValueStore, StorageProblem } from '../quiz/index.ts';

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
    const probe = '__mishu_probe__';
    ls.setItem(probe, '1');
    ls.removeItem(probe);
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
      return '本设备的存储空间已满，这次的作答没能保存。请先“导出学习进度”备份，再清理浏览器中其他网站的数据。';
    case 'unavailable':
      return `浏览器不允许保存数据（${problem.message}），本次学习记录在关闭页面后不会保留。`;
    case 'invalid-import':
      return problem.key ? `导入文件中的一条记录无法使用（${problem.reason}），已跳过，其余照常导入。` : `这个文件不能导入：${problem.reason}`;
  }
}
