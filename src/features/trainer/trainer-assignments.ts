/**
 * `<trainer-assignments>`: the trainer's own assignments on this device. Each opens its results
 * and report, copies its link, or prints; a link made elsewhere can be added by pasting it.
 */
import { assignmentLink, encodeAssignment, readAssignmentLink, type AssignmentSpec } from '../../quiz/trainer/index.ts';
import { deviceStore } from '../../ui/device-store.ts';
import { copyText, el, link, ref, showFieldError } from '../../ui/dom.ts';
import { beijingTime } from '../../ui/format.ts';
import { ASSIGNMENTS_CHANGED, INBOX_CHANGED, loadAssignments, OPEN_REPORT, receivedCount, saveAssignment } from './store.ts';
import { dueText, isPastDue, printLink } from './text.ts';

class TrainerAssignments extends HTMLElement {
  connectedCallback() {
    this.#render();
    document.addEventListener(ASSIGNMENTS_CHANGED, () => this.#render());
    document.addEventListener(INBOX_CHANGED, () => this.#render());
    const form = ref<HTMLFormElement>(this, 'add-form');
    const input = ref<HTMLInputElement>(this, 'link');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const read = readAssignmentLink(input.value);
      if (!read.ok) {
        showFieldError(form, input, [read.error.message]);
        input.focus();
        return;
      }
      showFieldError(form, input, []);
      const saved = saveAssignment(deviceStore(), read.value);
      if (!saved.ok) {
        showFieldError(form, input, [saved.message]);
        return;
      }
      input.value = '';
      document.dispatchEvent(new CustomEvent(ASSIGNMENTS_CHANGED, { detail: read.value.id }));
    });
  }

  #render(): void {
    const status = ref(this, 'copy-status');
    const kv = deviceStore();
    const saved = loadAssignments(kv);
    const problems = ref(this, 'problems');
    problems.textContent = saved.problems.join(' ');
    problems.hidden = saved.problems.length === 0;
    ref(this, 'empty').hidden = saved.specs.length > 0;
    ref(this, 'list').replaceChildren(...saved.specs.map((spec) => this.#item(spec, receivedCount(kv, spec.id), status)));
  }

  #item(spec: AssignmentSpec, received: number, status: HTMLElement): HTMLLIElement {
    const item = el('li');
    const url = new URL(assignmentLink(spec), location.href).href;
    const code = encodeAssignment(spec);
    const due = isPastDue(spec, Date.now()) ? `${dueText(spec)}（已截止）` : dueText(spec);
    item.append(
      el('p', 'name', spec.title),
      el('p', 'meta', `创建于 ${beijingTime(spec.createdAt * 1000)} · 截止 ${due} · 已收 ${received} 份结果`),
    );
    const actions = el('p', 'actions');
    const open = el('button', undefined, '收集结果与报告');
    open.type = 'button';
    open.addEventListener('click', () => document.dispatchEvent(new CustomEvent(OPEN_REPORT, { detail: spec.id })));
    const copy = el('button', undefined, '复制链接');
    copy.type = 'button';
    copy.addEventListener('click', () => {
      void copyText(url).then((ok) => {
        status.textContent = ok ? `已复制「${spec.title}」的链接。` : `浏览器不允许自动复制，请手动复制：${url}`;
      });
    });
    // Each button names its assignment for screen readers, since every item has the same buttons.
    for (const button of [open, copy]) button.append(el('span', 'visually-hidden', `：${spec.title}`));
    const paper = link(printLink(code), '打印试卷', { className: 'button' });
    const key = link(printLink(code, true), '打印答案', { className: 'button' });
    for (const a of [paper, key]) a.append(el('span', 'visually-hidden', `：${spec.title}`));
    actions.append(open, copy, paper, key);
    item.append(actions);
    return item;
  }
}

customElements.define('trainer-assignments', TrainerAssignments);
