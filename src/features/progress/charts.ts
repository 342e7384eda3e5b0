/**
 * Inline SVG for the 学习进度 charts, drawn from the geometry in progress-stats.ts. Each chart is
 * one image to assistive technology (role="img" with <title> and <desc>); the page puts the same
 * numbers in a table next to it. Colours come from the site's CSS variables, so dark mode works.
 */
import type { MasteryChart, ScoreChart } from './stats.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function chartRoot(width: number, height: number, id: string, title: string, description: string): SVGSVGElement {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'chart' });
  root.append(svg('title', { id: `${id}-title` }, title), svg('desc', { id: `${id}-desc` }, description));
  return root;
}

export function masteryChartSvg(chart: MasteryChart, id: string, title: string, description: string): SVGSVGElement {
  const root = chartRoot(chart.width, chart.height, id, title, description);
  for (const bar of chart.bars) {
    root.append(
      svg('text', { x: 0, y: bar.textY, class: 'label' }, bar.label),
      svg('text', { x: chart.width, y: bar.textY, 'text-anchor': 'end', class: 'value' }, bar.valueText),
      svg('rect', { x: 0, y: bar.barY, width: chart.width, height: chart.barHeight, rx: 3, class: 'track' }),
    );
    if (bar.barWidth > 0) root.append(svg('rect', { x: 0, y: bar.barY, width: bar.barWidth, height: chart.barHeight, rx: 3, class: 'bar' }));
  }
  return root;
}

export function scoreChartSvg(chart: ScoreChart, id: string, title: string, description: string): SVGSVGElement {
  const root = chartRoot(chart.width, chart.height, id, title, description);
  const { left, right, bottom } = chart.plot;
  for (const tick of chart.ticks) {
    root.append(
      svg('line', { x1: left, x2: right, y1: tick.y, y2: tick.y, class: 'grid' }),
      svg('text', { x: left - 6, y: tick.y + 4, 'text-anchor': 'end', class: 'tick' }, String(tick.value)),
    );
  }
  if (chart.passY !== null) {
    root.append(
      svg('line', { x1: left, x2: right, y1: chart.passY, y2: chart.passY, class: 'pass' }),
      svg('text', { x: right, y: chart.passY - 4, 'text-anchor': 'end', class: 'pass-label' }, '及格线'),
    );
  }
  if (chart.path) root.append(svg('path', { d: chart.path, class: 'line' }));
  for (const point of chart.points) {
    root.append(svg('circle', { cx: point.x, cy: point.y, r: 4, class: 'point' }));
    if (point.label) root.append(svg('text', { x: point.x, y: bottom + 18, 'text-anchor': 'middle', class: 'tick' }, point.label));
  }
  return root;
}
