/**
 * `<reading-aids>`: the chapter page's reading progress bar, its remembered 已学完 toggle, and the
 * place the learner has read to (the last section heading scrolled past), which the home page
 * offers as 继续学习. All three live in the device store like everything else.
 */
import { loadReadFlags, saveLastRead, saveReadFlag } from '../../quiz/index.ts';
import { describeStorageProblems, deviceStore } from '../../ui/device-store.ts';
import { ref } from '../../ui/dom.ts';

// The table of contents is a sidebar on wide screens: open it there (it starts closed for phones).
const toc = document.querySelector<HTMLDetailsElement>('.toc details');
if (toc && matchMedia('(min-width: 64rem)').matches) toc.open = true;

/** The reading place is saved once the learner settles on a section, not on every scroll event. */
const PLACE_SAVE_MS = 1500;

class ReadingAids extends HTMLElement {
  connectedCallback() {
    const chapter = this.dataset['chapter'];
    if (!chapter) return;
    const store = deviceStore();
    const bar = ref(this, 'progress');
    const button = ref<HTMLButtonElement>(this, 'mark-read');
    const status = ref(this, 'status');

    const update = () => {
      const max = document.documentElement.scrollHeight - innerHeight;
      bar.style.width = `${max > 0 ? Math.min(100, (scrollY / max) * 100) : 100}%`;
    };
    addEventListener('scroll', update, { passive: true });
    update();

    const render = (read: boolean) => {
      button.setAttribute('aria-pressed', String(read));
      button.textContent = read ? '已学完 ✓（点击取消）' : '标记为已学完';
    };
    render(loadReadFlags(store).flags[chapter]?.read ?? false);
    button.addEventListener('click', () => {
      const read = button.getAttribute('aria-pressed') !== 'true';
      const saved = saveReadFlag(store, { chapter, read, updatedAt: Date.now() });
      render(read);
      status.textContent = !saved.ok
        ? `${describeStorageProblems(saved.problems).join(' ')}本次标记不会被记住。`
        : read
          ? '已记录：本章已学完。'
          : '已取消“已学完”标记。';
    });
    this.#trackPlace(chapter);
  }

  /** Remembers the section whose heading the learner last scrolled past. */
  #trackPlace(chapter: string) {
    const store = deviceStore();
    const headings = [...document.querySelectorAll<HTMLElement>('.prose h2[id]')];
    if (headings.length === 0 || !('IntersectionObserver' in window)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      () => {
        // The current section is the last heading above the top third of the screen.
        const line = innerHeight / 3;
        const current = headings.filter((h) => h.getBoundingClientRect().top <= line).at(-1);
        if (!current) return;
        clearTimeout(timer);
        timer = setTimeout(() => saveLastRead(store, { chapter, section: current.id, updatedAt: Date.now() }), PLACE_SAVE_MS);
      },
      { rootMargin: '0px 0px -66% 0px' },
    );
    for (const heading of headings) observer.observe(heading);
  }
}

customElements.define('reading-aids', ReadingAids);
