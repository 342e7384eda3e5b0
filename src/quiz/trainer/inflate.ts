/**
 * Inflating untrusted deflate data without letting it grow. A code of 8,000 characters could
 * inflate to megabytes before anything looked at it: in issue 13 one code inflated to 5 MiB, and
 * 400 of them froze the trainer's tab for 36 s.
 *
 * fflate's streaming `Inflate` inflates all the input it holds at each push, so the input goes in
 * in slices small enough that even at deflate's largest expansion the output stays under the cap.
 * The output is counted as it comes (`ondata`), and inflating stops as soon as the next slice
 * could carry it past the cap. So no more than `cap` bytes are ever inflated, the work is bounded
 * by the cap whatever the input, and anything of up to `cap - SAFE_MARGIN` bytes inflates in full.
 */
import { Inflate } from 'fflate';

/** Far more than any code of ours holds (a 200-item result is about 1 KiB of JSON). */
export const INFLATE_CAP = 64 * 1024;

/** Deflate's largest expansion per input byte: a 258-byte match coded in two bits. */
const MAX_RATIO = 1032;
/**
 * Input a push may decode on top of its own slice: the start of a symbol the previous push could
 * not finish (fflate rewinds to it), at most 48 bits plus the bits before it in its byte.
 */
const CARRY_BYTES = 8;

/** How close to the cap a payload may come and still be sure to inflate. */
export const SAFE_MARGIN = (CARRY_BYTES + 1) * MAX_RATIO;

export type Inflated =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      /** `too-large`: it would inflate past the cap; `corrupt`: not valid deflate data. */
      reason: 'too-large' | 'corrupt';
      /** Bytes inflated before stopping; never more than the cap. */
      inflated: number;
    };

export interface InflateLimits {
  /** Most bytes to inflate; INFLATE_CAP when omitted. */
  cap?: number;
  /** The preset dictionary the data was compressed with, if any. */
  dictionary?: Uint8Array | undefined;
}

/** Inflates raw deflate data, refusing (without throwing) anything that would pass the cap. */
export function inflateCapped(data: Uint8Array, limits: InflateLimits = {}): Inflated {
  const cap = limits.cap ?? INFLATE_CAP;
  const chunks: Uint8Array[] = [];
  let inflated = 0;
  const stream = new Inflate(limits.dictionary ? { dictionary: limits.dictionary } : {}, (chunk) => {
    chunks.push(chunk);
    inflated += chunk.length;
  });
  let pushed = 0;
  try {
    for (;;) {
      const room = cap - inflated;
      // A push outputs at most what its compressed input can expand to, or — for a stored block,
      // which fflate holds back until it is complete — everything pushed so far.
      const slice = Math.min(Math.floor(room / MAX_RATIO) - CARRY_BYTES, room - pushed);
      if (slice < 1) return { ok: false, reason: 'too-large', inflated };
      const end = Math.min(data.length, pushed + slice);
      const final = end === data.length;
      stream.push(data.subarray(pushed, end), final);
      pushed = end;
      if (final) break;
    }
  } catch {
    return { ok: false, reason: 'corrupt', inflated };
  }
  const bytes = new Uint8Array(inflated);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}
