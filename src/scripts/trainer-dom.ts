/**
 * Small DOM helpers shared by the trainer's elements: building nodes (text always as textContent),
 * copying, downloading, reading dropped files and drawing QR codes.
 */

import { el } from '../ui/dom.ts';

export { el };

/** A link; text goes in as textContent. */
export function link(href: string, text: string, className?: string): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = href;
  return a;
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

/**
 * Wires a copy button to a field: on click the field's text is copied and `status` says whether it
 * worked (a live region, so screen readers hear it).
 */
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

/** The text of each file, in order; a file that cannot be read yields its name and the error. */
export async function readFiles(files: Iterable<File>): Promise<{ name: string; text: string | null }[]> {
  return Promise.all(
    [...files].map(async (file) => {
      try {
        return { name: file.name, text: await file.text() };
      } catch {
        return { name: file.name, text: null };
      }
    }),
  );
}

/**
 * A QR code as an accessible image. uqr writes the SVG markup from the modules alone (no text of
 * ours goes into it), and it is parsed as SVG, never as HTML.
 */
export async function qrCode(data: string, label: string): Promise<SVGSVGElement> {
  const { renderSVG } = await import('uqr');
  const markup = renderSVG(data, { ecc: 'M', border: 2 });
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('qr');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = label;
  svg.prepend(title);
  return svg;
}

/** Shows the problems of a field next to it, or clears them. */
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
