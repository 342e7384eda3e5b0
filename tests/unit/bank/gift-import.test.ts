/**
 * Reading GIFT as Moodle documents it (https://docs.moodle.org/en/GIFT_format), one syntax case
 * per test:
 *  1 single choice, answers one per line      19 [moodle] marker
 *  2 single choice written on one line        20 escapes \~ \= \# \{ \} \:
 *  3 per-answer feedback after #              21 \n escape and \\ (escaped backslash)
 *  4 general feedback after ####              22 multi-line question text
 *  5 answer block in mid-sentence → （  ）      23 answers and answer text over several lines
 *  6 multiple response with ~%50% weights     24 essay {} skipped
 *  7 multiple with %33.33333% and %-50%       25 short answer (only =) skipped
 *  8 checkbox question with one right option  26 numerical {#…} skipped
 *  9 true/false T                             27 matching -> skipped
 * 10 true/false F                             28 description (no answer block) skipped
 * 11 true/false TRUE                          29 unclosed brace skipped, next question read
 * 12 true/false FALSE with #wrong#right       30 stray or second brace skipped
 * 13 ::title::                                31 Chinese full-width text (：｛｝＝～ are text)
 * 14 untitled question named after its text   32 CRLF line endings and a UTF-8 BOM
 * 15 // comments, also between answers        33 blank lines separate questions; 1-based lines
 * 16 [id:] [tag:] section: difficulty: comment 34 single choice with two = answers skipped
 * 17 $CATEGORY:                               35 fewer than two options skipped
 * 18 [html] marker: tags and entities removed 36 [markdown] and [plain] markers
 *                                             37 %weight% as option text after ~%0%
 */
import { describe, expect, it } from 'vitest';
import { readGift } from '../../../src/bank/gift.ts';
import type { ImportedQuestion } from '../../../src/bank/interchange.ts';

function one(source: string): ImportedQuestion {
  const { questions, skipped } = readGift(source);
  expect(skipped).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0]!;
}

function skippedLine(source: string): { line: number; reason: string } {
  const { questions, skipped } = readGift(source);
  expect(questions).toEqual([]);
  expect(skipped).toHaveLength(1);
  return skipped[0]!;
}

const core = (q: ImportedQuestion) => ({ type: q.type, stem: q.stem, options: q.options, answer: q.answer });

