import { fileURLToPath } from 'node:url';
import { loadContentSources } from '../../../src/content/load-content.ts';
import { checkContent, type ChapterInfo } from '../../../src/content/validate.ts';
import type { BankSelection } from '../../../src/bank/interchange.ts';
import type { CaseItem, QuizQuestion } from '../../../src/quiz/models.ts';

export const EXPLANATION = '正确答案的理由写在这里；最具迷惑性的错误选项为什么错也写在这里，满足三十字。';

export function question(fields: Pick<QuizQuestion, 'id' | 'type' | 'stem' | 'answer'> & Partial<QuizQuestion>): QuizQuestion {
  return {
    chapter: 'demo',
    section: 'first',
    difficulty: 2,
    options: fields.type === 'judge' ? ['正确', '错误'] : ['甲', '乙', '丙', '丁'],
    explanation: EXPLANATION,
    tags: [],
    ...fields,
  };
}

export function chapter(id: string, title: string, order: number): ChapterInfo {
  return { id, title, order, summary: '示例', objectives: ['说出示例'], minutes: 5, tags: [], sections: [{ id: 'first', title: '第一节', line: 10 }] };
}

export const demoCase: CaseItem = {
  kind: 'case',
  id: 'demo-c01',
  chapter: 'demo',
  section: 'first',
  difficulty: 2,
  scenario: '情景',
  parts: [],
  explanation: EXPLANATION,
  tags: [],
};

/** A 工作实务 task with a table to work from. */
export const demoTask: CaseItem = {
  kind: 'task',
  id: 'demo-t01',
  chapter: 'demo',
  section: 'second',
  difficulty: 2,
  verb: '拟写',
  scenario: '公司定于下周召开示例会议。',
  materials: [{ title: '会议安排', table: { columns: ['项目', '内容'], rows: [['时间', '5 月 8 日 9:00']] } }],
  marks: 6,
  parts: [
    {
      prompt: '请以办公室名义拟写一份会议通知。',
      modelAnswer: '关于召开示例会议的通知\n各部门：……',
      points: [
        { text: '标题写明事由和文种', score: 2 },
        { text: '写明会议时间和地点', score: 2 },
        { text: '落款写明发文单位', score: 2 },
      ],
    },
  ],
  explanation: EXPLANATION,
  tags: [],
};

/** A small bank: one question of each type, GIFT's special characters, a formula-like option, a case and a task. */
export const sampleBank: BankSelection = {
  chapters: [chapter('demo', '示例章节', 1), chapter('other', '另一/章', 2)],
  questions: [
    question({ id: 'demo-001', type: 'single', stem: '会议议题与主题的关系是（  ）。', options: ['议题是主题的细化', '主题是议题的细化', '二者相同', '无关'], answer: [0], tags: ['职业道德'] }),
    question({ id: 'demo-002', type: 'multiple', stem: '属于会议文件的有（  ）。', options: ['通知', '纪要', '日记', '便条'], answer: [0, 1] }),
    question({ id: 'demo-003', type: 'multiple', stem: '选出三项（  ）。', options: ['甲', '乙', '丙', '丁', '戊'], answer: [0, 2, 4] }),
    question({ id: 'demo-004', type: 'judge', stem: '会议记录由秘书整理。', answer: [0] }),
    question({ id: 'demo-005', type: 'judge', stem: '用印可以事后补登。', answer: [1] }),
    question({ id: 'other-001', chapter: 'other', type: 'single', stem: '公式 a=b{c}~d#e:f 中（  ）。', options: ['=SUM(A1)', '-1', '+86 电话', '@某人'], answer: [2], explanation: `${EXPLANATION}####不是反馈\\n` }),
  ],
  cases: [demoCase, demoTask],
};

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The valid content fixture (chapter `demo` with sections `first` and `second`), as sources. */
export function validSources() {
  return loadContentSources(`${fixtures}content/valid`, '.');
}

export function validContent() {
  return checkContent(validSources());
}

export const fixturePath = (relative: string) => `${fixtures}${relative}`;
