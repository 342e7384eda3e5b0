/**
 * The one way trainer data travels without a server: a versioned, checksummed, compact, URL-safe
 * code that fits in a link fragment, a chat message or a QR code.
 *
 *   JSON → UTF-8 → raw deflate (level 9, optional preset dictionary) → header → base64url (no padding)
 *
 * Header (bytes): version · kind · CRC-32 (4, big-endian) · payload length (LEB128 varint).
 * Each kind numbers its own formats: a result code is version 2 (it carries a paper fingerprint)
 * or, for a written paper, version 3 (self-marked 得分点 instead of answers); an assignment link is
 * still version 1; every version a kind has had still reads.
 * The CRC covers everything but itself (version, kind, length and the compressed payload), so a
 * changed kind byte reads as damage, not as another kind of code. The length lets a truncated copy
 * — the usual accident when a code is copied out of a chat — be named as such.
 *
 * The checksum catches accidents, not forgery: there is no secret on a static site.
 * Decoding never throws: every failure is a `CodeError` with a Chinese message for the user.
 */
import { deflateSync } from 'fflate';
import { inflateCapped } from './inflate.ts';

export type Result<T, E = CodeError> = { ok: true; value: T } | { ok: false; error: E };

export type CodeErrorCode =
  | 'empty'
  | 'too-long'
  | 'alphabet'
  | 'incomplete'
  | 'version'
  | 'checksum'
  | 'wrong-kind'
  | 'inflate'
  | 'json'
  | 'schema'
  | 'wrong-assignment';

export interface CodeError {
  code: CodeErrorCode;
  /** A sentence for the user, in Chinese. */
  message: string;
}

/**
 * Every kind of code the site produces, with its kind byte and the name users know it by.
 * Kept in one table so that two kinds can never share a byte.
 */
export const CODE_KINDS = {
  assignment: { byte: 0x41, label: '作业链接' },
  result: { byte: 0x52, label: '结果码' },
} as const;

export type CodeKind = keyof typeof CODE_KINDS;

/** Longer input is refused before any work: it is not one of our codes. Inflation has its own cap. */
export const MAX_CODE_CHARS = 8_000;
/** Shorter is not one of ours either: the smallest result code is about 50 characters. */
export const MIN_CODE_CHARS = 32;

/** One version of a kind's format. */
export interface CodecFormat<T> {
  /** The version byte that codes in this format start with. */
  version: number;
  /**
   * Checks a parsed JSON value and returns it typed, or the problems found (in Chinese). Must not
   * throw and must accept exactly what `encode` is given, so that decode(encode(v)) deep-equals v.
   */
  validate: (value: unknown) => Result<T, string[]>;
  /**
   * A deflate preset dictionary: text the payloads are likely to repeat (their JSON keys and
   * common values), which then costs a back-reference instead of its bytes. It is part of the
   * format: changing it breaks every code already shared, so it needs a new version.
   */
  dictionary?: string;
}

export interface CodecSpec<T> {
  kind: CodeKind;
  /** Every format the kind has had, oldest first: codes are read in any. */
  formats: readonly [CodecFormat<T>, ...CodecFormat<T>[]];
  /**
   * The version a value is written in; the last format when omitted. A kind whose newest format
   * is for new kinds of value only keeps writing the others as before, so that a site that does
   * not know the newest format still reads them (result codes: objective v2, written v3).
   */
  versionFor?: (value: T) => number;
}

export interface Codec<T> {
  /** Encodes a value that `validate` accepts; throws a TypeError otherwise (a programming error). */
  encode(value: T): string;
  decode(code: string): Result<T>;
}

