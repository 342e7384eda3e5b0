/**
 * Issue 13, item 5: chat pasted into the inbox. Only tokens that look like codes — the right
 * prefix, length and alphabet — are taken; dates, numbers, words and names are not codes and make
 * no rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCodes, assignmentLink, emptyInbox, encodeResult, findCodes, looksLikeCode } from '../../../src/quiz/trainer/index.ts';
import { MAX_CODE_CHARS, MIN_CODE_CHARS } from '../../../src/quiz/trainer/codec.ts';
import { sampleAssignment, sampleResult, T0 } from './fixtures.ts';

const assignment = sampleAssignment();
const zhang = encodeResult(sampleResult(assignment.id, '张三', 10, T0 + 3600));
const li = encodeResult(sampleResult(assignment.id, '李四', 10, T0 + 4000));
const V1_CODE = 'AVKhyV7WR4OYZJxekVhkmFYONfHpngVPdnTCzDUzNzIyNwcZBTYfxLU0AnGB9pjpmUJtQjPe0MjEItPIwMIwBWpRpEFkZGmkAZBUqgUA';

/** The words the issue saw turned into damaged rows, and more of their kind. */
const CHAT_WORDS = ['2026-12-02', '07', 'OK', 'ok', '收到', '谢谢老师', '12:30', '13800138000', 'https://example.cn/a?b=c', 'AVeryLongWordThatIsNotACode', '[图片]', '@王老师', 'v219', 'A'.repeat(40)];

describe('looksLikeCode', () => {
  it('takes result codes of both versions and assignment codes', () => {
    expect(looksLikeCode(zhang)).toBe(true);
    expect(looksLikeCode(V1_CODE)).toBe(true);
    expect(looksLikeCode(assignmentLink(assignment).split('=')[1]!)).toBe(true);
  });

  it('refuses dates, numbers, words, and runs of the alphabet without a code’s start', () => {
    for (const word of CHAT_WORDS) expect(looksLikeCode(word), word).toBe(false);
    expect(looksLikeCode(zhang.slice(0, MIN_CODE_CHARS - 1))).toBe(false);
    expect(looksLikeCode(`AV${'x'.repeat(MAX_CODE_CHARS - 1)}`)).toBe(false);
    expect(looksLikeCode(`${zhang.slice(0, 40)}。${zhang.slice(40)}`)).toBe(false);
  });
});

describe('findCodes', () => {
  it('finds codes wherever chat puts them: labelled, quoted, bracketed, glued to Chinese, in links', () => {
    const chat = [
      `[图片] 张三：${zhang}谢谢老师！`,
      `2026-12-02 07:15 李四 「${li}」`,
      `王五 https://mishu.example.cn/trainer/inbox/#r=${V1_CODE} OK`,
    ].join('\n');
    expect(findCodes(chat)).toEqual([zhang, li, V1_CODE]);
  });

  it('finds nothing in chat without codes', () => {
    expect(findCodes(CHAT_WORDS.join(' '))).toEqual([]);
  });

  it('finds exactly the codes mixed into any chat, in order', () => {
    const word = fc.oneof(fc.constantFrom(...CHAT_WORDS), fc.string({ unit: 'grapheme', maxLength: 12 }));
    const separator = fc.constantFrom(' ', '\n', '，', '：', '。', '\r\n', '\t');
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.constantFrom(zhang, li, V1_CODE)), { maxLength: 40 }), separator, (tokens, sep) => {
        const codes = tokens.filter((t) => t === zhang || t === li || t === V1_CODE);
        // A word made of the codes' alphabet could glue onto a code; chat separates them.
        expect(findCodes(tokens.join(sep)).filter((c) => codes.includes(c))).toEqual(codes);
        expect(findCodes(tokens.filter((t) => !codes.includes(t)).join(sep)).every(looksLikeCode)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never yields anything that does not look like a code, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        for (const code of findCodes(text)) expect(looksLikeCode(code)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('pasting chat into the inbox', () => {
  it('turns 100,000 words into no rows', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => CHAT_WORDS[i % CHAT_WORDS.length]).join(' ');
    expect(addCodes(emptyInbox(assignment), words, assignment).report).toEqual([]);
  });

  it('reports the codes in a chat and nothing else', () => {
    const chat = `2026-12-02 07\nOK\n张三：${zhang}\n老师好，这是我的 ${li}，谢谢`;
    const { report } = addCodes(emptyInbox(assignment), chat, assignment);
    expect(report.map((r) => [r.status, r.learner])).toEqual([
      ['accepted', '张三'],
      ['accepted', '李四'],
    ]);
  });

  it('still reports a code cut short, since it still looks like one', () => {
    const { report } = addCodes(emptyInbox(assignment), `张三 ${zhang.slice(0, -8)}`, assignment);
    expect(report).toMatchObject([{ status: 'corrupt', message: '结果码不完整：可能复制时漏掉了一部分' }]);
  });

  it('makes one row, not thousands, for a results file full of things that are not codes', () => {
    const file = JSON.stringify([zhang, ...Array.from({ length: 5000 }, (_, i) => `word-${i}`)]);
    const { report } = addCodes(emptyInbox(assignment), file, assignment);
    expect(report.map((r) => [r.status, r.message])).toEqual([
      ['accepted', '已收到：张三，自报 6.5/10 分'],
      ['corrupt', '结果文件中有 5000 项不是结果码，已忽略'],
    ]);
  });
});
