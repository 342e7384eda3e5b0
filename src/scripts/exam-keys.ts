/**
 * Keyboard shortcuts on the exam screen: 1–5 or A–E choose an option, ←/→ move, F flags.
 * Pure: the element passes the key and what has focus, and gets back what to do.
 */
export type Shortcut = { kind: 'choose'; option: number } | { kind: 'move'; by: -1 | 1 } | { kind: 'flag' };

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
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing || isTextField(focus)) return null;
  if (press.key === 'ArrowLeft') return { kind: 'move', by: -1 };
  if (press.key === 'ArrowRight') return { kind: 'move', by: 1 };
  // Held keys would toggle a 多选 option or the flag on and off many times a second.
  if (press.repeat) return null;
  const key = press.key.toLowerCase();
  if (key === 'f') return { kind: 'flag' };
  if (/^[1-5]$/.test(key)) return { kind: 'choose', option: Number(key) - 1 };
  if (/^[a-e]$/.test(key)) return { kind: 'choose', option: key.charCodeAt(0) - 'a'.charCodeAt(0) };
  return null;
}
