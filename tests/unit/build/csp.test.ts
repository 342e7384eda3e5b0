import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, policyFor, withCsp } from '../../../scripts/csp.ts';

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script>var a = 1;</script>
<script type="module" src="/_astro/x.js"></script></head><body>
<script type="application/json" data-ref="chapters">[1,2]</script></body></html>`;

describe('the Content-Security-Policy of a built page', () => {
  it('hashes the inline scripts only: not external ones, not JSON data blocks', () => {
    const expected = `sha256-${createHash('sha256').update('var a = 1;').digest('base64')}`;
    expect(inlineScriptHashes(page)).toEqual([expected]);
  });

  it('is strict: self, the hashes, WebAssembly for Pagefind; no unsafe-inline; no objects; no base', () => {
    const policy = policyFor(['sha256-abc']);
    expect(policy).toContain("script-src 'self' 'sha256-abc' 'wasm-unsafe-eval'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('goes right after <meta charset>, before any script, once even if added twice', () => {
    const once = withCsp(page);
    const twice = withCsp(once);
    expect(twice).toBe(once);
    expect(once.indexOf('Content-Security-Policy')).toBeLessThan(once.indexOf('<script'));
    expect(once.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(() => withCsp('<html><head></head></html>')).toThrow('meta charset');
  });
});