describe('GIFT import', () => {
  it('1 reads a single choice with one answer per line', () => {
    const q = one('会议议题与会议主题的关系是（  ）。{\n  ~主题是对议题的细化\n  =议题是对主题的细化\n  ~二者相同\n  ~无关\n}');
    expect(core(q)).toEqual({ type: 'single', stem: '会议议题与会议主题的关系是（  ）。', options: ['主题是对议题的细化', '议题是对主题的细化', '二者相同', '无关'], answer: [1] });
    expect(q.explanation).toBe('');
  });

  it('2 reads a single choice written on one line', () => {
    expect(core(one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}"))).toEqual({
      type: 'single',
      stem: "Who's buried in Grant's tomb?",
      options: ['Grant', 'Jefferson', 'no one'],
      answer: [2],
    });
  });

  it('3 turns per-answer feedback into the explanation when there is no general feedback', () => {
    const q = one('印章应由谁保管（  ）？{=专人#对：印章须专人保管 ~任何人#错：无人负责易被盗用 ~访客}');
    expect(q.options).toEqual(['专人', '任何人', '访客']);
    expect(q.explanation).toBe('A：对：印章须专人保管；B：错：无人负责易被盗用');
  });

  it('4 prefers the general feedback after ####', () => {
    const q = one('印章应由谁保管（  ）？{=专人#对 ~任何人#错 ####印章必须专人保管，登记后使用。}');
    expect(q.explanation).toBe('印章必须专人保管，登记后使用。');
    expect(q.options).toEqual(['专人', '任何人']);
  });

  it('5 makes an answer block in mid-sentence the blank （  ）', () => {
    const q = one('秘书应当{=提前 ~临时}检查会场设备。');
    expect(q.stem).toBe('秘书应当（  ）检查会场设备。');
    expect(q.answer).toEqual([0]);
  });

  it('6 reads multiple response: the positive weights are the answer', () => {
    const q = one('下列属于会议文件的有（  ）。{\n~%50%会议通知\n~%-100%个人日记\n~%50%会议纪要\n~%-100%私人便条\n}');
    expect(core(q)).toEqual({ type: 'multiple', stem: '下列属于会议文件的有（  ）。', options: ['会议通知', '个人日记', '会议纪要', '私人便条'], answer: [0, 2] });
  });

  it('7 reads fractional and negative weights', () => {
    const q = one('选出正确的（  ）。{~%33.33333%甲 ~%33.33333%乙 ~%-50%丙 ~%33.33333%丁 ~%0%戊}');
    expect(q.type).toBe('multiple');
    expect(q.answer).toEqual([0, 1, 3]);
  });

  it('8 treats a checkbox question with one right option as a single choice', () => {
    const q = one('选出正确的（  ）。{~%100%甲 ~%-100%乙 ~%-100%丙}');
    expect(q.type).toBe('single');
    expect(q.answer).toEqual([0]);
  });

  it('9 reads true/false T', () => {
    expect(core(one('会议记录一般由秘书整理。{T}'))).toEqual({ type: 'judge', stem: '会议记录一般由秘书整理。', options: ['正确', '错误'], answer: [0] });
  });

  it('10 reads true/false F', () => {
    expect(one('用印可以事后补登记。{F}').answer).toEqual([1]);
  });

  it('11 reads true/false TRUE', () => {
    expect(one('会议记录一般由秘书整理。{TRUE}').answer).toEqual([0]);
  });

  it('12 reads FALSE with wrong- and right-answer feedback', () => {
    const q = one('用印可以事后补登记。{FALSE#答错了：必须先登记#答对了}');
    expect(q.answer).toEqual([1]);
    expect(q.explanation).toBe('答错了：必须先登记；答对了');
  });

  it('13 reads the ::title::', () => {
    const q = one('::印章 保管::印章应由谁保管（  ）？{=专人 ~任何人}');
    expect(q.title).toBe('印章 保管');
    expect(q.stem).toBe('印章应由谁保管（  ）？');
  });

  it('14 names an untitled question after its text, as Moodle does', () => {
    expect(one('印章应由谁保管（  ）？{=专人 ~任何人}').title).toBe('印章应由谁保管（  ）？');
    expect(one(`${'长'.repeat(90)}{=甲 ~乙}`).title).toBe(`${'长'.repeat(80)}...`);
  });

  it('15 ignores // comment lines, also between answers', () => {
    const q = one('// 第一题\n印章应由谁保管（  ）？{\n// 正确答案\n=专人\n  // 干扰项\n~任何人\n}');
    expect(q.options).toEqual(['专人', '任何人']);
    expect(q.stem).toBe('印章应由谁保管（  ）？');
  });

  it('16 reads [id:] and [tag:] (Moodle) and section:/difficulty: (our export) from the comment', () => {
    const q = one('// [id:seals-007] section:keeping difficulty:3 [tag:职业道德] [tag:a\\]b]\n::seals-007::印章应由谁保管（  ）？{=专人 ~任何人}');
    expect(q).toMatchObject({ id: 'seals-007', section: 'keeping', difficulty: 3, tags: ['职业道德', 'a]b'] });
  });

  it('17 applies $CATEGORY: to the questions that follow', () => {
    const { questions } = readGift('$CATEGORY: 秘书实务学堂/会议\n\n甲题干（  ）。{=a ~b}\n\n$CATEGORY: 秘书实务学堂/印章\n\n乙题干（  ）。{=a ~b}');
    expect(questions.map((q) => q.category)).toEqual(['秘书实务学堂/会议', '秘书实务学堂/印章']);
  });

  it('18 strips the [html] marker, the tags and the entities, in options too', () => {
    const q = one('[html]<p>下列做法<b>正确</b>的是（&nbsp;&nbsp;）&lt;单选&gt;。</p>{=<i>先请示</i>后办理 ~先办理&amp;后请示}');
    expect(q.stem).toBe('下列做法正确的是（  ）<单选>。');
    expect(q.options).toEqual(['先请示后办理', '先办理&后请示']);
  });

  it('19 strips the [moodle] marker', () => {
    expect(one('[moodle]印章应由谁保管（  ）？{=专人 ~任何人}').stem).toBe('印章应由谁保管（  ）？');
  });

  it('20 unescapes \\~ \\= \\# \\{ \\} \\: in text', () => {
    const q = one('::a\\:b::比较 a\\=b\\~c \\{集合\\} \\#1 的说法（  ）。{=a\\=b ~x\\~y\\#z ~\\{\\}\\:}');
    expect(q.title).toBe('a:b');
    expect(q.stem).toBe('比较 a=b~c {集合} #1 的说法（  ）。');
    expect(q.options).toEqual(['a=b', 'x~y#z', '{}:']);
  });

  it('21 turns \\n into a line break and \\\\ into one backslash', () => {
    const q = one('第一行\\n第二行 C\\:\\\\new（  ）。{=甲\\\\n ~乙}');
    expect(q.stem).toBe('第一行\n第二行 C:\\new（  ）。');
    expect(q.options).toEqual(['甲\\n', '乙']);
  });

  it('22 reads question text over several lines', () => {
    const q = one('某公司秘书小王接到通知，\n需要在三天内筹备一次会议，\n他首先应当（  ）。{=拟定会议方案 ~发通知}');
    expect(q.stem).toBe('某公司秘书小王接到通知，\n需要在三天内筹备一次会议，\n他首先应当（  ）。');
  });

  it('23 reads answers spread over several lines, one answer text across two lines', () => {
    const q = one('他首先应当（  ）。\n{\n\t=拟定\n\t会议方案\n\t~发通知\n\t####先定方案，\n\t再发通知。\n}');
    expect(q.options).toEqual(['拟定\n会议方案', '发通知']);
    expect(q.explanation).toBe('先定方案，\n再发通知。');
  });

  it('24 skips an essay {} with its line and a reason', () => {
    expect(skippedLine('\n\n::问答::请简述会议方案的内容。{}')).toEqual({ line: 3, reason: expect.stringMatching(/问答题/) });
  });

  it('25 skips a short answer (only = answers)', () => {
    expect(skippedLine('会议三要素之一是？{=议题 =主题}')).toEqual({ line: 1, reason: expect.stringMatching(/简答/) });
  });

  it('26 skips a numerical question', () => {
    expect(skippedLine('一次会议最多几人？{#12:2}').reason).toMatch(/数值题/);
  });

  it('27 skips a matching question', () => {
    expect(skippedLine('配对。{=主题 -> 目的 =议题 -> 事项 =日程 -> 时间}').reason).toMatch(/匹配题/);
  });

  it('28 skips a description (no answer block)', () => {
    expect(skippedLine('// 说明\n这一段只是说明文字。').reason).toMatch(/说明文字/);
  });

  it('29 skips an unclosed brace and still reads the next question', () => {
    const { questions, skipped } = readGift('坏题 {=对 ~错\n\n好题（  ）。{=对 ~错}');
    expect(skipped).toEqual([{ line: 1, reason: expect.stringMatching(/花括号不成对/) }]);
    expect(questions.map((q) => [q.stem, q.line])).toEqual([['好题（  ）。', 3]]);
  });

  it('30 skips a stray closing brace or a second answer block', () => {
    expect(skippedLine('坏题 =对 ~错}').reason).toMatch(/花括号不成对/);
    expect(skippedLine('甲{=a ~b} 乙{=c ~d}').reason).toMatch(/只能有一个答案块/);
    expect(skippedLine('甲{=a {~b}').reason).toMatch(/只能有一个答案块/);
  });

  it('31 keeps Chinese full-width ：｛｝＝～ as plain text', () => {
    const q = one('：：标题：：办文程序中“拟办”＝提出处理意见～对吗？｛注意｝（  ）{=是，拟办是提出初步处理意见 ~否，拟办就是批办}');
    expect(q.title).toBe(q.stem);
    expect(q.stem).toBe('：：标题：：办文程序中“拟办”＝提出处理意见～对吗？｛注意｝（  ）');
    expect(q.options).toEqual(['是，拟办是提出初步处理意见', '否，拟办就是批办']);
  });

  it('32 reads CRLF line endings and a UTF-8 BOM', () => {
    const { questions } = readGift('\uFEFF// 注释\r\n甲（  ）。{\r\n=a\r\n~b\r\n}\r\n\r\n乙。{T}\r\n');
    expect(questions.map((q) => [q.stem, q.options, q.line])).toEqual([
      ['甲（  ）。', ['a', 'b'], 2],
      ['乙。', ['正确', '错误'], 7],
    ]);
  });

  it('33 separates questions by blank lines (also whitespace-only lines) and counts lines from 1', () => {
    const { questions } = readGift('甲（  ）。{=a ~b}\n   \n\n乙（  ）。{=a ~b}\n\t\n丙。{F}');
    expect(questions.map((q) => q.line)).toEqual([1, 4, 6]);
  });

  it('34 skips a single choice with two = answers', () => {
    expect(skippedLine('甲（  ）。{=a =b ~c}').reason).toMatch(/2 个满分/);
  });

  it('35 skips a choice with fewer than two options', () => {
    expect(skippedLine('甲（  ）。{=a ~ }').reason).toMatch(/至少要有 2 个/);
  });

  it('36 strips the [markdown] and [plain] markers and keeps the text', () => {
    expect(one('[markdown]**加粗**的题干（  ）。{=a ~b}').stem).toBe('**加粗**的题干（  ）。');
    expect(one('[plain]<b>不是标签</b>（  ）。{=a ~b}').stem).toBe('<b>不是标签</b>（  ）。');
  });

  it('37 reads an option text that looks like a weight after an explicit ~%0%', () => {
    expect(one('甲（  ）。{=a ~%0%%50%的人}').options).toEqual(['a', '%50%的人']);
  });

  it('reads the sampler fixture: 6 questions, 6 skipped with their lines', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../fixtures/gift/sampler.gift', import.meta.url), 'utf8');
    const { questions, skipped } = readGift(source);
    expect(questions.map((q) => [q.line, q.type, q.answer])).toEqual([
      [7, 'single', [0]],
      [15, 'single', [1]],
      [17, 'multiple', [0, 1]],
      [24, 'judge', [0]],
      [26, 'judge', [1]],
      [28, 'single', [0]],
    ]);
    expect(skipped.map((s) => s.line)).toEqual([33, 35, 37, 39, 41, 43]);
    expect(questions[0]).toMatchObject({ title: '会议主题', id: 'demo-x1', section: 'second', difficulty: 3, tags: ['职业道德'], category: '秘书实务学堂/会议组织与管理' });
  });
});
