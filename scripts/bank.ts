// The question-bank tool: `npm run bank -- <command>`. Run `npm run bank -- help` for the list.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContentSources } from '../src/content/load-content.ts';
import { checkContent, describeContent, describeWritten, formatProblem } from '../src/content/validate.ts';
import { bankStats } from '../src/bank/stats.ts';
import { exportBank, selectBank } from '../src/bank/export.ts';
import { DEFAULT_DIFFICULTY, EXPLANATION_PLACEHOLDER, importJson, planImport, readQuestions } from '../src/bank/import.ts';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../src/bank/interchange.ts';

const USAGE = `用法：npm run bank -- <命令> [选项]
  validate                 运行全部构建期检查，逐条给出 文件:行 字段：问题；有错误时退出码为 1
  stats [--json]           按章节、小节、题型、难度统计；答案位置分布；不足 3 题的小节
  export --format gift|aiken|csv|json [--chapter ID] [-o FILE]
                           导出题库（不加 -o 时输出到标准输出）：GIFT 可导入 Moodle；Aiken 只含单选；
                           CSV 为 UTF-8 带 BOM，可用 Excel/WPS 打开；JSON 为引擎的题目结构加案例
  import FILE --format gift|aiken|csv [--chapter ID] [--section ID] [--dry-run] [--json]
                           读取题目文件，不支持的题型连同行号列出并跳过；有 --chapter 时以新编号追加到
                           该章题库文件（不覆盖已有题目），--dry-run 只显示将写入的内容，--json 输出解析结果
  help                     显示本说明
通用选项：--content DIR   内容目录（默认 src/content）`;

interface Args {
  values: { format?: string; chapter?: string; section?: string; content?: string; out?: string; json: boolean; 'dry-run': boolean };
  positionals: string[];
}

/** The options every command shares; a command ignores those it has no use for. */
function readArgs(args: string[]): Args {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      chapter: { type: 'string' },
      section: { type: 'string' },
      content: { type: 'string' },
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  return { values: { ...values, json: values.json ?? false, 'dry-run': values['dry-run'] ?? false }, positionals };
}

/** `--format`, else the file's extension (`.gift`, `.csv`, `.aiken`, `.json`). */
function formatOf<F extends string>(args: Args, formats: readonly F[], file: string | undefined): F | undefined {
  const name = args.values.format ?? (file ? extname(file).slice(1).toLowerCase() : undefined);
  return formats.find((f) => f === name);
}

function load(args: Args) {
  return checkContent(loadContentSources(process.cwd(), args.values.content ?? 'src/content'));
}

