/**
 * The 练习 page's setup form: chapter and section selects (sections follow the chapter) and the
 * mode, read into a plan and written back from one, so the form always shows the run on screen.
 */
import type { CatalogChapter } from '../../ui/content.ts';
import { ref } from '../../ui/dom.ts';
import { isPracticeMode, type PracticeMode, type PracticePlan } from './plan.ts';

export class PracticeSetup {
  readonly form: HTMLFormElement;
  #chapter: HTMLSelectElement;
  #section: HTMLSelectElement;
  #chapters: readonly CatalogChapter[] = [];

  constructor(root: ParentNode) {
    this.form = ref(root, 'setup-form');
    this.#chapter = ref(root, 'chapter');
    this.#section = ref(root, 'section');
    this.#chapter.addEventListener('change', () => this.#fillSections(''));
  }

  /** Once the catalog is in, the section select can list the chosen chapter's sections. */
  set chapters(chapters: readonly CatalogChapter[]) {
    this.#chapters = chapters;
    this.#fillSections(this.#section.value);
  }

  #fillSections(selected: string) {
    const chapter = this.#chapters.find((c) => c.id === this.#chapter.value);
    const whole = new Option(chapter ? '整章（全部小节）' : '—', '');
    this.#section.replaceChildren(whole, ...(chapter?.sections ?? []).map((s) => new Option(s.title, s.id)));
    this.#section.disabled = !chapter;
    this.#section.value = selected;
    if (this.#section.value !== selected) this.#section.value = '';
  }

  /** The plan the form describes; a random run gets the seed `newSeed` draws. */
  read(newSeed: () => string): PracticePlan {
    const data = new FormData(this.form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' && value !== '' ? value : null;
    };
    const chapter = text('chapter');
    const mode = text('mode');
    const practiceMode: PracticeMode = isPracticeMode(mode) ? mode : 'order';
    return {
      chapter,
      section: chapter ? text('section') : null,
      mode: practiceMode,
      seed: practiceMode === 'random' ? newSeed() : null,
    };
  }

  write(plan: PracticePlan) {
    this.#chapter.value = plan.chapter ?? '';
    this.#fillSections(plan.section ?? '');
    const radio = this.form.querySelector<HTMLInputElement>(`input[name="mode"][value="${plan.mode}"]`);
    if (radio) radio.checked = true;
  }
}
