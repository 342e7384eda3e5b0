/** `<search-page>`: runs `?q=` on load and every query typed or submitted, keeping it in the URL. */
import { ref } from '../../ui/dom.ts';
import { bindSearchBox } from './section-search.ts';

class SearchPage extends HTMLElement {
  connectedCallback() {
    const input = ref<HTMLInputElement>(this, 'input');
    const run = bindSearchBox(input, ref<HTMLOListElement>(this, 'results'), ref(this, 'status'));
    const query = new URLSearchParams(location.search).get('q');
    if (query) {
      input.value = query;
      void run(query);
    }
    ref(this, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
      void run(input.value);
    });
  }
}

customElements.define('search-page', SearchPage);
