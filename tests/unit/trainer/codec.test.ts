import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, fromBase64Url, toBase64Url } from '../../../src/quiz/trainer/codec.ts';
import { CODE_KINDS, createCodec, extractCode, type Result } from '../../../src/quiz/trainer/index.ts';
import { codeWithPayload } from './fixtures.ts';

interface Point {
  x: number;
  label: string;
}

function validatePoint(value: unknown): Result<Point, string[]> {
  if (typeof value !== 'object' || value === null) return { ok: false, error: ['应为对象'] };
  const { x, label, ...rest } = value as Record<string, unknown>;
  if (typeof x !== 'number' || typeof label !== 'string' || Object.keys(rest).length > 0) {
    return { ok: false, error: ['x 应为数字、label 应为文字'] };
  }
  return { ok: true, value: { x, label } };
}

const codec = createCodec({ kind: 'result', formats: [{ version: 1, validate: validatePoint }] });
const encoder = new TextEncoder();

const rawCode = codeWithPayload;

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(encoder.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('continues over several pieces', () => {
    const whole = encoder.encode('秘书实务学堂');
    expect(crc32(whole.subarray(5), crc32(whole.subarray(0, 5)))).toBe(crc32(whole));
  });
});

describe('base64url', () => {
  it('round-trips every length and matches the platform encoder', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual({ bytes, canonical: true });
    }
  });

  it('refuses impossible lengths and non-zero unused bits', () => {
    expect(fromBase64Url('AAAAA')).toBeUndefined();
    expect(fromBase64Url('AB')).toEqual({ bytes: new Uint8Array([0]), canonical: false }); // 'AA' is canonical
    expect(fromBase64Url('AA')).toEqual({ bytes: new Uint8Array([0]), canonical: true });
  });
});

