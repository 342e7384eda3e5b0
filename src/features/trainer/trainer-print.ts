/**
 * `<trainer-print>`: the assignment's shared paper as a printable exam paper, or its answer key —
 * for a skills paper, the items with room to write and the marking scheme (print-written.ts).
 * Only the view asked for is in the page, so the paper view holds no answers at all. The view is
 * kept in the fragment (`&key=1`), so the trainer page can link straight to either.
 */
import { isWrittenPaper } from '../../quiz/index.ts';
import type { AnyPaper, ObjectiveType, Paper, PaperItem } from '../../quiz/index.ts';
import { chaptersToLoad, checkAssignment, decodeAssignment, encodeAssignment, POLICY_NAMES, type AssignmentSpec } from '../../quiz/trainer/index.ts';
import { SITE_NAME } from '../../site.ts';
import { loadBank, loadCatalog, sectionUrl, type Catalog } from '../../ui/content.ts';
import { el, link, ref } from '../../ui/dom.ts';
import { formatPoints } from '../../ui/format.ts';
import { answerText, LETTERS, partNumeral, typeHeading } from '../../ui/labels.ts';
import { moduleLabel } from './modules.ts';
import { dueText, fragmentFor, readFragment } from './text.ts';

const TYPE_RULES: Record<ObjectiveType, string> = {
  single: '每题只有一个正确答案，把答案的字母填在括号内',
  multiple: '每题有两个或两个以上正确答案，把答案的字母都填在括号内',
  judge: '正确的在括号内打“√”，错误的打“×”',
};

/** Consecutive items of one part and type, as a paper prints them under one heading. */
interface Group {
  title: string;
  type: ObjectiveType;
  items: { item: PaperItem; number: number; points: number }[];
}

function groupsOf(paper: Paper): Group[] {
  const groups: Group[] = [];
  paper.items.forEach((item, index) => {
    const part = paper.parts[item.part];
    const points = part && part.count > 0 ? part.points / part.count : 1;
    const last = groups.at(-1);
    const key = `${item.part}:${item.question.type}`;
    if (last && `${last.items[0]?.item.part}:${last.type}` === key) {
      last.items.push({ item, number: index + 1, points });
      return;
    }
    const prefix = paper.parts.length > 1 && part ? `${part.title} · ` : '';
    groups.push({ title: `${prefix}${typeHeading(item.question.type)}`, type: item.question.type, items: [{ item, number: index + 1, points }] });
  });
  return groups;
}

function groupHeading(group: Group, index: number): string {
  const total = group.items.reduce((sum, i) => sum + i.points, 0);
  const each = group.items[0]?.points ?? 0;
  const same = group.items.every((i) => Math.abs(i.points - each) < 1e-9);
  const points = same && Number.isInteger(Math.round(each * 100) / 100) ? `每题 ${formatPoints(each)} 分，` : '';
  return `${partNumeral(index)}、${group.title}（${points}共 ${group.items.length} 题，计 ${formatPoints(total)} 分）`;
}

/** The answer as a printed key gives it: √ or × for a 判断 (as learners mark it on paper), the letters otherwise. */
function printedAnswer(item: PaperItem): string {
  const { question } = item;
  if (question.type === 'judge') return answerText(question, question.answer) === '正确' ? '√（正确）' : '×（错误）';
  return answerText(question, question.answer);
}

function renderPaper(spec: AssignmentSpec, paper: Paper): Node[] {
  const max = paper.parts.reduce((sum, p) => sum + p.points, 0);
  const meta = el(
    'p',
    'meta-line',
    [
      `培训师：${spec.trainer}`,
      spec.minutes > 0 ? `考试时间：${spec.minutes} 分钟` : '不限时',
      `满分 ${formatPoints(max)} 分，${formatPoints(paper.passMark)} 分及格`,
    ].join('　'),
  );
  const boxes = el('div', 'boxes');
  for (const label of ['姓名', '得分']) {
    const box = el('div', 'box');
    box.append(el('span', 'label', label), el('span', 'blank'));
    boxes.append(box);
  }
  const groups = groupsOf(paper);
  const rules = groups.map((g) => `${typeHeading(g.type)}：${TYPE_RULES[g.type]}`);
  if (groups.some((g) => g.type === 'multiple')) rules.push(`多选题计分：${POLICY_NAMES[spec.multiplePolicy]}`);
  const instructions = el('p', 'instructions', `作答说明：${rules.join('；')}。`);
  const nodes: Node[] = [meta, boxes, instructions];
  groups.forEach((group, g) => {
    const section = el('section');
    section.append(el('h2', undefined, groupHeading(group, g)));
    const list = el('ol', 'questions');
    for (const { item, number } of group.items) {
      const li = el('li', 'q');
      const stem = item.question.stem;
      // Stems of choice questions carry their own bracket （  ）; 判断 gets one at the end.
      const blank = item.question.type === 'judge' || !/[（(]\s*[）)]/.test(stem) ? '（　　）' : '';
      li.append(el('p', 'stem', `${number}. ${stem}${blank}`));
      if (item.question.type !== 'judge') {
        const opts = el('ol', 'opts');
        item.question.options.forEach((text, i) => opts.append(el('li', undefined, `${LETTERS[i] ?? '?'}. ${text}`)));
        li.append(opts);
      }
      list.append(li);
    }
    section.append(list);
    nodes.push(section);
  });
  return nodes;
}

