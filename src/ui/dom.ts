/**
 * The DOM helpers of the browser code. Text always goes in as textContent, never as HTML; required
 * markup is looked up one way (`ref`), and a missing part names itself instead of failing later.
 */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The element marked `data-ref="<name>"` inside `root`. Throws, naming the ref, when the markup
 * lacks it: a component and its script disagree, which a test should catch before a learner does.
 */
export function ref<T extends Element = HTMLElement>(root: ParentNode, name: string): T {
  const node = root.querySelector<T>(`[data-ref="${name}"]`);
  if (!node) throw new Error(`页面结构缺少 [data-ref="${name}"]`);
  return node;
}

/** A link. `context` is read after the visible text by screen readers, so repeated labels differ. */
export function link(href: string, text: string, options: { className?: string; context?: string } = {}): HTMLAnchorElement {
  const a = el('a', options.className, text);
  a.href = href;
  if (options.context) a.append(el('span', 'visually-hidden', `（${options.context}）`));
  return a;
}

/** A paragraph of text, the most common node the pages build. */
export function paragraph(text: string, className?: string): HTMLParagraphElement {
  return el('p', className, text);
}

/**
 * Copies text to the clipboard. The Clipboard API needs a secure context and permission; without
 * it the text is selected in its field, so the user can press Ctrl+C (or long-press on a phone).
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}

/** Wires a copy button to a field; `status` (a live region) says whether it worked. */
export function bindCopy(button: HTMLButtonElement, source: () => { text: string; field?: HTMLInputElement | HTMLTextAreaElement }, status: HTMLElement): void {
  button.addEventListener('click', () => {
    const { text, field } = source();
    void copyText(text, field).then((ok) => {
      status.textContent = ok ? '已复制。' : '浏览器不允许自动复制：文字已选中，请按 Ctrl+C（手机上长按）复制。';
    });
  });
}

/** Offers text as a file download. */
export function download(name: string, text: string, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = link(url, name);
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of each file, in order; a file that cannot be read yields null. */
export async function readFiles(files: Iterable<File>): Promise<{ name: string; size: number; text: string | null }[]> {
  return Promise.all(
    [...files].map(async (file) => {
      try {
        return { name: file.name, size: file.size, text: await file.text() };
      } catch {
        return { name: file.name, size: file.size, text: null };
      }
    }),
  );
}

/** Shows the problems of a field in its `.field-error` box, or clears them. */
export function showFieldError(container: HTMLElement, control: HTMLElement | null, messages: readonly string[]): void {
  const box = container.querySelector<HTMLElement>('.field-error');
  if (!box) return;
  box.textContent = messages.join('；');
  box.hidden = messages.length === 0;
  if (control) {
    if (messages.length > 0) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

/** Shows messages in a notice box (each once, in order), or hides it when there are none. */
export function showNotices(box: HTMLElement, messages: readonly string[]): void {
  const unique = [...new Set(messages)];
  box.replaceChildren(...unique.map((m) => paragraph(m)));
  box.hidden = unique.length === 0;
}

/** Adds messages to a notice box without repeating one already shown. */
export function addNotices(box: HTMLElement, messages: readonly string[]): void {
  const shown = new Set([...box.children].map((child) => child.textContent));
  for (const message of messages) {
    if (shown.has(message)) continue;
    shown.add(message);
    box.append(paragraph(message, 'notice'));
  }
  box.hidden = box.children.length === 0;
}

/** A fresh random id: `bytes` random bytes as hex. */
export function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A caught error as a sentence. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A toggle button whose name stays put while aria-pressed carries the state (收藏, 保留在错题本). */
export function toggleButton(label: string, pressed: boolean, onToggle: (pressed: boolean) => void): HTMLButtonElement {
  const button = el('button', 'toggle');
  button.type = 'button';
  const icon = el('span', 'icon');
  icon.setAttribute('aria-hidden', 'true');
  const render = (on: boolean) => {
    button.setAttribute('aria-pressed', String(on));
    icon.textContent = on ? '★' : '☆';
  };
  button.append(icon, label);
  render(pressed);
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-pressed') !== 'true';
    render(next);
    onToggle(next);
  });
  return button;
}

/** Lets the page handle input and paint before the next piece of long work. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `step` until it returns true, yielding to the page whenever `budgetMs` has passed or
 * `maxSteps` steps have run, so a long job (a big import) never freezes it and its progress moves
 * on fast machines too. At each yield `onYield` can show progress, and the job stops — returning
 * false — as soon as `cancelled()` says so.
 */
export async function runInSlices(
  step: () => boolean,
  { budgetMs = 25, maxSteps = 50, onYield, cancelled }: { budgetMs?: number; maxSteps?: number; onYield?: () => void; cancelled: () => boolean },
): Promise<boolean> {
  let sliceStart = performance.now();
  let steps = 0;
  for (;;) {
    if (step()) return true;
    if (++steps < maxSteps && performance.now() - sliceStart < budgetMs) continue;
    onYield?.();
    await yieldToPage();
    if (cancelled()) return false;
    sliceStart = performance.now();
    steps = 0;
  }
}
