// Size and speed budgets of the built site (`npm run build` first). Prints figures; exits 1 if a
// page exceeds its budget or has none. `--lighthouse` also runs Lighthouse (mobile) on the home,
// a chapter, the exam and the practice page against `astro preview` (about 15 s a page). `--json`
// prints one JSON object.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { runnableInlineScripts } from './csp.ts';

const DIST = 'dist';
const args = new Set(process.argv.slice(2));
const KB = 1024;

/**
 * A budget for every page, gzip kB, matched by path (`*` is one path segment). `html` is the page's
 * own markup (a chapter page's without its chapter text); `js` what runs on load (module scripts and
 * their static imports, not what loads later with import()). A page that matches no budget fails:
 * every page has one (issue 12).
 */
const BUDGETS = [
  ['index.html', { html: 7, js: 10, css: 15 }],
  ['chapters/*/index.html', { html: 7, js: 10, css: 15 }],
  ['exam/index.html', { html: 7, js: 40, css: 15 }],
  ['exam-info/index.html', { html: 5, js: 10, css: 15 }],
  // At most the figures of issue 12's day (js 23.5 / 22.1 / 18.3); the html of practice and progress
  // grew with two chapters and two practice modes (from 3.2 and 3.9 kB).
  ['practice/index.html', { html: 4.5, js: 23.5, css: 15 }],
  ['progress/index.html', { html: 5, js: 22.1, css: 15 }],
  ['bank/index.html', { html: 5.4, js: 18.3, css: 15 }],
  ['glossary/index.html', { html: 10, js: 20, css: 15 }],
  ['glossary/*/index.html', { html: 8, js: 10, css: 15 }],
  ['search/index.html', { html: 4, js: 10, css: 15 }],
  ['more/index.html', { html: 4, js: 10, css: 15 }],
  ['trainer/index.html', { html: 18, js: 35, css: 15 }],
  ['trainer/assignment/index.html', { html: 5, js: 40, css: 15 }],
  ['trainer/print/index.html', { html: 4, js: 30, css: 15 }],
  ['404.html', { html: 4, js: 10, css: 15 }],
];
const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const gzip = (text) => gzipSync(text, { level: 9 }).length;

function readAsset(url) {
  return readFileSync(join(DIST, url.replace(/^\//, '')), 'utf8');
}

/** JavaScript that runs on load: module scripts plus their static imports (not dynamic `import()`). */
function pageScripts(html) {
  const seen = new Map();
  // Inline scripts that run; a data block (`type="application/json"`) is not script, and is already
  // counted in the page's html.
  const inline = runnableInlineScripts(html);
  const queue = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  for (const code of inline) queue.push(...staticImports(code, '/_astro/'));
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url) || !url.startsWith('/')) continue;
    const code = readAsset(url);
    seen.set(url, code);
    queue.push(...staticImports(code, dirname(url) + '/'));
  }
  return { files: [...seen.keys()], bytes: inline.reduce((s, c) => s + gzip(c), 0) + [...seen.values()].reduce((s, c) => s + gzip(c), 0) };
}

function staticImports(code, base) {
  const found = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const spec = m[1];
    if (spec.startsWith('./')) found.push(base + spec.slice(2));
    else if (spec.startsWith('/')) found.push(spec);
  }
  return found;
}

function pageCss(html) {
  return [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce((s, m) => s + gzip(readAsset(m[1])), 0);
}

/** The page without the chapter's own text: what the template costs on every page. */
function shellOf(html) {
  return html.replace(/(<article[^>]*data-pagefind-body[^>]*>)[\s\S]*?(<\/article>)/, '$1$2');
}

function measure(path) {
  const html = readFileSync(join(DIST, path), 'utf8');
  const js = pageScripts(html);
  return { path, htmlFull: gzip(html), html: gzip(shellOf(html)), js: js.bytes, css: pageCss(html) };
}

if (!existsSync(DIST)) {
  console.error('没有 dist/：请先运行 npm run build');
  process.exit(1);
}

/** Every built page, relative to dist/, the search index's own files aside. */
function htmlPages(dir = '') {
  return readdirSync(join(DIST, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

const matches = (pattern, path) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`).test(path);
const budgetOf = (path) => BUDGETS.find(([pattern]) => matches(pattern, path))?.[1] ?? null;

const pages = htmlPages().sort().map((path) => ({ ...measure(path), budget: budgetOf(path) }));
const failures = [];
for (const page of pages) {
  if (!page.budget) {
    failures.push(`${page.path} 没有预算：在 scripts/budget.mjs 的 BUDGETS 中为它加一条`);
    continue;
  }
  for (const key of ['html', 'js', 'css']) {
    if (page[key] > page.budget[key] * KB) failures.push(`${page.path} ${key} ${(page[key] / KB).toFixed(1)} kB > ${page.budget[key]} kB`);
  }
}

let lighthouse;
if (args.has('--lighthouse')) lighthouse = await runLighthouse(['/', '/chapters/meetings/', '/exam/', '/practice/']);

if (args.has('--json')) {
  console.log(JSON.stringify({ pages, lighthouse, failures }, null, 2));
} else {
  const kb = (n) => `${(n / KB).toFixed(1)} kB`;
  console.log('gzip 大小（html = 页面框架，不含章节正文；htmlFull = 含正文的整页）');
  const limit = (p, key) => (p.budget ? `${kb(p[key])} / ${p.budget[key]}` : kb(p[key]));
  console.table(pages.map((p) => ({ page: p.path, html: limit(p, 'html'), htmlFull: kb(p.htmlFull), js: limit(p, 'js'), css: limit(p, 'css') })));
  console.log('每格为 实测 / 预算（kB，gzip）；没有预算的页面算作超出。');
  if (lighthouse) {
    console.table(lighthouse);
    console.log(`Lighthouse 目标：${JSON.stringify(LIGHTHOUSE_TARGETS)}`);
  }
  console.log(failures.length ? `超出预算：\n  ${failures.join('\n  ')}` : '全部在预算之内。');
}
if (lighthouse) {
  for (const row of lighthouse) {
    for (const [category, target] of Object.entries(LIGHTHOUSE_TARGETS)) {
      if (row[category] < target) failures.push(`${row.url} Lighthouse ${category} ${row[category]} < ${target}`);
    }
  }
}
process.exit(failures.length ? 1 : 0);

async function runLighthouse(paths) {
  const { default: lighthouseRun } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const port = 4399;
  const server = spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const rows = [];
      for (const path of paths) {
        const url = `http://127.0.0.1:${port}${path}`;
        const result = await lighthouseRun(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        const categories = result.lhr.categories;
        const row = { url: path };
        for (const key of Object.keys(LIGHTHOUSE_TARGETS)) row[key] = Math.round((categories[key]?.score ?? 0) * 100);
        const failed = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
        row.failedAudits = failed.join(' ');
        rows.push(row);
      }
      return rows;
    } finally {
      chrome.kill();
    }
  } finally {
    server.kill();
  }
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}
