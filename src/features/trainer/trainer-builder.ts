/**
 * `<trainer-builder>`: the assignment form. Filters the module list with fuse.js as the trainer
 * types, shows how many questions the chosen modules hold, validates with `createAssignment`
 * (problems shown next to their fields), draws a trial paper so a shortfall is caught here rather
 * than on a learner's phone, and then shows the link, a QR code and a message for the chat group.
 */
import { DIFFICULTIES, OBJECTIVE_TYPES } from '../../quiz/index.ts';
import type { Blueprint, MultiplePolicy, ObjectiveType } from '../../quiz/index.ts';
import {
  assignmentLink,
  createAssignment,
  encodeAssignment,
  type AssignmentDraft,
  type AssignmentSpec,
  type PaperVariant,
  type QuestionMix,
  availableIn,
  chaptersFor,
  mixTotal,
  type TypeCounts,
} from '../../quiz/trainer/index.ts';
import { loadBank, loadCatalog } from '../../ui/content.ts';
import { deviceStore } from '../../ui/device-store.ts';
import { bindCopy, ref, showFieldError } from '../../ui/dom.ts';
import { beijingDay } from '../../ui/format.ts';
import { moduleEntries, moduleLabel, selectedModules, type ModuleChapter } from './modules.ts';
import { qrCode } from './qr.ts';
import { ASSIGNMENTS_CHANGED, loadAssignments, saveAssignment } from './store.ts';
import { groupProblems, printLink, shareMessage, type AssignmentField } from './text.ts';

type QuestionMixKind = 'counts' | 'blueprint' | 'written';


/** A number field's value; a blank or malformed field reads as NaN, which validation names. */
function integerOf(input: HTMLInputElement, blank: number): number {
  const value = input.value.trim();
  if (value === '') return blank;
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}

type BlueprintInfo = Pick<Blueprint, 'id' | 'description' | 'minutes'> & { passPercent: number };

class TrainerBuilder extends HTMLElement {
  #chapters: ModuleChapter[] = [];
  #sectionCounts: Record<string, TypeCounts> = {};

