import { describe, expect, it } from 'vitest';
import { createModuleFilter } from '../../../../src/features/trainer/module-filter.ts';
import { moduleEntries, moduleLabel, readingList, selectedModules, type ModuleChapter } from '../../../../src/features/trainer/modules.ts';

const chapters: ModuleChapter[] = [
  {
    id: 'meetings',
    title: '会议组织与管理',
    sections: [
      { id: 'plan', title: '会议方案：主题、议题与名称' },
      { id: 'venue', title: '会址的选择' },
    ],
  },
  {
    id: 'documents',
    title: '文书处理与档案',
    sections: [
      { id: 'plan', title: '公文的格式' },
      { id: 'venue', title: '档案的整理' },
    ],
  },
];

const entries = moduleEntries(chapters);

describe('modules', () => {
  it('lists each chapter followed by its sections', () => {
    expect(entries.map((e) => e.key)).toEqual(['meetings', 'meetings#plan', 'meetings#venue', 'documents', 'documents#plan', 'documents#venue']);
  });

  it('names modules, and one this site does not have as such, never by its id alone', () => {
    expect(moduleLabel('meetings', chapters)).toBe('会议组织与管理');
    expect(moduleLabel('meetings#venue', chapters)).toBe('会议组织与管理 › 会址的选择');
    expect(moduleLabel('meetings#gone', chapters)).toBe('会议组织与管理 › 本站已没有的小节（编号 gone）');
    expect(moduleLabel('archives', chapters)).toBe('本站已没有的章节（编号 archives）');
    expect(moduleLabel('archives#x', chapters)).toBe('本站已没有的章节（编号 archives）');
  });

  it('stores a ticked chapter alone, without its sections', () => {
    expect(selectedModules(['meetings#plan', 'meetings', 'documents#venue'], entries)).toEqual(['meetings', 'documents#venue']);
    expect(selectedModules([], entries)).toEqual([]);
  });

  it('gives the learner every section of a chapter, or the sections assigned, and leaves out what the site no longer has', () => {
    expect(readingList(['documents#venue', 'meetings', 'documents#venue', 'archives#x', 'archives', 'documents#gone'], chapters)).toEqual([
      { chapter: 'documents', title: '文书处理与档案', whole: false, sections: [{ id: 'venue', title: '档案的整理' }] },
      { chapter: 'meetings', title: '会议组织与管理', whole: true, sections: chapters[0]!.sections },
    ]);
  });
});

describe('the module picker’s filter', () => {
  const filter = createModuleFilter(entries);

  it('shows everything for an empty query', () => {
    expect(filter('  ').size).toBe(entries.length);
  });

  it('shows a matching chapter with all its sections', () => {
    expect([...filter('会议组织')].sort()).toEqual(['meetings', 'meetings#plan', 'meetings#venue']);
  });

  it('shows a matching section with its chapter, and tolerates a typo', () => {
    const shown = filter('档案整理');
    expect(shown.has('documents#venue')).toBe(true);
    expect(shown.has('documents')).toBe(true);
    expect(shown.has('meetings#plan')).toBe(false);
  });
});