const commands: Record<string, (args: Args) => number> = {
  validate(args) {
    const content = load(args);
    const { problems } = content;
    for (const problem of problems) console.error(formatProblem(problem));
    if (problems.length > 0) {
      console.error(`\n共 ${problems.length} 处问题。`);
      return 1;
    }
    console.log(`通过：${describeContent(content)}。`);
    return 0;
  },
  stats(args) {
    const { chapters, questions, cases, blueprints, problems } = load(args);
    const stats = bankStats(chapters, questions, cases, blueprints);
    if (args.values.json) {
      console.log(JSON.stringify(stats, null, 2));
    } else {
      const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
      console.log(`题目总数 ${stats.total}（单选 ${stats.byType.single}，多选 ${stats.byType.multiple}，判断 ${stats.byType.judge}，案例 ${stats.byType.case}，工作实务 ${stats.byType.task}）`);
      console.log(`客观题 ${stats.byType.single + stats.byType.multiple + stats.byType.judge} 道；得分点：工作实务 ${stats.rubricPoints.task} 个，案例分析 ${stats.rubricPoints.case} 个`);
      console.log(`各章工作实务：${Object.entries(stats.tasksByChapter).map(([id, n]) => `${id} ${n}`).join('，')}`);
      console.log(`难度 1/2/3：${stats.byDifficulty['1']} / ${stats.byDifficulty['2']} / ${stats.byDifficulty['3']}；职业道德标签 ${stats.ethicsTagged} 道`);
      const p = stats.singleAnswerPositions;
      console.log(`单选答案位置 A ${pct(p.A)}  B ${pct(p.B)}  C ${pct(p.C)}  D ${pct(p.D)}；判断题为“正确”的占 ${pct(stats.judgeTrueShare)}`);
      const papers = Object.entries(stats.papersWithoutRepeats).map(([id, n]) => `${id} ${n} 套`);
      console.log(`互不重复的整卷：${papers.join('，')}`);
      console.table(Object.entries(stats.byChapter).map(([chapter, count]) => ({ chapter, count })));
      console.log(stats.sectionsBelow3.length ? `不足 3 题的小节：${stats.sectionsBelow3.join('、')}` : '每个小节都至少有 3 道题。');
      if (problems.length) console.log(`（另有 ${problems.length} 处内容问题，运行 validate 查看）`);
    }
    return 0;
  },
  export(args) {
    const out = args.values.out;
    const format = formatOf(args, EXPORT_FORMATS, out);
    if (!format) {
      console.error(`请用 --format 指定导出格式：${EXPORT_FORMATS.join('、')}\n\n${USAGE}`);
      return 2;
    }
    const content = load(args);
    if (content.problems.length) console.error(`注意：内容有 ${content.problems.length} 处问题（运行 validate 查看），未通过检查的题目不会导出。`);
    const chapter = args.values.chapter;
    const bank = selectBank(content, chapter);
    if (!bank) {
      console.error(`章节 "${chapter}" 不存在（可用：${content.chapters.map((c) => c.id).join('、')}）`);
      return 2;
    }
    const { text, notes } = exportBank(format, bank);
    for (const note of notes) console.error(note);
    if (out) {
      writeFileSync(out, text);
      console.log(`已导出 ${bank.questions.length} 道客观题、${describeWritten(bank.cases)}（${format.toUpperCase()}）到 ${out}`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  },
  import(args) {
    const [file] = args.positionals;
    const format = formatOf(args, IMPORT_FORMATS, file);
    if (!file || !format) {
      console.error(`${file ? `请用 --format 指定格式：${IMPORT_FORMATS.join('、')}` : '请给出要导入的文件'}\n\n${USAGE}`);
      return 2;
    }
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`无法读取 ${file}：${(error as Error).message}`);
      return 2;
    }
    const result = readQuestions(format, source);
    const json = args.values.json;
    const dryRun = args.values['dry-run'];
    // With --json, stdout carries only the JSON; the report goes to stderr.
    const say = json ? console.error : console.log;
    if (json) console.log(importJson(result));
    say(`${file}（${format.toUpperCase()}）：可导入 ${result.questions.length} 道题，跳过 ${result.skipped.length} 处。`);
    for (const skipped of result.skipped) console.error(`  ${file}:${skipped.line} ${skipped.reason}`);
    const chapter = args.values.chapter;
    if (!chapter) {
      if (!dryRun) say('未指定 --chapter，只检查不写入；要写入题库请加 --chapter <章节id>。');
      return 0;
    }
    const contentDir = args.values.content ?? 'src/content';
    const root = process.cwd();
    const target = relative(root, join(root, contentDir, 'questions', `${chapter}.yaml`));
    const planned = planImport(loadContentSources(root, contentDir), result.questions, { chapter, section: args.values.section, file: target });
    if (!planned.ok) {
      console.error(planned.message);
      return 2;
    }
    const { plan } = planned;
    for (const rejected of plan.rejected) console.error(`  ${file}:${rejected.line} ${rejected.reason}`);
    if (plan.problems.length) {
      for (const problem of plan.problems) console.error(formatProblem(problem));
      console.error(`导入后题库无法通过检查，${target} 未改动。`);
      return 1;
    }
    if (plan.added.length === 0) {
      say(`没有可写入的题目，${target} 未改动。`);
      return result.questions.length > 0 ? 1 : 0;
    }
    const ids = (list: typeof plan.added) => list.map((q) => `${q.id}（第 ${q.source.line} 行）`).join('、');
    const defaulted = plan.added.filter((q) => q.sectionDefaulted);
    if (defaulted.length) say(`未指定 --section，文件也没有注明本章的小节：${defaulted.length} 道题放在本章第一个小节 ${defaulted[0]?.section}，请按内容调整：${ids(defaulted)}`);
    const undated = plan.added.filter((q) => q.difficultyDefaulted);
    if (undated.length) say(`${undated.length} 道题文件没有注明难度，暂定为 ${DEFAULT_DIFFICULTY}。`);
    const unexplained = plan.added.filter((q) => q.needsExplanation);
    if (unexplained.length) console.error(`警告：${unexplained.length} 道题缺少解析或不足 30 字，${dryRun ? '将' : '已'}写入占位文字“${EXPLANATION_PLACEHOLDER}”，请补写：${ids(unexplained)}`);
    const range = `${plan.added[0]?.id} 至 ${plan.added.at(-1)?.id}`;
    if (dryRun) {
      say(`（--dry-run，未写入）将向 ${target}${plan.created ? '（新文件）' : ''} 追加 ${plan.added.length} 道题（${range}）：`);
      if (!json) console.log(plan.entriesYaml);
      return 0;
    }
    writeFileSync(join(root, target), plan.text);
    say(`已写入 ${target}${plan.created ? '（新文件）' : ''}：追加 ${plan.added.length} 道题（${range}），已通过内容检查。`);
    return 0;
  },
  help() {
    console.log(USAGE);
    return 0;
  },
};

const [name = 'help', ...rest] = process.argv.slice(2);
const command = commands[name];
// exitCode rather than exit(): a large export piped to another program is written out in full first.
if (command) {
  try {
    process.exitCode = command(readArgs(rest));
  } catch (error) {
    // parseArgs names the unknown or malformed option.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  }
} else {
  console.error(`未知命令：${name}\n\n${USAGE}`);
  process.exitCode = 2;
}
