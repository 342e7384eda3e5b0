/** `<glossary-lookup>`: filters the glossary as you type; traditional input is converted on first use. */
import { createGlossarySearch, type GlossaryEntry } from './glossary-search.ts';

type ToSimplified = (text: string) => string;
let converter: Promise<ToSimplified> | undefined;

function loadConverter(): Promise<ToSimplified> {
  converter ??= import('opencc-js/t2cn').then((OpenCC) => OpenCC.Converter({ from: 't', to: 'cn' }));
  return converter;
}

class GlossaryLookup extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('input');
    const status = this.querySelector<HTMLElement>('.status');
    const data = this.querySelector('.glossary-data');
    const items = [...this.querySelectorAll<HTMLElement>('.glossary-item')];
    if (!input || !status || !data) return;
    const entries = JSON.parse(data.textContent ?? '[]') as GlossaryEntry[];
    let lookup = createGlossarySearch(entries);
    let converterReady = false;

    const show = () => {
      const query = input.value;
      if (!query.trim()) {
        for (const item of items) item.hidden = false;
        status.textContent = '';
        return;
      }
      const hits = lookup(query, items.length);
      const order = new Map(hits.map((index, rank) => [index, rank]));
      for (const item of items) {
        const rank = order.get(Number(item.dataset['index']));
        item.hidden = rank === undefined;
        item.style.order = String(rank ?? 0);
      }
      status.textContent = hits.length ? `找到 ${hits.length} 个术语` : '没有找到，换个写法试试（可以输入拼音或首字母）。';
    };

    input.addEventListener('input', () => {
      if (!converterReady && /[\u3400-\u9fff]/.test(input.value)) {
        converterReady = true;
        void loadConverter().then((toSimplified) => {
          lookup = createGlossarySearch(entries, toSimplified);
          show();
        });
      }
      show();
    });
  }
}

customElements.define('glossary-lookup', GlossaryLookup);
