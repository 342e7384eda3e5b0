// Adds a strict Content-Security-Policy meta tag to every built page (issue 13): scripts only from
// the site itself and the page's own inline scripts by hash (no 'unsafe-inline'), WebAssembly for
// Pagefind, no plugins, no <base>. Runs after Pagefind and before the service worker is generated,
// so the precached pages are the ones with the policy. `node scripts/csp.ts [dist]`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
/** Data blocks (`type="application/json"`) are never run, so they need no hash. */
const DATA_BLOCK = /\btype=["']?application\/(?:ld\+)?json/;

/** The policy for a page whose inline scripts have these hashes. */
export function policyFor(hashes: readonly string[]): string {
  const scripts = ["'self'", ...hashes.map((h) => `'${h}'`), "'wasm-unsafe-eval'"].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The bodies of a page's inline scripts that run: data blocks left out (the budget counts these too). */
export function runnableInlineScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].filter(([, attributes = '']) => !DATA_BLOCK.test(attributes)).map(([, , body = '']) => body);
}

/** The sha256 hashes (CSP source form) of a page's inline scripts. */
export function inlineScriptHashes(html: string): string[] {
  return runnableInlineScripts(html).map((body) => `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
}

/** The page with its policy as the first thing after `<meta charset>`, before any script. */
export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineScriptHashes(html))}">`;
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');
  const charset = /<meta charset="?utf-8"?\s*\/?>/i.exec(cleaned);
  if (!charset) throw new Error('页面缺少 <meta charset="utf-8">，无法放置 CSP');
  const at = charset.index + charset[0].length;
  return cleaned.slice(0, at) + meta + cleaned.slice(at);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const files = htmlFiles(dist);
  for (const file of files) writeFileSync(file, withCsp(readFileSync(file, 'utf8')));
  console.log(`CSP: ${files.length} 个页面已加上 Content-Security-Policy`);
}