function renderKey(spec: AssignmentSpec, paper: Paper, catalog: Catalog): Node[] {
  const nodes: Node[] = [el('p', 'meta-line', `培训师：${spec.trainer}　仅供培训师使用，请勿发给学员`)];
  const grid = el('ol', 'answer-grid');
  grid.setAttribute('aria-label', '答案速查');
  paper.items.forEach((item, i) => grid.append(el('li', undefined, `${i + 1}. ${printedAnswer(item)}`)));
  nodes.push(el('h2', undefined, '答案速查'), grid, el('h2', undefined, '逐题解析'));
  const list = el('ol', 'questions');
  paper.items.forEach((item, i) => {
    const li = el('li', 'key-item');
    const { question } = item;
    li.append(el('p', 'stem', `${i + 1}. ${question.stem}`));
    const answer = el('p', 'answer', `答案：${printedAnswer(item)}`);
    const where = el('p');
    const key = `${question.chapter}#${question.section}`;
    where.append('所属小节：', link(sectionUrl(question.chapter, question.section), moduleLabel(key, catalog.chapters)));
    li.append(answer, el('p', undefined, `解析：${question.explanation}`), where);
    list.append(li);
  });
  nodes.push(list);
  return nodes;
}

class TrainerPrint extends HTMLElement {
  #spec: AssignmentSpec | null = null;
  #paper: AnyPaper | null = null;
  #catalog: Catalog | null = null;

  connectedCallback() {
    void this.#open();
    window.addEventListener('hashchange', () => {
      const { code } = readFragment(location.hash);
      if (this.#spec && code === encodeAssignment(this.#spec)) void this.#render();
      else location.reload();
    });
  }

  get #loading(): HTMLElement {
    return ref(this, 'loading');
  }

  get #viewPaper(): HTMLButtonElement {
    return ref<HTMLButtonElement>(this, 'view-paper');
  }

  get #viewKey(): HTMLButtonElement {
    return ref<HTMLButtonElement>(this, 'view-key');
  }

  get #printKey(): HTMLButtonElement {
    return ref<HTMLButtonElement>(this, 'print-key');
  }

  #fail(message: string): void {
    this.#loading.hidden = true;
    const problem = ref(this, 'problem');
    problem.textContent = message;
    problem.hidden = false;
  }

  async #open(): Promise<void> {
    const { code } = readFragment(location.hash);
    if (!code) return this.#fail('没有找到作业：请从培训师页面的“打印试卷”按钮打开，或打开完整的作业链接。');
    const decoded = decodeAssignment(code);
    if (!decoded.ok) return this.#fail(`这个作业链接打不开：${decoded.error.message}。`);
    const spec = decoded.value;
    this.#spec = spec;
    let catalog: Catalog;
    let bank: Awaited<ReturnType<typeof loadBank>>;
    try {
      catalog = await loadCatalog();
      bank = await loadBank(chaptersToLoad(spec, catalog.chapters));
    } catch {
      return this.#fail('题库没能加载：请检查网络后刷新页面。');
    }
    const check = checkAssignment(spec, catalog, bank);
    if (!check.paper.ok) return this.#fail(`无法组卷：${check.problems.join('；')}`);
    this.#catalog = catalog;
    this.#paper = check.paper.value;
    if (check.problems.length > 0) {
      const stale = ref(this, 'stale');
      stale.textContent = `这份作业里有些内容本站已经没有了，试卷按还在的内容出题：${check.problems.join('；')}`;
      stale.hidden = false;
    }
    this.#loading.hidden = true;
    ref(this, 'controls').hidden = false;
    ref(this, 'variant-note').hidden = spec.variant !== 'per-learner';
    if (isWrittenPaper(check.paper.value)) {
      this.#viewKey.textContent = '看评分标准';
      this.#printKey.textContent = '打印评分标准与参考答案';
    }

    const show = (key: boolean, print: boolean) => {
      history.replaceState(null, '', fragmentFor(code, key));
      void this.#render().then(() => {
        if (print) window.print();
      });
    };
    this.#viewPaper.addEventListener('click', () => show(false, false));
    this.#viewKey.addEventListener('click', () => show(true, false));
    ref(this, 'print-paper').addEventListener('click', () => show(false, true));
    this.#printKey.addEventListener('click', () => show(true, true));
    void this.#render();
  }

  async #render(): Promise<void> {
    const spec = this.#spec;
    const paper = this.#paper;
    const catalog = this.#catalog;
    if (!spec || !paper || !catalog) return;
    const sheet = ref(this, 'sheet');
    const title = ref(this, 'title');
    const { key } = readFragment(location.hash);
    const written = isWrittenPaper(paper);
    title.textContent = key ? `${spec.title} · ${written ? '评分标准与参考答案' : '答案与解析'}` : spec.title;
    document.title = `${title.textContent} · 打印 · ${SITE_NAME}`;
    this.#viewPaper.setAttribute('aria-pressed', String(!key));
    this.#viewKey.setAttribute('aria-pressed', String(key));
    if (written) {
      // The skills paper's views load with the first skills paper, not with every print page.
      const { renderWrittenKey, renderWrittenPaper } = await import('./print-written.ts');
      sheet.replaceChildren(...(key ? renderWrittenKey(spec, paper, catalog) : renderWrittenPaper(spec, paper)));
    } else {
      sheet.replaceChildren(...(key ? renderKey(spec, paper, catalog) : renderPaper(spec, paper)));
    }
    if (spec.due !== null && !key) sheet.prepend(el('p', 'meta-line', `截止：${dueText(spec)}`));
  }
}

customElements.define('trainer-print', TrainerPrint);
