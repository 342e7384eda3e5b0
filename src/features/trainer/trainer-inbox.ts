/**
 * `<trainer-inbox>`: the results inbox and class report of the assignment picked in its select.
 * Codes arrive pasted (many at once, chat text and all) or as files (result files, exported
 * inboxes), dropped or chosen. They are checked in slices (`startImport`, `runInSlices`) with a
 * progress bar, so hundreds of codes never freeze the page, and each is reported on its own row;
 * the inbox is saved on the device once an import completes, and the report is redrawn from it.
 */
import {
  chaptersToLoad,
  codesNotTakenIn,
  inboxResults,
  learnerKey,
  mixTotal,
  paperSeed,
  redrawPaper,
  serializeInbox,
  startImport,
  VARIANT_NAMES,
  type AssignmentSpec,
  type Inbox,
  type InboxReportRow,
  type InboxStatus,
  type AnyResultCode,
  type RedrawnPaper,
} from '../../quiz/trainer/index.ts';
import { loadBank, loadCatalog } from '../../ui/content.ts';
import { deviceStore } from '../../ui/device-store.ts';
import { download, el, readFiles, ref, runInSlices } from '../../ui/dom.ts';
import { table } from '../../ui/table.ts';
import { renderReport, type ReportInput } from './report.ts';
import { loadInbox, saveInbox } from './inbox-store.ts';
import { ASSIGNMENTS_CHANGED, INBOX_CHANGED, loadAssignments, OPEN_REPORT } from './store.ts';
import { dueText, fileName, rulesText } from './text.ts';

const STATUS_NAMES: Record<InboxStatus, string> = {
  accepted: '已接收',
  duplicate: '重复',
  'wrong-assignment': '另一份作业',
  corrupt: '损坏',
};

interface Source {
  /** Where the codes came from: 粘贴, or a file name. */
  label: string;
  rows: InboxReportRow[];
}

/** Rows listed in the import table; the summary above it counts them all. */
const ROWS_SHOWN = 200;

/** What the report needs besides the results: the items' texts and each learner's paper. */
type ReportSources = Pick<ReportInput, 'questions' | 'cases' | 'chapters' | 'paperFor'>;

class TrainerInbox extends HTMLElement {
  #specs: AssignmentSpec[] = [];
  #spec: AssignmentSpec | null = null;
  #inbox: Inbox | null = null;
  #reportTicket = 0;
  #sources: { specId: string; loading: Promise<ReportSources> } | null = null;
  /** The import under way, if any: one at a time, and a change of assignment stops it. */
  #importing: { cancelled: boolean } | null = null;

