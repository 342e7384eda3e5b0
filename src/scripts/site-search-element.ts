/** `<site-search>`: the header search dialog. The search code itself is imported on first open. */
class SiteSearch extends HTMLElement {
  #run: ((query: string) => Promise<void>) | undefined;

  connectedCallback() {
    const dialog = this.querySelector('dialog');
    const opener = this.querySelector<HTMLButtonElement>('button.open');
    if (!dialog || !opener) return;
    opener.addEventListener('click', () => void this.open(dialog));
    this.querySelector('button.close')?.addEventListener('click', () => dialog.close());
    // A search field with text swallows the first Escape (it clears the text); close anyway.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      dialog.close();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      void this.open(dialog);
    });
  }

  async open(dialog: HTMLDialogElement) {
    dialog.showModal();
    const input = dialog.querySelector('input');
    const list = dialog.querySelector('ol');
    const status = dialog.querySelector<HTMLElement>('.status');
    if (!input || !list || !status) return;
    input.focus();
    if (!this.#run) {
      const { bindSearchBox } = await import('./section-search.ts');
      this.#run = bindSearchBox(input, list, status);
      if (input.value) void this.#run(input.value);
    }
  }
}

customElements.define('site-search', SiteSearch);
