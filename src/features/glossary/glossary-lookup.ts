/**
 * `<glossary-lookup>`: instant lookup over every glossary term. The terms (with pinyin) are
 * fetched on first use — focusing or typing in the box — so the page itself stays small; a
 * traditional-character query loads the converter the first time one is typed.
 */
import { loadGlossary, type GlossaryEntry } from '../../ui/content.ts';
import { el, errorText, link, ref } from '../../ui/dom.ts';
import { createGlossarySearch } from './search.ts';

type ToSimplified = (text: string) => string;
type Lookup = ReturnType<typeof createGlossarySearch>;

let converter: Promise<ToSimplified> | undefined;

function loadConverter(): Promise<ToSimplified> {
  converter ??= import('opencc-js/t2cn').then((OpenCC) => OpenCC.Converter({ from: 't', to: 'cn' }));
  return converter;
}

const HAN = /[\u3400-\u9fff]/;
/** Hits shown at most; the status line says when there are more. */
const LIMIT = 30;

class GlossaryLookup extends HTMLElement {
  #entries: GlossaryEntry[] = [];
  #lookup: Lookup | null = null;
  #loading: Promise<void> | null = null;
  #converting = false;

  connectedCallback() {
    const input = ref<HTMLInputElement>(this, 'query');
    input.addEventListener('focus', () => void this.#load());
    input.addEventListener('input', () => {
      if (!this.#converting && HAN.test(input.value)) {
        this.#converting = true;
        // Built over the terms, so it waits for them too: the converter may well arrive first.
        void Promise.all([loadConverter(), this.#load()]).then(([toSimplified]) => {
          this.#lookup = createGlossarySearch(this.#entries, toSimplified);
          this.#show();
        });
      }
      void this.#load().then(() => this.#show());
    });
    const query = new URLSearchParams(location.search).get('q');
    if (query) {
      input.value = query;
      input.dispatchEvent(new Event('input'));
    }
  }

  #load(): Promise<void> {
    this.#loading ??= loadGlossary().then(
      (entries) => {
        this.#entries = entries;
        this.#lookup ??= createGlossarySearch(entries);
      },
      (error: unknown) => {
        this.#loading = null;
        ref(this, 'status').textContent = `术语表没有加载成功：${errorText(error)}`;
      },
    );
    return this.#loading;
  }

  #show() {
    const query = ref<HTMLInputElement>(this, 'query').value;
    const results = ref(this, 'results');
    const status = ref(this, 'status');
    if (!query.trim() || !this.#lookup) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    const hits = this.#lookup(query, LIMIT);
    results.replaceChildren(
      ...hits.flatMap((index) => {
        const entry = this.#entries[index];
        if (!entry) return [];
        const item = el('li', 'glossary-item');
        item.append(el('p', 'term', entry.name), el('p', 'definition', entry.definition), link(entry.href, entry.place));
        return [item];
      }),
    );
    status.textContent = hits.length ? `找到 ${hits.length} 个术语${hits.length === LIMIT ? `（只显示最接近的 ${LIMIT} 个）` : ''}` : '没有找到，换个写法试试（可以输入拼音或首字母）。';
  }
}

customElements.define('glossary-lookup', GlossaryLookup);
