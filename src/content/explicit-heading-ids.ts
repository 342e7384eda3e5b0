/**
 * Sätteri (Astro's Markdown processor) hast plugin for explicit heading ids.
 *
 * Chapter headings end with `\{#id}` (the backslash keeps MDX from reading an expression):
 * `## 会议方案 \{#plan}` becomes `<h2 id="plan">会议方案</h2>`. Astro's own heading-id pass
 * runs later and keeps an id that is already set, so the table of contents, search anchors and
 * question links all share the same stable id. The same pattern is parsed by `chapter-sections.ts`
 * for the build-time cross-checks.
 *
 * A `###` heading gets `<section-id>--<slug>`, so a search hit on a subheading still tells which
 * section it belongs to (Pagefind makes a sub-result for every heading that has an id).
 */
import GithubSlugger from 'github-slugger';
import { EXPLICIT_ID_SUFFIX } from './chapter-sections.ts';

interface TextNode {
  type: string;
  value?: string;
}
interface HeadingNode {
  children: readonly TextNode[];
}
interface VisitContext {
  setProperty(node: never, key: string, value: unknown): void;
  replaceNode(node: never, replacement: TextNode): void;
}

export function explicitHeadingIds() {
  let section = '';
  const slugger = new GithubSlugger();
  return {
    name: 'explicit-heading-ids',
    element: {
      filter: ['h2', 'h3', 'h4'],
      visit(node: HeadingNode & { tagName: string }, ctx: VisitContext & { textContent(node: never): string }) {
        const last = node.children.at(-1);
        const match = last?.type === 'text' && last.value !== undefined ? EXPLICIT_ID_SUFFIX.exec(last.value) : null;
        if (last?.value !== undefined && match?.[1]) {
          ctx.setProperty(node as never, 'id', match[1]);
          ctx.replaceNode(last as never, { type: 'text', value: last.value.slice(0, match.index) });
          if (node.tagName === 'h2') section = match[1];
          return;
        }
        if (node.tagName !== 'h2' && section) {
          ctx.setProperty(node as never, 'id', `${section}--${slugger.slug(ctx.textContent(node as never))}`);
        }
      },
    },
  };
}
