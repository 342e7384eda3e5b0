/** `<site-search>`: the header search dialog. The search code itself is imported on first open. */
import { ref } from '../../ui/dom.ts';

class SiteSearch extends HTMLElement {
  #run: ((query: string) => Promise<void>) | undefined;

  connectedCallback() {
    const dialog = ref<HTMLDialogElement>(this, 'dialog');
    ref(this, 'open').addEventListener('click', () => void this.open());
    ref(this, 'close').addEventListener('click', () => dialog.close());
    // A search field with text swallows the first Escape (it clears the text); close anyway.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      dialog.close();
    });
    // A tap on the backdrop closes the dialog, as on every phone app.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      void this.open();
    });
  }

  async open() {
    const dialog = ref<HTMLDialogElement>(this, 'dialog');
    const input = ref<HTMLInputElement>(this, 'input');
    dialog.showModal();
    input.focus();
    if (!this.#run) {
      const { bindSearchBox } = await import('./section-search.ts');
      this.#run = bindSearchBox(input, ref<HTMLOListElement>(this, 'results'), ref(this, 'status'));
      if (input.value) void this.#run(input.value);
    }
  }
}

customElements.define('site-search', SiteSearch);
