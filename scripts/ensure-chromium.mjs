// The end-to-end tests drive Debian's Chromium (Playwright's own browser download is not
// reachable here). Installs it when running as root; otherwise says what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `找不到 Chromium（${chromium}）。端到端测试需要 Debian 的 chromium 软件包：\n` +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '或把 CHROME_PATH 设为已安装的 Chromium/Chrome 路径。',
  );
  process.exit(1);
}
console.log('安装 Debian Chromium（apt-get install chromium）……');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync('apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit', env });
