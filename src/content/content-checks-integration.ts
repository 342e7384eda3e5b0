/**
 * Runs the content cross-checks (`validate.ts`) before Astro builds anything, so an invalid
 * question, a missing section or an unfillable blueprint stops the build with file, line and field.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadContentSources } from './load-content.ts';
import { checkContent, describeContent, formatProblem } from './validate.ts';

export interface ContentChecksOptions {
  /** Folder with chapters/, questions/ and exams/, relative to the project root. */
  contentDir?: string;
}

export function contentChecks({ contentDir = 'src/content' }: ContentChecksOptions = {}): AstroIntegration {
  return {
    name: 'mishu:content-checks',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        // Only what builds or serves content is checked; `astro preview` serves a finished dist/.
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        const content = checkContent(loadContentSources(root, contentDir));
        const { problems } = content;
        if (problems.length > 0) {
          const list = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
          const message = `内容检查未通过（${problems.length} 处）：\n${list}`;
          // The dev server keeps running so the author can fix and reload; a build stops.
          if (command === 'dev') return logger.error(message);
          throw new Error(message);
        }
        logger.info(`内容检查通过：${describeContent(content)}`);
      },
    },
  };
}
