// Lists every run of 30 or more characters that the chapters and questions share with the source
// documents (issue 10). `node scripts/originality.ts [--all]`; SEEDS_DIR overrides ../shared/seeds.
// Exits 1 when a run is not an allow-listed quotation. The same check runs in `npm test`.
import { parseArgs } from 'node:util';
import { originalityFindings } from '../src/content/originality-check.ts';

const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
const findings = await originalityFindings(process.cwd());
const shown = values.all ? findings : findings.filter((f) => !f.allowed);
for (const { path, line, run, allowed } of shown) {
  console.log(`${path}:${line} ${run.length} 字${allowed ? '（引文，已允许）' : ''}：${run.text}`);
}
const failures = findings.filter((f) => !f.allowed).length;
console.log(`共 ${findings.length} 处与源文档相同的连续 30 字以上片段，其中 ${failures} 处不在允许的引文清单中。`);
process.exitCode = failures > 0 ? 1 : 0;
