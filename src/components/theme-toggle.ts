/**
 * `<theme-toggle>`: flips between light and dark and remembers the choice in the device store.
 * The page's first inline script (BaseLayout) applies a stored choice before painting.
 */
import type { Theme } from '../quiz/index.ts';

/** The browser bar follows the page: the brand blue in light, the page colour in dark. */
export const THEME_COLOURS: Readonly<Record<Theme, string>> = { light: '#0b5cad', dark: '#15181c' };

function currentTheme(): Theme {
  const set = document.documentElement.dataset['theme'];
  if (set === 'light' || set === 'dark') return set;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Points every theme-color meta tag at the chosen theme's colour (the media queries no longer apply). */
function applyThemeColour(theme: Theme): void {
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) meta.content = THEME_COLOURS[theme];
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
      applyThemeColour(next);
      render();
      // Remembered through the device store, whose code loads on first use: the toggle is on every
      // page, and the store need not be.
      const updatedAt = Date.now();
      void import('./theme-save.ts').then(({ rememberTheme }) => rememberTheme(next, updatedAt));
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
