/**
 * The keyboard shortcuts of every question screen (mock exam, assignment, practice): 1–5 or A–E
 * choose an option, ←/→ move, F flags, Enter submits a 多选 in practice. Pure: the page passes the
 * key and what has focus, and gets back what to do. Shared, so both screens have the same guards:
 * no shortcut while an IME is composing (a Chinese learner typing pinyin presses letters), none
 * from a held key, none while typing in a field.
 */
export type Shortcut =
  | { kind: 'choose'; option: number }
  | { kind: 'move'; by: -1 | 1 }
  | { kind: 'flag' }
  /** Enter: submit the 多选 on screen (practice). */
  | { kind: 'submit' };

/** What a keydown carries that matters here; a KeyboardEvent fits. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  repeat: boolean;
}

/** The focused element, described: `tagName` upper-case as the DOM gives it. */
export interface FocusTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date', 'time', 'datetime-local', 'month', 'week']);

/** Typing into a field must never answer a question. Radios and checkboxes are not text fields. */
export function isTextField(target: FocusTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
}

export function shortcutFor(press: KeyPress, focus: FocusTarget | null): Shortcut | null {
  // keyCode 229 is how some browsers mark keys that belong to an IME; `Process` is the key they report.
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing || press.key === 'Process' || isTextField(focus)) return null;
  if (press.key === 'ArrowLeft') return { kind: 'move', by: -1 };
  if (press.key === 'ArrowRight') return { kind: 'move', by: 1 };
  // Held keys would toggle a 多选 option or the flag on and off many times a second.
  if (press.repeat) return null;
  // Enter on a button or link is that control's own click.
  if (press.key === 'Enter') return focus?.tagName === 'BUTTON' || focus?.tagName === 'A' ? null : { kind: 'submit' };
  const key = press.key.toLowerCase();
  if (key === 'f') return { kind: 'flag' };
  if (/^[1-5]$/.test(key)) return { kind: 'choose', option: Number(key) - 1 };
  if (/^[a-e]$/.test(key)) return { kind: 'choose', option: key.charCodeAt(0) - 'a'.charCodeAt(0) };
  return null;
}

/**
 * Keyboard hints (「按 1–5 选择」) are shown only where a keyboard is in use: with a fine pointer
 * (CSS), or once the learner has pressed a key. This marks the page after the first key press.
 */
export function watchKeyboardUse(root: HTMLElement = document.documentElement): void {
  if (root.dataset['keyboard'] === 'used') return;
  const mark = (event: KeyboardEvent) => {
    if (event.key === 'Tab' || event.key.length === 1 || event.key.startsWith('Arrow')) {
      root.dataset['keyboard'] = 'used';
      removeEventListener('keydown', mark, true);
    }
  };
  addEventListener('keydown', mark, true);
}
