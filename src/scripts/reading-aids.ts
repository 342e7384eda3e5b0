/** `<reading-aids>`: a progress bar for the chapter and a remembered 已学完 toggle. */
import { READ_KEY_PREFIX } from './read-flags.ts';

// The table of contents is a sidebar on wide screens: open it there (it starts closed for phones).
const toc = document.querySelector<HTMLDetailsElement>('.toc details');
if (toc && matchMedia('(min-width: 64rem)').matches) toc.open = true;

class ReadingAids extends HTMLElement {
  connectedCallback() {
    const chapter = this.dataset['chapter'];
    const bar = this.querySelector<HTMLElement>('.reading-progress');
    const button = this.querySelector<HTMLButtonElement>('.mark-read');
    const status = this.querySelector<HTMLElement>('.status');
    if (!chapter || !bar || !button || !status) return;

    const update = () => {
      const max = document.documentElement.scrollHeight - innerHeight;
      bar.style.width = `${max > 0 ? Math.min(100, (scrollY / max) * 100) : 100}%`;
    };
    addEventListener('scroll', update, { passive: true });
    update();

    const key = READ_KEY_PREFIX + chapter;
    const render = (read: boolean) => {
      button.setAttribute('aria-pressed', String(read));
      button.textContent = read ? '已学完 ✓（点击取消）' : '标记为已学完';
    };
    render(readFlag(key));
    button.addEventListener('click', () => {
      const read = button.getAttribute('aria-pressed') !== 'true';
      try {
        if (read) localStorage.setItem(key, new Date().toISOString());
        else localStorage.removeItem(key);
        render(read);
        status.textContent = read ? '已记录：本章已学完。' : '已取消“已学完”标记。';
      } catch {
        status.textContent = '无法保存到本设备（存储已满或被禁用），本次标记不会被记住。';
      }
    });
  }
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

customElements.define('reading-aids', ReadingAids);
