// Astro 7 and Vitest 5 need Node ≥ 22.12; the project pins Node 24 as a devDependency so that
// npm scripts run on it whatever the machine has. This check explains what to do if they don't.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `秘书实务学堂需要 Node 24，当前是 ${process.versions.node}。\n` +
      '请先运行 `npm install`（项目把 Node 24 作为开发依赖安装到 node_modules/.bin），\n' +
      '再通过 npm 脚本运行（npm start / npm test），或用 nvm/volta 切换到 .nvmrc 指定的版本。',
  );
  process.exit(1);
}
