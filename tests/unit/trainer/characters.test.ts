/**
 * Issue 13, item 6: invisible and direction-changing characters are refused in every title, name
 * and note, with a message naming the character; learners are compared as their names read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAssignment,
  decodeResult,
  encodeResult,
  learnerKey,
  paperSeed,
  validateAssignment,
  validateResult,
} from '../../../src/quiz/trainer/index.ts';
import { forbiddenCharacter } from '../../../src/quiz/trainer/validate.ts';
import { draft, fixedDeps, sampleAssignment, sampleResult } from './fixtures.ts';

/** Every character the issue names, and the other C0/C1 controls. */
const NAMED = [
  ...range(0x200b, 0x200f),
  ...range(0x202a, 0x202e),
  0x2060,
  ...range(0x2066, 0x2069),
  0xfeff,
  ...range(0x0000, 0x0009),
  ...range(0x000b, 0x001f),
  ...range(0x007f, 0x009f),
].map((cp) => String.fromCodePoint(cp));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('forbiddenCharacter', () => {
  it('names every character the issue lists, and every control character', () => {
    for (const char of NAMED) {
      const found = forbiddenCharacter(`张${char}三`);
      expect(found, `U+${char.codePointAt(0)!.toString(16)}`).toMatch(/^U\+[0-9A-F]{4}，\S+$/);
    }
    expect(forbiddenCharacter('\u202e三张')).toBe('U+202E，文字方向控制符');
    expect(forbiddenCharacter('张\u200b三')).toBe('U+200B，零宽字符');
    expect(forbiddenCharacter('\ufeff张三')).toBe('U+FEFF，零宽字符');
    expect(forbiddenCharacter('张\u0085三')).toBe('U+0085，控制字符');
    // Blank-looking fillers and tag characters are no better.
    expect(forbiddenCharacter('\u3164')).toBe('U+3164，显示为空白的填充符');
    expect(forbiddenCharacter('张\u{e0041}三')).toBe('U+E0041，不可见的标签字符');
  });

  it('lets plain text, line breaks in notes, and variation selectors through', () => {
    expect(forbiddenCharacter('会议组织 课后练习（第 3 章）😀')).toBeNull();
    expect(forbiddenCharacter('第一行\n第二行', true)).toBeNull();
    expect(forbiddenCharacter('第一行\n第二行')).toBe('换行');
    expect(forbiddenCharacter('葛\u{e0100}')).toBeNull();
    expect(forbiddenCharacter('👨‍👩‍👧')).toBe('U+200D，零宽字符');
  });

  it('finds any forbidden character wherever it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...NAMED), fc.string({ unit: 'grapheme', maxLength: 20 }), (before, char, after) => {
        expect(forbiddenCharacter(`${before}${char}${after}`, true)).not.toBeNull();
      }),
    );
  });
});

describe('titles, trainer names and notes', () => {
  it.each([
    ['title', '作业名称'],
    ['trainer', '培训师姓名'],
    ['note', '说明'],
  ] as const)('refuses a %s with a bidi override, naming the field and the character', (field, label) => {
    const created = createAssignment({ ...draft, [field]: `王老师\u202e作业` }, fixedDeps());
    expect(created.ok).toBe(false);
    if (!created.ok) {
      expect(created.error).toEqual([`${label}含有看不见的特殊字符（U+202E，文字方向控制符），可能是从别处复制时带进来的：请删除后重新输入`]);
    }
  });

  it('refuses a title that is only a zero-width space, or only variation selectors', () => {
    expect(validateAssignment({ ...sampleAssignment(), title: '\u200b' })).toMatchObject({ ok: false });
    expect(validateAssignment({ ...sampleAssignment(), title: '\ufe0f' })).toEqual({ ok: false, error: ['作业名称不能为空'] });
  });
});

describe('learner names in result codes', () => {
  const assignment = sampleAssignment();

  it('refuses to encode a name with an invisible character, and decoding refuses it too', () => {
    const spoofed = { ...sampleResult(assignment.id), learner: '张\u200b三' };
    expect(validateResult(spoofed)).toMatchObject({ ok: false, error: [expect.stringMatching(/^姓名含有看不见的特殊字符（U\+200B/)] });
    expect(() => encodeResult(spoofed)).toThrow(TypeError);
  });

  it('accepts a plain name', () => {
    const plain = sampleResult(assignment.id, '欧阳 小雪');
    expect(decodeResult(encodeResult(plain), assignment.id)).toEqual({ ok: true, value: plain });
  });
});

describe('learnerKey', () => {
  it('matches names as they read: width, case, spacing, compatibility forms and variation selectors', () => {
    expect(learnerKey('Ａｎｎａ  Li')).toBe(learnerKey('anna li'));
    expect(learnerKey(' 张三 ')).toBe(learnerKey('张三'));
    expect(learnerKey('张三\u3000')).toBe(learnerKey('张三'));
    expect(learnerKey('张\ufe00三')).toBe(learnerKey('张三'));
    // U+F9F4 is a CJK compatibility ideograph that reads as 林.
    expect(learnerKey('\uf9f4小雪')).toBe(learnerKey('林小雪'));
    expect(learnerKey('张\u200b三')).toBe(learnerKey('张三'));
    expect(learnerKey('张三')).not.toBe(learnerKey('张 三'));
    expect(learnerKey('张三')).not.toBe(learnerKey('张四'));
  });

  it('is stable: a key is its own key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        expect(learnerKey(learnerKey(name))).toBe(learnerKey(name));
      }),
    );
  });
});

describe('paper seeds', () => {
  it('do not change with the new learnerKey: papers already taken are redrawn the same', () => {
    const spec = { id: 'k3m9x2qp', seed: 7, variant: 'per-learner' as const };
    expect(paperSeed(spec, ' Ａｎｎａ  Li ')).toBe('k3m9x2qp:7:anna li');
    expect(paperSeed(spec, '张\ufe00三')).toBe('k3m9x2qp:7:张\ufe00三');
    expect(paperSeed({ ...spec, variant: 'shared' }, '张三')).toBe('k3m9x2qp:7');
  });
});
