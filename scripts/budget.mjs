// Size and speed budgets of the built site (`npm run build` first). Prints figures; exits 1 if a
// size budget is exceeded. `--lighthouse` also runs Lighthouse (mobile) on the home page and a
// chapter page against `astro preview` (about 15 s a page). `--json` prints one JSON object.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';

const DIST = 'dist';
const args = new Set(process.argv.slice(2));
const KB = 1024;

/** Budgets per page kind, gzip bytes. `html` is the page's own markup without chapter text. */
const BUDGETS = {
  chapter: { html: 7 * KB, js: 10 * KB, css: 15 * KB },
  home: { html: 7 * KB, js: 10 * KB, css: 15 * KB },
  exam: { html: 7 * KB, js: 40 * KB, css: 15 * KB },
  // The other pages are measured and printed; no issue sets figures for them yet.
  app: null,
};
const APP_PAGES = ['practice', 'progress', 'bank', 'glossary', 'search', 'trainer', 'trainer/assignment', 'trainer/print'];
const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const gzip = (text) => gzipSync(text, { level: 9 }).length;

function readAsset(url) {
  return readFileSync(join(DIST, url.replace(/^\//, '')), 'utf8');
}

/** JavaScript that runs on load: module scripts plus their static imports (not dynamic `import()`). */
function pageScripts(html) {
  const seen = new Map();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
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

function measure(path, kind) {
  const html = readFileSync(join(DIST, path), 'utf8');
  const js = pageScripts(html);
  return { path, kind, htmlFull: gzip(html), html: gzip(shellOf(html)), js: js.bytes, css: pageCss(html) };
}

if (!existsSync(DIST)) {
  console.error('没有 dist/：请先运行 npm run build');
  process.exit(1);
}

const pages = [measure('index.html', 'home')];
for (const id of readdirSync(join(DIST, 'chapters'))) pages.push(measure(`chapters/${id}/index.html`, 'chapter'));
if (existsSync(join(DIST, 'exam/index.html'))) pages.push(measure('exam/index.html', 'exam'));
for (const page of APP_PAGES) {
  if (existsSync(join(DIST, page, 'index.html'))) pages.push(measure(`${page}/index.html`, 'app'));
}

const failures = [];
for (const page of pages) {
  const budget = BUDGETS[page.kind];
  if (!budget) continue;
  for (const key of ['html', 'js', 'css']) {
    if (page[key] > budget[key]) failures.push(`${page.path} ${key} ${(page[key] / KB).toFixed(1)} kB > ${(budget[key] / KB).toFixed(1)} kB`);
  }
}

let lighthouse;
if (args.has('--lighthouse')) lighthouse = await runLighthouse(['/', '/chapters/meetings/']);

if (args.has('--json')) {
  console.log(JSON.stringify({ pages, lighthouse, failures }, null, 2));
} else {
  const kb = (n) => `${(n / KB).toFixed(1)} kB`;
  console.log('gzip 大小（html = 页面框架，不含章节正文；htmlFull = 含正文的整页）');
  console.table(pages.map((p) => ({ page: p.path, html: kb(p.html), htmlFull: kb(p.htmlFull), js: kb(p.js), css: kb(p.css) })));
  console.log('预算：章节页/首页 html ≤ 7 kB、js ≤ 10 kB、css ≤ 15 kB；考试页 js ≤ 40 kB；其他页面只列出数字');
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
