import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import { createGlossarySearch, type LookupEntry } from '../../../../src/features/glossary/search.ts';
import { extractTerms, termAnchor } from '../../../../src/content/glossary.ts';

const names: [string, string][] = [
  ['会议简报', '会议期间编发的反映会议进展的简短报道。'],
  ['会议纪要', '记载会议主要精神和议定事项的纪实性公文。'],
  ['会议记录', '会议过程中由记录人员当场记下的原始材料。'],
  ['骑缝章', '加盖在介绍信正本与存根连接处的印章。'],
  ['介绍信', '单位介绍人员联系工作时使用的凭证。'],
  ['备用金', '预先拨给内部单位或人员零星开支的款项。'],
];
const entries: LookupEntry[] = names.map(([name, definition]) => ({
  name,
  definition,
  pinyin: pinyin(name, { toneType: 'none', type: 'array' }).join(' '),
  initials: pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
}));
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const lookup = createGlossarySearch(entries, toSimplified);
const top = (query: string, n = 1) => lookup(query).slice(0, n).map((i) => entries[i]?.name);

describe('glossary lookup', () => {
  it('finds a term by its characters', () => {
    expect(top('骑缝')).toEqual(['骑缝章']);
    expect(top('备用金')).toEqual(['备用金']);
  });

  it('finds a term by full pinyin, spaced or not', () => {
    expect(top('huiyi jianbao')).toEqual(['会议简报']);
    expect(top('huiyijianbao')).toEqual(['会议简报']);
    expect(top('qifengzhang')).toEqual(['骑缝章']);
  });

  it('finds a term by pinyin initials, even with one letter wrong', () => {
    expect(top('hyjb')).toEqual(['会议简报']);
    expect(top('hybb', 3)).toContain('会议简报');
  });

  it('accepts traditional characters', () => {
    expect(top('會議簡報')).toEqual(['会议简报']);
    expect(top('介紹信')).toEqual(['介绍信']);
  });

  it('returns nothing for an empty query', () => {
    expect(lookup('   ')).toEqual([]);
  });
});

describe('term extraction', () => {
  it('collects each Term with its definition and the section it is in', () => {
    const source = '---\ntitle: x\n---\n\n## 会议简报 \\{#briefing}\n\n<Term name="会议简报">会议期间编发的**简短**报道。</Term>\n\n## 纪要 \\{#minutes}\n\n<Term name="会议纪要">\n记载议定事项的公文。\n</Term>\n';
    expect(extractTerms('meetings', source)).toEqual([
      { name: '会议简报', definition: '会议期间编发的简短报道。', chapter: 'meetings', section: 'briefing' },
      { name: '会议纪要', definition: '记载议定事项的公文。', chapter: 'meetings', section: 'minutes' },
    ]);
    expect(termAnchor('会议 简报')).toBe('term-会议-简报');
  });
});
