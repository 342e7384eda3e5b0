// The question-bank tool: `npm run bank -- <command>`. Run `npm run bank -- help` for the list.
import { loadContentSources } from '../src/content/load-content.ts';
import { checkContent, formatProblem } from '../src/content/validate.ts';
import { bankStats } from '../src/bank/stats.ts';

const USAGE = `用法：npm run bank -- <命令> [选项]
  validate                 运行全部构建期检查，逐条给出 文件:行 字段：问题；有错误时退出码为 1
  stats [--json]           按章节、小节、题型、难度统计；答案位置分布；不足 3 题的小节
  help                     显示本说明
通用选项：--content DIR   内容目录（默认 src/content）`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function load(args: string[]) {
  return checkContent(loadContentSources(process.cwd(), option(args, '--content') ?? 'src/content'));
}

const commands: Record<string, (args: string[]) => number> = {
  validate(args) {
    const { problems, chapters, questions, cases, blueprints } = load(args);
    for (const problem of problems) console.error(formatProblem(problem));
    if (problems.length > 0) {
      console.error(`\n共 ${problems.length} 处问题。`);
      return 1;
    }
    console.log(`通过：${chapters.length} 章，${questions.length} 道客观题，${cases.length} 道案例分析，${blueprints.length} 套试卷蓝图。`);
    return 0;
  },
  stats(args) {
    const { chapters, questions, cases, problems } = load(args);
    const stats = bankStats(chapters, questions, cases);
    if (args.includes('--json')) {
      console.log(JSON.stringify(stats, null, 2));
    } else {
      const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
      console.log(`题目总数 ${stats.total}（单选 ${stats.byType.single}，多选 ${stats.byType.multiple}，判断 ${stats.byType.judge}，案例 ${stats.byType.case}）`);
      console.log(`难度 1/2/3：${stats.byDifficulty['1']} / ${stats.byDifficulty['2']} / ${stats.byDifficulty['3']}；职业道德标签 ${stats.ethicsTagged} 道`);
      const p = stats.singleAnswerPositions;
      console.log(`单选答案位置 A ${pct(p.A)}  B ${pct(p.B)}  C ${pct(p.C)}  D ${pct(p.D)}；判断题为“正确”的占 ${pct(stats.judgeTrueShare)}`);
      console.table(Object.entries(stats.byChapter).map(([chapter, count]) => ({ chapter, count })));
      console.log(stats.sectionsBelow3.length ? `不足 3 题的小节：${stats.sectionsBelow3.join('、')}` : '每个小节都至少有 3 道题。');
      if (problems.length) console.log(`（另有 ${problems.length} 处内容问题，运行 validate 查看）`);
    }
    return 0;
  },
  help() {
    console.log(USAGE);
    return 0;
  },
};

const [name = 'help', ...rest] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`未知命令：${name}\n\n${USAGE}`);
  process.exit(2);
}
process.exit(command(rest));
