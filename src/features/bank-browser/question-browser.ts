/**
 * `<question-browser>`: the 题库 page. Fetches the catalog and every chapter's bank file in
 * parallel, then filters and searches as the controls change, mirrors the filter in the URL, and
 * shows results 50 at a time.
 */
import type { Difficulty } from '../../quiz/index.ts';
import { loadBank, loadCatalog } from '../../ui/content.ts';
import { ref } from '../../ui/dom.ts';
import {
  bankEntries,
  createBankSearch,
  filterFromQuery,
  filterToQuery,
  type BankEntry,
  type BankFilter,
  type BrowserChapter,
  type EntryType,
} from './filter.ts';
import { renderEntry } from './render.ts';

const PAGE_SIZE = 50;
const DEBOUNCE_MS = 150;


class QuestionBrowser extends HTMLElement {
  #chapters: BrowserChapter[] = [];
  #find: ((filter: BankFilter) => BankEntry[]) | undefined;
  #results: BankEntry[] = [];
  #shown = 0;

  connectedCallback() {
    const form = ref<HTMLFormElement>(this, 'form');
    const query = ref<HTMLInputElement>(this, 'query');
    const chapter = ref<HTMLSelectElement>(this, 'chapter');
    const section = ref<HTMLSelectElement>(this, 'section');
    const type = ref<HTMLSelectElement>(this, 'type');
    const difficulty = ref<HTMLSelectElement>(this, 'difficulty');
    const status = ref(this, 'status');
    const retry = ref<HTMLButtonElement>(this, 'retry');
    const list = ref<HTMLOListElement>(this, 'results');
    const more = ref<HTMLButtonElement>(this, 'more');

    const fillSections = () => {
      const sections = this.#chapters.find((c) => c.id === chapter.value)?.sections ?? [];
      const all = new Option('全部', '');
      section.replaceChildren(all, ...sections.map((s) => new Option(s.title, s.id)));
      section.disabled = sections.length === 0;
    };

    const readControls = (): BankFilter => ({
      chapter: chapter.value || undefined,
      section: section.value || undefined,
      type: (type.value || undefined) as EntryType | undefined,
      difficulty: difficulty.value ? (Number(difficulty.value) as Difficulty) : undefined,
      query: query.value,
    });

    const writeControls = (filter: BankFilter) => {
      // A select keeps its old value when asked for one it lacks, so unknown ids fall back to 全部.
      const choose = (select: HTMLSelectElement, value: string) => {
        select.value = value;
        if (select.value !== value) select.value = '';
      };
      choose(chapter, filter.chapter ?? '');
      fillSections();
      choose(section, filter.section ?? '');
      choose(type, filter.type ?? '');
      choose(difficulty, filter.difficulty ? String(filter.difficulty) : '');
      query.value = filter.query ?? '';
    };

    const showMore = (): HTMLLIElement | undefined => {
      const next = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE).map((entry) => renderEntry(entry, this.#chapters));
      list.append(...next);
      this.#shown += next.length;
      const rest = this.#results.length - this.#shown;
      more.hidden = rest <= 0;
      more.textContent = `显示更多（还有 ${rest} 题）`;
      return next[0];
    };

    const apply = () => {
      const filter = readControls();
      const search = filterToQuery(filter);
      history.replaceState(history.state, '', search ? `?${search}` : location.pathname);
      if (!this.#find) return;
      this.#results = this.#find(filter);
      this.#shown = 0;
      list.replaceChildren();
      showMore();
      status.textContent = this.#results.length
        ? `共 ${this.#results.length} 题`
        : '没有符合条件的题目。可以换个关键词，或放宽章节、小节、题型和难度的筛选。';
    };

    const load = async () => {
      status.textContent = '正在载入题库……';
      retry.hidden = true;
      try {
        const catalog = await loadCatalog();
        this.#chapters = catalog.chapters.map(({ id, title, sections }) => ({ id, title, href: `/chapters/${id}/`, sections }));
        const banks = await Promise.all(catalog.chapters.map(async (c) => ({ chapter: c.id, ...(await loadBank([c.id])) })));
        this.#find = createBankSearch(bankEntries(banks));
        // The sections of a chapter named in the URL are known only now.
        writeControls(filterFromQuery(new URLSearchParams(location.search)));
        apply();
      } catch (error) {
        console.error(error);
        status.textContent = '题库载入失败，可能是网络中断了。请检查网络后点“重新载入”。';
        retry.hidden = false;
      }
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    query.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(apply, DEBOUNCE_MS);
    });
    chapter.addEventListener('change', () => {
      fillSections();
      apply();
    });
    for (const select of [section, type, difficulty]) select.addEventListener('change', apply);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      apply();
    });
    form.addEventListener('reset', (event) => {
      event.preventDefault();
      writeControls({});
      apply();
    });
    more.addEventListener('click', () => showMore()?.focus());
    retry.addEventListener('click', () => void load());

    writeControls(filterFromQuery(new URLSearchParams(location.search)));
    void load();
  }
}

customElements.define('question-browser', QuestionBrowser);