  get #files(): HTMLInputElement {
    return ref<HTMLInputElement>(this, 'files');
  }

  /** What the last import found, code by code. */
  get #added(): HTMLElement {
    return ref(this, 'added');
  }

  connectedCallback() {
    const select = ref<HTMLSelectElement>(this, 'assignment');
    const form = ref<HTMLFormElement>(this, 'paste');
    const textarea = ref<HTMLTextAreaElement>(this, 'codes');
    const files = this.#files;
    const drop = ref(this, 'drop');

    // Opened from 「我的作业」 before this module had loaded (TrainerInbox.astro): open that one.
    const opened = this.dataset['open'] ?? null;
    this.#loadSpecs(select, opened);
    if (opened !== null) {
      select.focus();
      this.scrollIntoView({ block: 'start' });
    }
    select.addEventListener('change', () => this.#open(select.value));
    document.addEventListener(ASSIGNMENTS_CHANGED, (event) => {
      this.#loadSpecs(select, (event as CustomEvent<string>).detail);
    });
    document.addEventListener(OPEN_REPORT, (event) => {
      const id = (event as CustomEvent<string>).detail;
      this.#loadSpecs(select, id);
      select.focus();
      this.scrollIntoView({ block: 'start' });
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!textarea.value.trim()) {
        this.#showAdded([], '框里没有内容：请先粘贴结果码。');
        return;
      }
      void this.#add([{ label: '粘贴', text: textarea.value }]).then((sources) => {
        const rows = sources?.flatMap((source) => source.rows) ?? [];
        if (rows.length === 0) return;
        // The chat is done with; only the codes that did not go in stay, for the trainer to fix.
        textarea.value = codesNotTakenIn(rows).join('\n');
      });
    });
    ref(this, 'cancel-import').addEventListener('click', () => {
      if (this.#importing) this.#importing.cancelled = true;
    });
    files.addEventListener('change', () => {
      void this.#addFiles(files.files ?? []).then(() => {
        files.value = '';
      });
    });
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('is-over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('is-over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('is-over');
      void this.#addFiles(event.dataTransfer?.files ?? []);
    });
    ref(this, 'export').addEventListener('click', () => {
      if (!this.#spec || !this.#inbox) return;
      download(fileName([this.#spec.title, '收件箱'], 'json'), serializeInbox(this.#inbox), 'application/json');
    });
  }

  /** Refills the select from the device; selects `preferred` if given, else keeps the selection. */
  #loadSpecs(select: HTMLSelectElement, preferred: string | null): void {
    const { specs } = loadAssignments(deviceStore());
    this.#specs = specs;
    const keep = preferred ?? select.value;
    select.replaceChildren(...specs.map((s) => new Option(`${s.title}（${new Date(s.createdAt * 1000).toLocaleDateString('zh-CN')} 创建）`, s.id)));
    ref(this, 'empty').hidden = specs.length > 0;
    select.disabled = specs.length === 0;
    const id = specs.some((s) => s.id === keep) ? keep : (specs[0]?.id ?? '');
    select.value = id;
    if (id && (id !== this.#spec?.id || preferred !== null)) this.#open(id);
    else if (!id) this.#close();
  }

  #close(): void {
    this.#spec = null;
    this.#inbox = null;
    ref(this, 'inbox-body').hidden = true;
  }

  #open(id: string): void {
    if (this.#importing && id !== this.#spec?.id) this.#importing.cancelled = true;
    const spec = this.#specs.find((s) => s.id === id);
    if (!spec) return this.#close();
    const changed = spec.id !== this.#spec?.id;
    this.#spec = spec;
    const loaded = loadInbox(deviceStore(), spec);
    this.#inbox = loaded.inbox;
    this.#showStorageProblem(loaded.problem);
    ref(this, 'inbox-body').hidden = false;
    const total = mixTotal(spec, []);
    ref(this, 'facts').textContent = `培训师：${spec.trainer} · 截止：${dueText(spec)} · ${rulesText(spec, total)} · ${VARIANT_NAMES[spec.variant]} · 作业编号 ${spec.id}`;
    if (changed) this.#added.hidden = true;
    this.#renderCount();
    void this.#renderReport();
  }

  #showStorageProblem(message: string | null): void {
    const box = ref(this, 'storage-problem');
    box.textContent = message ?? '';
    box.hidden = message === null;
  }

  async #addFiles(list: Iterable<File>): Promise<void> {
    const read = await readFiles(list);
    if (read.length === 0) return;
    const unreadable = read.filter((f) => f.text === null).map((f) => f.name);
    await this.#add(read.filter((f): f is { name: string; size: number; text: string } => f.text !== null).map((f) => ({ label: f.name, text: f.text })), unreadable);
  }

  /**
   * Checks each input in slices, then adds what was accepted to the inbox and saves it, and
   * reports every code found. Null when another import is running or this one was stopped (by the
   * trainer, or by opening another assignment): then nothing was added.
   */
  async #add(inputs: { label: string; text: string }[], unreadable: string[] = []): Promise<Source[] | null> {
    const spec = this.#spec;
    const inbox = this.#inbox;
    if (!spec || !inbox || this.#importing) return null;
    const job = { cancelled: false };
    this.#importing = job;
    const run = startImport(
      inbox,
      inputs.map((input) => input.text),
      spec,
    );
    const progress = this.#showProgress(run.total);
    let done: boolean;
    try {
      done = await runInSlices(() => run.step(1), { onYield: () => progress(run.done), cancelled: () => job.cancelled });
    } finally {
      this.#importing = null;
      progress(null);
    }
    if (!done) {
      this.#showAdded([], '已停止导入：这次的结果码都没有加入收件箱。');
      return null;
    }
    const added = run.finish();
    const sources = inputs.map((input, i): Source => ({ label: input.label, rows: added.report.filter((row) => row.source === i) }));
    this.#inbox = added.inbox;
    const saved = saveInbox(deviceStore(), added.inbox);
    this.#showStorageProblem(saved.ok ? null : `${saved.message}（结果仍显示在本页，请先导出收件箱文件。）`);
    const problems = unreadable.map((name) => `文件「${name}」无法读取`);
    this.#showAdded(sources, problems.join('；'));
    this.#renderCount();
    void this.#renderReport();
    document.dispatchEvent(new CustomEvent(INBOX_CHANGED, { detail: spec.id }));
    return sources;
  }

  /**
   * Shows the progress of an import of `total` codes; the returned function moves it on, or
   * (given null) hides it. The sentence is read out at most once a second, the bar moves freely.
   */
  #showProgress(total: number): (done: number | null) => void {
    const box = ref(this, 'importing');
    const bar = ref<HTMLProgressElement>(this, 'progress');
    const status = ref(this, 'import-status');
    const buttons = [ref<HTMLButtonElement>(this, 'add'), this.#files];
    for (const button of buttons) button.disabled = true;
    box.hidden = false;
    bar.max = Math.max(1, total);
    let said = 0;
    return (done) => {
      if (done === null) {
        box.hidden = true;
        for (const button of buttons) button.disabled = false;
        return;
      }
      bar.value = done;
      if (performance.now() - said > 1000) {
        said = performance.now();
        status.textContent = `正在检查结果码：${done} / ${total}……`;
      }
    };
  }

  #showAdded(sources: Source[], extra: string): void {
    const box = this.#added;
    const summary = ref(this, 'added-summary');
    const rowsBox = ref(this, 'added-rows');
    const rows = sources.flatMap((s) => s.rows.map((row) => ({ source: s.label, row })));
    const tally = (status: InboxStatus) => rows.filter((r) => r.row.status === status).length;
    const parts = (['accepted', 'duplicate', 'wrong-assignment', 'corrupt'] as const)
      .map((status) => (tally(status) > 0 ? `${STATUS_NAMES[status]} ${tally(status)} 个` : ''))
      .filter(Boolean);
    const found = rows.length === 0 ? '没有找到结果码' : `找到 ${rows.length} 个结果码：${parts.join('，')}`;
    // No sources: nothing was imported, and `extra` says why.
    summary.textContent = sources.length === 0 ? extra : extra ? `${found}。${extra}` : found;
    if (rows.length === 0) {
      rowsBox.replaceChildren();
    } else {
      const listed = rows.slice(0, ROWS_SHOWN);
      const t = table(
        ['序号', '来源', '内容', '结果', '说明'],
        listed.map(({ source, row }, i) => [String(i + 1), source, el('code', undefined, row.preview), STATUS_NAMES[row.status], row.message]),
        { caption: '本次导入的每个结果码', className: 'added-table' },
      );
      [...(t.tBodies[0]?.rows ?? [])].forEach((tr, i) => {
        const status = listed[i]?.row.status ?? 'corrupt';
        tr.dataset['status'] = status;
        tr.cells[3]?.classList.add(`status-${status}`);
      });
      const more = rows.length > ROWS_SHOWN ? el('p', 'hint', `只列出前 ${ROWS_SHOWN} 个，其余 ${rows.length - ROWS_SHOWN} 个已计入上面的统计。`) : null;
      rowsBox.replaceChildren(t, ...(more ? [more] : []));
    }
    box.hidden = false;
  }

  #renderCount(): void {
    if (!this.#inbox) return;
    const results = inboxResults(this.#inbox);
    const learners = new Set(results.map((r) => learnerKey(r.learner))).size;
    ref(this, 'count').textContent =
      results.length === 0 ? '收件箱是空的。' : `收件箱共 ${results.length} 份提交，来自 ${learners} 位学员（已保存在本设备上）。`;
  }

  async #renderReport(): Promise<void> {
    const spec = this.#spec;
    const inbox = this.#inbox;
    if (!spec || !inbox) return;
    const container = ref(this, 'report');
    const ticket = ++this.#reportTicket;
    const results = inboxResults(inbox);
    if (results.length === 0) {
      // Nothing to report: no need for the bank.
      renderReport(container, { spec, results, paperFor: () => ({ ok: false, error: '' }), questions: new Map(), cases: new Map(), chapters: [] });
      return;
    }
    if (container.childElementCount === 0) container.textContent = '正在生成报告……';
    let sources: ReportSources;
    try {
      sources = await this.#reportSources(spec);
    } catch {
      // Every row says the paper could not be redrawn, and shows the claim.
      sources = { questions: new Map(), cases: new Map(), chapters: [], paperFor: () => ({ ok: false, error: '题库没能加载（请检查网络后刷新）' }) };
    }
    if (ticket !== this.#reportTicket) return;
    renderReport(container, { spec, results, ...sources });
  }

  /**
   * The bank and the learners' redrawn papers behind an assignment's report, kept while the
   * assignment stays open: each import redraws only the papers of learners not seen before. A
   * failed load is forgotten, so the next report tries again.
   */
  #reportSources(spec: AssignmentSpec): Promise<ReportSources> {
    if (this.#sources?.specId !== spec.id) {
      const loading = (async (): Promise<ReportSources> => {
        const catalog = await loadCatalog();
        const bank = await loadBank(chaptersToLoad(spec, catalog.chapters));
        // One paper per seed: the shared paper once, a per-learner paper once per learner.
        const papers = new Map<string, RedrawnPaper>();
        const paperFor = (result: AnyResultCode): RedrawnPaper => {
          const learner = spec.variant === 'per-learner' ? result.learner : null;
          const seed = paperSeed(spec, learner);
          let paper = papers.get(seed);
          if (!paper) papers.set(seed, (paper = redrawPaper(spec, catalog, bank, learner)));
          return paper;
        };
        return {
          questions: new Map(bank.questions.map((q) => [q.id, q])),
          cases: new Map(bank.cases.map((item) => [item.id, item])),
          chapters: catalog.chapters,
          paperFor,
        };
      })();
      this.#sources = { specId: spec.id, loading };
      loading.catch(() => {
        if (this.#sources?.loading === loading) this.#sources = null;
      });
    }
    return this.#sources.loading;
  }
}

customElements.define('trainer-inbox', TrainerInbox);
