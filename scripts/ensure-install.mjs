// Installs dependencies when node_modules is missing or older than package.json / the lockfile.
// Runs on whatever Node the machine has (it starts before the pinned Node 24 is installed).
// `npm ci` fails on this kind of machine (the lockfile lists other platforms' packages that the
// registry here does not serve), so it uses `npm install --no-save`, which keeps the lockfile.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const stampFile = 'node_modules/.install-stamp';
const hash = createHash('sha256');
for (const file of ['package.json', 'package-lock.json']) {
  if (existsSync(file)) hash.update(readFileSync(file));
}
const stamp = hash.digest('hex');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync('node_modules/.bin/astro')) {
  process.exit(0);
}
console.log('安装依赖（npm install --no-save）……');
execSync('npm install --no-save --no-audit --no-fund', { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
writeFileSync(stampFile, stamp);