  get #form(): HTMLFormElement {
    return ref<HTMLFormElement>(this, 'form');
  }

  get #output(): HTMLElement {
    return ref(this, 'output');
  }

  get #formError(): HTMLElement {
    return ref(this, 'form-error');
  }

  get #blueprintSelect(): HTMLSelectElement {
    return ref<HTMLSelectElement>(this, 'blueprint');
  }

  /** The count field of a type at a difficulty (1 易, 2 中, 3 难). */
  #count(type: ObjectiveType, difficulty: number): HTMLInputElement {
    return ref<HTMLInputElement>(this, `count-${type}-${difficulty}`);
  }

  /** The JSON the component renders into a `<script type="application/json">` block. */
  #data<T>(name: string): T {
    return JSON.parse(ref(this, name).textContent) as T;
  }

  connectedCallback() {
    const form = this.#form;
    this.#chapters = this.#data<ModuleChapter[]>('module-data');
    this.#sectionCounts = this.#data<Record<string, TypeCounts>>('count-data');
    const entries = moduleEntries(this.#chapters);
    // fuse.js loads when the trainer first types in the filter, not with the page.
    let filter: ((query: string) => Set<string>) | null = null;
    const blueprintInfo = this.#data<BlueprintInfo[]>('blueprint-data');

    const moduleQuery = ref<HTMLInputElement>(this, 'module-query');
    const moduleStatus = ref(this, 'module-status');
    const moduleChosen = ref(this, 'module-chosen');
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[name="module"]')];
    const counts = ref(this, 'mix-counts');
    const blueprintBox = ref(this, 'mix-blueprint');
    const blueprintDescription = ref(this, 'blueprint-description');
    const mixTotalText = ref(this, 'mix-total');

    // Prefill the trainer's name from the last assignment made on this device.
    const trainerInput = ref<HTMLInputElement>(this, 'trainer');
    const last = loadAssignments(deviceStore()).specs[0];
    if (last && !trainerInput.value) trainerInput.value = last.trainer;

    const ticked = () => selectedModules(boxes.filter((b) => b.checked).map((b) => b.value), entries);

    const syncModules = () => {
      // A ticked chapter covers its sections: they show as ticked and cannot be unticked alone.
      for (const box of boxes) {
        const hash = box.value.indexOf('#');
        if (hash < 0) continue;
        const chapterBox = boxes.find((b) => b.value === box.value.slice(0, hash));
        box.disabled = chapterBox?.checked ?? false;
        if (box.disabled) box.checked = true;
      }
      const modules = ticked();
      moduleChosen.textContent =
        modules.length === 0 ? '已选：全部章节' : `已选 ${modules.length} 项：${modules.map((m) => moduleLabel(m, this.#chapters)).join('；')}`;
      this.#showAvailable(modules);
      syncWritten();
    };
    for (const box of boxes) {
      box.addEventListener('change', () => {
        // Unticking a chapter hands its sections back unticked.
        if (!box.value.includes('#') && !box.checked) {
          for (const b of boxes) if (b.value.startsWith(`${box.value}#`)) b.checked = false;
        }
        syncModules();
      });
    }
    moduleQuery.addEventListener('input', async () => {
      filter ??= (await import('./module-filter.ts')).createModuleFilter(entries);
      const shown = filter(moduleQuery.value);
      for (const item of this.querySelectorAll<HTMLElement>('.module-list li')) item.hidden = !shown.has(item.dataset['key'] ?? '');
      const chapters = this.#chapters.filter((c) => shown.has(c.id)).length;
      moduleStatus.textContent = moduleQuery.value.trim()
        ? chapters > 0
          ? `找到 ${chapters} 章的相关内容`
          : '没有找到，换个说法试试。'
        : '';
    });

    const mixKind = (): QuestionMixKind => {
      const value = form.querySelector<HTMLInputElement>('input[name="mix"]:checked')?.value;
      return value === 'blueprint' || value === 'written' ? value : 'counts';
    };
    const writtenBox = ref(this, 'mix-written');
    const writtenList = ref(this, 'written-list');
    const writtenStatus = ref(this, 'written-status');
    // The written items on offer follow the modules; ticks survive a change of modules where they can.
    let writtenFor: string | null = null;
    const syncWritten = () => {
      const modules = ticked();
      if (mixKind() !== 'written' || writtenFor === modules.join(',')) return;
      writtenFor = modules.join(',');
      const chosen = new Set([...writtenList.querySelectorAll<HTMLInputElement>('input[name="written"]:checked')].map((b) => b.value));
      void import('./written-picker.ts')
        .then(({ renderWrittenPicker }) => renderWrittenPicker(writtenList, writtenStatus, modules, this.#chapters, chosen))
        .catch(() => {
          writtenFor = null;
          writtenStatus.textContent = '题目没能加载，请检查网络后重新选择。';
        });
    };
    const syncMix = () => {
      const kind = mixKind();
      counts.hidden = kind !== 'counts';
      blueprintBox.hidden = kind !== 'blueprint';
      writtenBox.hidden = kind !== 'written';
      syncWritten();
      const info = blueprintInfo.find((b) => b.id === this.#blueprintSelect.value);
      blueprintDescription.textContent = info?.description ?? '';
      const total = OBJECTIVE_TYPES.reduce((sum, type) => sum + DIFFICULTIES.reduce((s, d) => s + Math.max(0, integerOf(this.#count(type, d), 0) || 0), 0), 0);
      mixTotalText.textContent = `共 ${total} 题，每题分值相同，满分 100 分。`;
    };
    form.addEventListener('change', (event) => {
      const target = event.target as HTMLElement;
      if (target.matches('input[name="mix"], #tb-blueprint')) {
        syncMix();
        // Offer the blueprint's own time limit and pass mark; the trainer may still change them.
        const info = blueprintInfo.find((b) => b.id === this.#blueprintSelect.value);
        if (mixKind() === 'blueprint' && info) {
          ref<HTMLInputElement>(this, 'minutes').value = String(info.minutes);
          ref<HTMLInputElement>(this, 'pass').value = String(info.passPercent);
        }
      }
    });
    form.addEventListener('input', (event) => {
      if ((event.target as HTMLElement).matches('.counts input')) syncMix();
    });
    syncModules();
    syncMix();

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#submit();
    });
  }

  /** Where the trainer changes the kind of mix chosen: its first count, the blueprint, or the first written item. */
  #mixControl(mix: QuestionMix): HTMLElement {
    if ('blueprint' in mix) return this.#blueprintSelect;
    if ('written' in mix) return ref(this, 'written-list').querySelector<HTMLElement>('input[name="written"]') ?? ref(this, 'written-list');
    return ref(this, 'count-single-1');
  }

  /** Shows under each count how many questions of that type and difficulty the modules hold. */
  #showAvailable(modules: string[]): void {
    const available = availableIn(this.#sectionCounts, modules);
    for (const type of OBJECTIVE_TYPES) {
      for (const d of [0, 1, 2] as const) ref(this, `avail-${type}-${d + 1}`).textContent = `可用 ${available[type][d]}`;
    }
  }

  #readDraft(): AssignmentDraft {
    const form = this.#form;
    const value = (name: string) => ref<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(this, name).value;
    const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="module"]:checked')].map((b) => b.value);
    let mix: QuestionMix;
    if (checked('mix') === 'blueprint') {
      mix = { blueprint: this.#blueprintSelect.value };
    } else if (checked('mix') === 'written') {
      mix = { written: [...form.querySelectorAll<HTMLInputElement>('input[name="written"]:checked')].map((b) => b.value) };
    } else {
      const row = (type: ObjectiveType): [number, number, number] => DIFFICULTIES.map((d) => integerOf(this.#count(type, d), 0)) as [number, number, number];
      mix = { counts: { single: row('single'), multiple: row('multiple'), judge: row('judge') } };
    }
    const due = value('due').trim();
    return {
      title: value('title'),
      trainer: value('trainer'),
      note: value('note'),
      modules: selectedModules(boxes, moduleEntries(this.#chapters)),
      mix,
      minutes: integerOf(ref<HTMLInputElement>(this, 'minutes'), Number.NaN),
      passMark: integerOf(ref<HTMLInputElement>(this, 'pass'), Number.NaN),
      multiplePolicy: checked('multiplePolicy') as MultiplePolicy,
      due: due === '' ? null : due,
      variant: checked('variant') as PaperVariant,
      showAnswers: ref<HTMLInputElement>(this, 'show-answers').checked,
    };
  }

  #showProblems(problems: readonly string[]): void {
    const grouped = groupProblems(problems);
    let first: HTMLElement | null = null;
    for (const field of this.#form.querySelectorAll<HTMLElement>('[data-field]')) {
      const name = field.dataset['field'] as AssignmentField;
      const messages = grouped.get(name) ?? [];
      const control =
        field.tagName === 'FIELDSET' ? null : field.querySelector<HTMLElement>('input:not([type="checkbox"]), textarea, select');
      showFieldError(field, control, messages);
      if (messages.length > 0 && !first) first = control ?? field.querySelector<HTMLElement>('input, select');
    }
    const rest = grouped.get('form') ?? [];
    const formError = this.#formError;
    formError.textContent = problems.length > 0 ? `请先修改标出的 ${problems.length} 处问题。${rest.join('；')}` : '';
    formError.hidden = problems.length === 0;
    first?.focus();
  }

  async #submit(): Promise<void> {
    const draft = this.#readDraft();
    const created = createAssignment(draft, { random: Math.random, now: Date.now });
    const problems = created.ok ? [] : [...created.error];
    if (draft.due !== null && /^\d{4}-\d{2}-\d{2}$/.test(draft.due) && draft.due < beijingDay(Date.now())) {
      problems.push(`截止日期 ${draft.due} 已经过去，请选今天或以后的日期`);
    }
    if (!created.ok || problems.length > 0) {
      this.#showProblems(problems);
      this.#output.hidden = true;
      return;
    }
    const spec = created.value;

    // A trial draw: a shortfall is the trainer's to fix, not a learner's surprise.
    let questions: number | null = null;
    let written = 'written' in spec.mix;
    let warning = '';
    try {
      const [catalog, bank, { redrawPaper }] = await Promise.all([loadCatalog(), loadBank(chaptersFor(spec)), import('../../quiz/trainer/check.ts')]);
      const paper = redrawPaper(spec, catalog, bank, null);
      if (!paper.ok) {
        this.#showProblems([]);
        showFieldError(ref(this, 'mix-field'), null, [paper.error]);
        this.#formError.textContent = '所选范围的题目不够，请减少题量或扩大学习范围。';
        this.#formError.hidden = false;
        this.#mixControl(draft.mix).focus();
        this.#output.hidden = true;
        return;
      }
      questions = paper.value.items.length;
      written = 'kind' in paper.value && paper.value.kind === 'written';
    } catch {
      warning = '（没能加载题库来检查题量，请确认网络后在学员页面预览一次。）';
    }
    this.#showProblems([]);

    const saved = saveAssignment(deviceStore(), spec);
    if (!saved.ok) warning += saved.message;
    else document.dispatchEvent(new CustomEvent(ASSIGNMENTS_CHANGED, { detail: spec.id }));
    await this.#showOutput(spec, questions ?? mixTotal(spec, []), warning, written);
  }

  async #showOutput(spec: AssignmentSpec, questions: number | null, warning: string, written: boolean): Promise<void> {
    const output = this.#output;
    const url = new URL(assignmentLink(spec), location.href).href;
    const code = encodeAssignment(spec);
    const linkField = ref<HTMLTextAreaElement>(output, 'link');
    const messageField = ref<HTMLTextAreaElement>(output, 'message');
    const status = ref(output, 'copy-status');
    const title = ref(output, 'output-title');
    linkField.value = url;
    messageField.value = shareMessage(spec, url, questions, written);
    title.textContent = `作业已生成：${spec.title}`;
    ref(output, 'summary').textContent = `已保存在本设备的“我的作业”里，学员的结果码可在下方“收集结果”中导入。${warning}`;
    ref(output, 'print-paper').setAttribute('href', printLink(code));
    const printKey = ref(output, 'print-key');
    printKey.setAttribute('href', printLink(code, true));
    printKey.textContent = written ? '打印评分标准与参考答案' : '打印答案与解析';
    status.textContent = '';
    if (!output.dataset['bound']) {
      output.dataset['bound'] = '1';
      bindCopy(ref<HTMLButtonElement>(output, 'copy-link'), () => ({ text: linkField.value, field: linkField }), status);
      bindCopy(ref<HTMLButtonElement>(output, 'copy-message'), () => ({ text: messageField.value, field: messageField }), status);
    }
    const slot = ref(output, 'qr-slot');
    output.hidden = false;
    title.focus();
    try {
      slot.replaceChildren(await qrCode(url, `作业「${spec.title}」的二维码，扫码打开作业链接`));
    } catch {
      slot.textContent = '二维码生成失败，请改用链接。';
    }
  }
}

customElements.define('trainer-builder', TrainerBuilder);
