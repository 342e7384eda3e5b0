import { describe, expect, it } from 'vitest';
import type { ChapterBank } from '../../../../src/content/catalog.ts';
import type { CaseItem, QuizQuestion } from '../../../../src/quiz/index.ts';
import {
  bankEntries,
  createBankSearch,
  filterFromQuery,
  filterToQuery,
  type BankFilter,
} from '../../../../src/features/bank-browser/filter.ts';

function question(fields: Partial<QuizQuestion> & Pick<QuizQuestion, 'id' | 'stem'>): QuizQuestion {
  return {
    chapter: 'meetings',
    section: 'plan',
    type: 'single',
    difficulty: 1,
    options: ['甲', '乙', '丙', '丁'],
    answer: [0],
    explanation: '解析',
    tags: [],
    ...fields,
  };
}

const meetingCase: CaseItem = {
  kind: 'case',
  id: 'meetings-c01',
  chapter: 'meetings',
  section: 'venue',
  difficulty: 3,
  scenario: '公司准备召开年度经销商大会，秘书小王在预订会场时只看了价格，没有实地查看。',
  parts: [{ prompt: '小王在选择会场时有哪些不当之处？', modelAnswer: '没有实地考察。', points: [{ text: '指出应实地考察', score: 2 }] }],
  explanation: '见“会场选择”一节。',
  tags: [],
};

const banks: ChapterBank[] = [
  {
    chapter: 'meetings',
    questions: [
      question({
        id: 'm1',
        stem: '在拟定会议方案时，会议主题是指（  ）。',
        options: ['会议要研究的问题和要达到的目的', '会上需要逐项讨论的具体事项', '会议各项活动的时间安排', '会议对外使用的正式名称'],
      }),
      question({ id: 'm2', stem: '关于会议议题，下列说法正确的是（  ）。', difficulty: 2 }),
      question({ id: 'm3', section: 'venue', type: 'judge', stem: '选择会场时，应当优先考虑交通是否便利。', options: ['正确', '错误'] }),
      question({
        id: 'm4',
        section: 'venue',
        type: 'multiple',
        difficulty: 3,
        stem: '布置主席台时，应当注意的事项有（  ）。',
        options: ['座次', '台签', '话筒', '鲜花', '横幅'],
        answer: [0, 1, 2],
      }),
    ],
    cases: [meetingCase],
  },
  {
    chapter: 'documents',
    questions: [
      question({
        id: 'd1',
        chapter: 'documents',
        section: 'plan',
        type: 'judge',
        stem: '公文的标题一般由发文机关、事由和文种组成。',
        options: ['正确', '错误'],
      }),
      question({
        id: 'd2',
        chapter: 'documents',
        section: 'seal',
        difficulty: 2,
        stem: '用印时，印章应当端正地盖在（  ）。',
        options: ['成文日期上方', '正文首行', '标题右侧', '附件说明处'],
      }),
    ],
    cases: [],
  },
];

const entries = bankEntries(banks);
const find = createBankSearch(entries);
const ids = (filter: BankFilter) => find(filter).map((entry) => entry.id);

describe('question browser filter', () => {
  it('lists every chapter’s questions, then its case items, in bank order', () => {
    expect(ids({})).toEqual(['m1', 'm2', 'm3', 'm4', 'meetings-c01', 'd1', 'd2']);
    expect(entries.find((entry) => entry.id === 'meetings-c01')?.type).toBe('case');
  });

  it('narrows by chapter, section, type and difficulty, all at once', () => {
    expect(ids({ chapter: 'documents' })).toEqual(['d1', 'd2']);
    expect(ids({ chapter: 'meetings', section: 'venue' })).toEqual(['m3', 'm4', 'meetings-c01']);
    expect(ids({ type: 'judge' })).toEqual(['m3', 'd1']);
    expect(ids({ chapter: 'meetings', type: 'judge' })).toEqual(['m3']);
    expect(ids({ difficulty: 3 })).toEqual(['m4', 'meetings-c01']);
    expect(ids({ chapter: 'meetings', section: 'venue', difficulty: 3, type: 'case' })).toEqual(['meetings-c01']);
    expect(ids({ chapter: 'documents', type: 'multiple' })).toEqual([]);
  });

  it('ignores a section without a chapter, because section ids repeat across chapters', () => {
    expect(ids({ section: 'plan' })).toEqual(ids({}));
  });

  it('finds a question by a phrase from its stem', () => {
    expect(ids({ query: '拟定会议方案' })[0]).toBe('m1');
    expect(ids({ query: '用印时' })[0]).toBe('d2');
  });

  it('finds a question by the text of one of its options', () => {
    expect(ids({ query: '要达到的目的' })[0]).toBe('m1');
    expect(ids({ query: '附件说明处' })[0]).toBe('d2');
  });

  it('finds a case item by its scenario and by a sub-question', () => {
    expect(ids({ query: '经销商大会' })[0]).toBe('meetings-c01');
    expect(ids({ query: '选择会场时有哪些不当' })[0]).toBe('meetings-c01');
  });

  it('tolerates a slip of one character in a phrase', () => {
    expect(ids({ query: '拟订会议方案' })[0]).toBe('m1');
  });

  it('combines a search with the filters', () => {
    expect(ids({ query: '会场', chapter: 'meetings', type: 'judge' })).toEqual(['m3']);
    expect(ids({ query: '拟定会议方案', chapter: 'documents' })).toEqual([]);
  });

  it('returns everything the filters allow when the query is empty or blank', () => {
    expect(ids({ query: '' })).toEqual(ids({}));
    expect(ids({ query: '   ', chapter: 'meetings', type: 'judge' })).toEqual(['m3']);
  });

  it('finds nothing for text that is not in the bank', () => {
    expect(ids({ query: '量子纠缠' })).toEqual([]);
  });
});

describe('question browser URL', () => {
  it('round-trips a filter through the query string', () => {
    const filter: BankFilter = { chapter: 'meetings', section: 'venue', type: 'judge', difficulty: 2, query: '会场' };
    const query = filterToQuery(filter);
    expect(query).toBe('chapter=meetings&section=venue&type=judge&difficulty=2&q=%E4%BC%9A%E5%9C%BA');
    expect(filterFromQuery(new URLSearchParams(query))).toEqual(filter);
  });

  it('writes nothing for an empty filter', () => {
    expect(filterToQuery({})).toBe('');
    expect(filterToQuery({ query: '  ' })).toBe('');
  });

  it('drops values it does not know, and a section without a chapter', () => {
    expect(filterFromQuery(new URLSearchParams('type=essay&difficulty=5&section=venue&q='))).toEqual({});
    expect(filterFromQuery(new URLSearchParams('type=case&difficulty=3'))).toEqual({ type: 'case', difficulty: 3 });
  });
});