export function createCodec<T>(spec: CodecSpec<T>): Codec<T> {
  const { byte: kindByte, label } = CODE_KINDS[spec.kind];
  const formats = new Map(
    spec.formats.map((format) => {
      const dictionary = format.dictionary === undefined ? undefined : new TextEncoder().encode(format.dictionary);
      return [format.version, { validate: format.validate, dictionary }] as const;
    }),
  );
  const latest = spec.formats[spec.formats.length - 1]!.version;
  const fail = (code: CodeErrorCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

  function encode(value: T): string {
    const version = spec.versionFor?.(value) ?? latest;
    const format = formats.get(version);
    if (!format) throw new TypeError(`无法生成${label}：没有第 ${version} 版格式`);
    const { validate, dictionary } = format;
    const checked = validate(value);
    if (!checked.ok) throw new TypeError(`无法生成${label}：${checked.error.join('；')}`);
    const json = new TextEncoder().encode(JSON.stringify(value));
    const payload = deflateSync(json, dictionary === undefined ? { level: 9 } : { dictionary, level: 9 });
    const length = varint(payload.length);
    const bytes = new Uint8Array(HEADER_FIXED + length.length + payload.length);
    bytes[0] = version;
    bytes[1] = kindByte;
    bytes.set(length, HEADER_FIXED);
    bytes.set(payload, HEADER_FIXED + length.length);
    new DataView(bytes.buffer).setUint32(2, checksumOf(bytes), false);
    return toBase64Url(bytes);
  }

  function decode(input: string): Result<T> {
    const code = typeof input === 'string' ? input.trim() : '';
    if (code === '') return fail('empty', `没有内容：请粘贴${label}`);
    if (code.length > MAX_CODE_CHARS) return fail('too-long', `${label}过长：可能多复制了其他内容`);
    const badAt = code.search(/[^A-Za-z0-9_-]/);
    if (badAt >= 0) {
      const char = String.fromCodePoint(code.codePointAt(badAt) ?? 0);
      if (/\s/.test(char)) return fail('alphabet', `${label}中间断开了（有空格或换行）：请重新完整复制`);
      return fail('alphabet', `${label}里有不该出现的字符「${char}」（第 ${badAt + 1} 个字符）：请重新完整复制`);
    }
    const decoded = fromBase64Url(code);
    if (decoded === undefined) return fail('incomplete', incompleteMessage(label));
    const { bytes, canonical } = decoded;
    if (bytes.length === 0) return fail('incomplete', incompleteMessage(label));
    const format = formats.get(bytes[0] ?? 0);
    if (!format) {
      // Kinds number their versions apart: a result code (v2) pasted as a link is not a newer link.
      const other = Object.values(CODE_KINDS).find((k) => k.byte === bytes[1] && k.byte !== kindByte);
      if (other) return fail('wrong-kind', `这是${other.label}，不是${label}`);
      return fail('version', `无法识别的${label}版本（v${bytes[0] ?? 0}）：可能来自更新版本的网站，或已损坏`);
    }
    const length = bytes.length > HEADER_FIXED ? readVarint(bytes, HEADER_FIXED) : undefined;
    if (length === undefined) return fail('incomplete', incompleteMessage(label));
    const payloadStart = HEADER_FIXED + length.size;
    const expectedSize = payloadStart + length.value;
    if (bytes.length < expectedSize) return fail('incomplete', incompleteMessage(label));
    const checksumOk = new DataView(bytes.buffer).getUint32(2, false) === checksumOf(bytes);
    if (!checksumOk || !canonical || bytes.length !== expectedSize) return fail('checksum', damagedMessage(label));
    if (bytes[1] !== kindByte) {
      const other = Object.values(CODE_KINDS).find((k) => k.byte === bytes[1]);
      return fail('wrong-kind', other ? `这是${other.label}，不是${label}` : `这不是${label}`);
    }
    const inflated = inflateCapped(bytes.subarray(payloadStart), { dictionary: format.dictionary });
    if (!inflated.ok) {
      return inflated.reason === 'too-large'
        ? fail('too-long', `${label}内容过大，不是本站生成的`)
        : fail('inflate', `${label}已损坏：无法解压`);
    }
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
    } catch {
      return fail('json', `${label}已损坏：内容无法读取`);
    }
    const checked = format.validate(value);
    if (!checked.ok) return fail('schema', `${label}内容不符合格式：${checked.error.slice(0, 3).join('；')}`);
    return { ok: true, value: checked.value };
  }

  return { encode, decode };
}

