/** `<theme-toggle>`: flips between light and dark and remembers the choice in localStorage. */
const STORAGE_KEY = 'theme';

function currentTheme(): 'light' | 'dark' {
  const set = document.documentElement.dataset['theme'];
  if (set === 'light' || set === 'dark') return set;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    const render = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    render();
    button.addEventListener('click', () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode or a full quota: the choice still applies to this page.
      }
      render();
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