describe('createCodec', () => {
  const value: Point = { x: 42.5, label: '会议室 A' };
  const code = codec.encode(value);

  it('round-trips a value in a URL-safe code', () => {
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.decode(code)).toEqual({ ok: true, value });
    expect(codec.decode(`  ${code}\n`)).toEqual({ ok: true, value });
  });

  it('refuses to encode what it could not decode', () => {
    expect(() => codec.encode({ x: 'a' } as unknown as Point)).toThrow(TypeError);
  });

  const cases: [string, string, RegExp][] = [
    ['empty', '   ', /没有内容/],
    ['alphabet', `${code.slice(0, 5)}。${code.slice(5)}`, /不该出现的字符「。」（第 6 个字符）/],
    ['alphabet', `${code.slice(0, 20)}\n${code.slice(20)}`, /中间断开了（有空格或换行）/],
    ['incomplete', code.slice(0, -3), /结果码不完整：可能复制时漏掉了一部分/],
    ['incomplete', code.slice(0, 5), /不完整/],
    ['too-long', 'A'.repeat(9000), /过长/],
  ];
  it.each(cases)('reports %s', (errorCode, input, message) => {
    const decoded = codec.decode(input);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.code).toBe(errorCode);
    expect(decoded.error.message).toMatch(message);
  });

  it('reports a changed character as damage', () => {
    const middle = code.length >> 1;
    const changed = code.slice(0, middle) + (code[middle] === 'A' ? 'B' : 'A') + code.slice(middle + 1);
    expect(codec.decode(changed)).toEqual({
      ok: false,
      error: { code: 'checksum', message: '结果码已被修改或损坏（校验失败）' },
    });
  });

  it('reports an unknown version', () => {
    const payload = deflateSync(encoder.encode('{"x":1,"label":""}'));
    const decoded = codec.decode(rawCode(payload, { version: 2 }));
    expect(decoded).toMatchObject({ ok: false, error: { code: 'version' } });
    if (!decoded.ok) expect(decoded.error.message).toContain('v2');
  });

  it('names the other kind of code', () => {
    const payload = deflateSync(encoder.encode('{"x":1,"label":""}'));
    expect(codec.decode(rawCode(payload, { kind: CODE_KINDS.assignment.byte }))).toEqual({
      ok: false,
      error: { code: 'wrong-kind', message: '这是作业链接，不是结果码' },
    });
    expect(codec.decode(rawCode(payload, { kind: 0x7a }))).toEqual({
      ok: false,
      error: { code: 'wrong-kind', message: '这不是结果码' },
    });
  });

  it('reports data that does not inflate', () => {
    // Block type 3 is reserved in deflate: always invalid.
    expect(codec.decode(rawCode(Uint8Array.from([0xff, 0xff, 0xff])))).toMatchObject({
      ok: false,
      error: { code: 'inflate' },
    });
  });

  it('stops inflating a payload that would grow past 64 KiB, and still reads one just under', () => {
    // 5 MiB of spaces deflate to about 5 KB: a code of under 8,000 characters.
    const bomb = rawCode(deflateSync(new Uint8Array(5 * 1024 * 1024).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(8000);
    expect(codec.decode(bomb)).toEqual({ ok: false, error: { code: 'too-long', message: '结果码内容过大，不是本站生成的' } });
    const big = { x: 1, label: '会'.repeat(16_000) }; // 48 KB of UTF-8
    expect(codec.decode(rawCode(deflateSync(encoder.encode(JSON.stringify(big)))))).toEqual({ ok: true, value: big });
  });

  it('reports a payload that is not JSON, or not UTF-8', () => {
    expect(codec.decode(rawCode(deflateSync(encoder.encode('{"x":1,'))))).toMatchObject({
      ok: false,
      error: { code: 'json' },
    });
    const notUtf8 = rawCode(deflateSync(Uint8Array.from([0x22, 0xff, 0x22])));
    expect(codec.decode(notUtf8)).toMatchObject({ ok: false, error: { code: 'json' } });
  });

  it('reports JSON that fails the schema, with the problem', () => {
    const decoded = codec.decode(rawCode(deflateSync(encoder.encode('{"x":"1","label":""}'))));
    expect(decoded).toEqual({
      ok: false,
      error: { code: 'schema', message: '结果码内容不符合格式：x 应为数字、label 应为文字' },
    });
  });

  it('reports bytes after the payload as damage', () => {
    const payload = deflateSync(encoder.encode('{"x":1,"label":""}'));
    const bytes = fromBase64Url(rawCode(payload))!.bytes;
    const longer = toBase64Url(Uint8Array.from([...bytes, 0]));
    expect(codec.decode(longer)).toMatchObject({ ok: false, error: { code: 'checksum' } });
  });

  it('never throws on input that is not even a string', () => {
    expect(codec.decode(undefined as unknown as string)).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});

describe('a kind with several versions', () => {
  interface Named {
    name: string;
    age?: number;
  }
  const v1 = { version: 1, validate: (v: unknown): Result<Named, string[]> => ({ ok: true, value: v as Named }) };
  const v3 = { version: 3, validate: (v: unknown): Result<Named, string[]> => ({ ok: true, value: v as Named }), dictionary: '{"name":"","age":' };
  const old = createCodec({ kind: 'result', formats: [v1] });
  const current = createCodec({ kind: 'result', formats: [v1, v3] });

  it('writes the last version and reads every one', () => {
    const oldCode = old.encode({ name: '甲' });
    const newCode = current.encode({ name: '乙', age: 30 });
    expect(fromBase64Url(newCode)!.bytes[0]).toBe(3);
    expect(current.decode(oldCode)).toEqual({ ok: true, value: { name: '甲' } });
    expect(current.decode(newCode)).toEqual({ ok: true, value: { name: '乙', age: 30 } });
  });

  it('tells an older site that a code is newer, and a code of another kind that it is another kind', () => {
    expect(old.decode(current.encode({ name: '乙' }))).toMatchObject({ ok: false, error: { code: 'version', message: expect.stringContaining('v3') } });
    const assignments = createCodec({ kind: 'assignment', formats: [v1] });
    expect(assignments.decode(current.encode({ name: '乙' }))).toEqual({ ok: false, error: { code: 'wrong-kind', message: '这是结果码，不是作业链接' } });
  });
});

describe('extractCode', () => {
  it('finds the code in a link, a hash or bare text', () => {
    expect(extractCode('https://example.cn/trainer/assignment/#a=AbC_-9')).toBe('AbC_-9');
    expect(extractCode('#a=AbC')).toBe('AbC');
    expect(extractCode('  AbC \n')).toBe('AbC');
  });
});