/** Version, kind and the 4-byte checksum; the varint length follows. */
const HEADER_FIXED = 6;

function incompleteMessage(label: string): string {
  return `${label}不完整：可能复制时漏掉了一部分`;
}

function damagedMessage(label: string): string {
  return `${label}已被修改或损坏（校验失败）`;
}

function checksumOf(bytes: Uint8Array): number {
  return crc32(bytes.subarray(HEADER_FIXED), crc32(bytes.subarray(0, 2)));
}

/**
 * Finds the code in what a user pasted: a bare code, or a link whose fragment or query carries it
 * (`…/trainer/assignment/#a=<code>`). Codes never contain `=`, so the text after the last `=` is it.
 */
export function extractCode(text: string): string {
  const trimmed = text.trim();
  const eq = trimmed.lastIndexOf('=');
  return eq >= 0 ? trimmed.slice(eq + 1) : trimmed;
}

// CRC-32 (IEEE 802.3, as in zip and PNG). fflate has one inside but does not export it.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of `bytes`; pass a previous result as `previous` to continue over several pieces. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous;
  for (let i = 0; i < bytes.length; i++) crc = (CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)) | 0;
  return ~crc >>> 0;
}

function varint(n: number): Uint8Array {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
  return Uint8Array.from(out);
}

function readVarint(bytes: Uint8Array, start: number): { value: number; size: number } | undefined {
  let value = 0;
  // Three bytes reach 2 MiB, far beyond any code we accept.
  for (let i = 0; i < 3; i++) {
    const b = bytes[start + i];
    if (b === undefined) return undefined;
    value |= (b & 0x7f) << (7 * i);
    if ((b & 0x80) === 0) return { value, size: i + 1 };
  }
  return undefined;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUE = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64URL.length; i++) values[BASE64URL.charCodeAt(i)] = i;
  return values;
})();

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += BASE64URL[a >> 2]!;
    out += BASE64URL[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += BASE64URL[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += BASE64URL[c & 63]!;
  }
  return out;
}

/**
 * Strict base64url: the caller has checked the alphabet. Undefined for a length that no byte
 * string encodes to. `canonical` is false when the unused low bits of the last character are not
 * zero, so that two texts would mean the same bytes: the decoder treats that as damage.
 */
export function fromBase64Url(text: string): { bytes: Uint8Array; canonical: boolean } | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    acc = (acc << 6) | (BASE64URL_VALUE[text.charCodeAt(i)] ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return { bytes: out, canonical: acc === 0 };
}

/**
 * How every code of ours starts: its version and kind bytes, which make its first two characters
 * (`AV`/`Al`/`A1`: results v1/v2/v3, `AU`: assignment links v1). Versions up to 8 are accepted so that a
 * code from a newer site is still found, and then told apart by its message.
 */
const CODE_PREFIXES = new Set(
  Object.values(CODE_KINDS).flatMap((kind) => Array.from({ length: 8 }, (_, v) => toBase64Url(Uint8Array.of(v + 1, kind.byte)).slice(0, 2))),
);

/** Whether a token could be one of our codes: its prefix, its length and its alphabet. */
export function looksLikeCode(token: string): boolean {
  return (
    token.length >= MIN_CODE_CHARS &&
    token.length <= MAX_CODE_CHARS &&
    CODE_PREFIXES.has(token.slice(0, 2)) &&
    /^[A-Za-z0-9_-]+$/.test(token)
  );
}

/**
 * The codes in chat text, in order (issue 13, item 5): every run of the codes' alphabet that
 * looks like a code. Dates, numbers, words, names and the link around a code are not codes and
 * are skipped, so pasting a whole chat yields only its codes — and 100,000 words yield nothing.
 */
export function findCodes(text: string): string[] {
  const found: string[] = [];
  for (const [run] of text.matchAll(/[A-Za-z0-9_-]{32,}/g)) if (looksLikeCode(run)) found.push(run);
  return found;
}
