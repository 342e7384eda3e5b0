import { describe, expect, it } from 'vitest';
import { isTextField, shortcutFor } from '../../../src/ui/keys.ts';
import type { FocusTarget, KeyPress } from '../../../src/ui/keys.ts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  repeat: false,
  ...extra,
});
const body: FocusTarget = { tagName: 'BODY' };
const radio: FocusTarget = { tagName: 'INPUT', type: 'radio' };

describe('question shortcuts (exam, assignment and practice)', () => {
  it('maps 1–5 and A–E (either case) to options', () => {
    expect(shortcutFor(press('1'), body)).toEqual({ kind: 'choose', option: 0 });
    expect(shortcutFor(press('4'), body)).toEqual({ kind: 'choose', option: 3 });
    expect(shortcutFor(press('5'), body)).toEqual({ kind: 'choose', option: 4 });
    expect(shortcutFor(press('b'), body)).toEqual({ kind: 'choose', option: 1 });
    expect(shortcutFor(press('E'), radio)).toEqual({ kind: 'choose', option: 4 });
    expect(shortcutFor(press('6'), body)).toBeNull();
    expect(shortcutFor(press('g'), body)).toBeNull();
  });

  it('moves with the arrow keys, also from an option, and flags with F', () => {
    expect(shortcutFor(press('ArrowLeft'), body)).toEqual({ kind: 'move', by: -1 });
    expect(shortcutFor(press('ArrowRight'), radio)).toEqual({ kind: 'move', by: 1 });
    expect(shortcutFor(press('f'), body)).toEqual({ kind: 'flag' });
    expect(shortcutFor(press('F'), { tagName: 'BUTTON' })).toEqual({ kind: 'flag' });
  });

  it('leaves typing in text fields and browser shortcuts alone', () => {
    expect(shortcutFor(press('a'), { tagName: 'INPUT', type: 'search' })).toBeNull();
    expect(shortcutFor(press('ArrowLeft'), { tagName: 'TEXTAREA' })).toBeNull();
    expect(shortcutFor(press('1'), { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(shortcutFor(press('f', { ctrlKey: true }), body)).toBeNull();
    expect(shortcutFor(press('r', { metaKey: true }), body)).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { altKey: true }), body)).toBeNull();
    expect(shortcutFor(press('a', { isComposing: true }), body)).toBeNull();
    // Chromium reports keys an IME takes as `Process`.
    expect(shortcutFor(press('Process'), body)).toBeNull();
  });

  it('does not repeat a toggle while a key is held, but keeps moving', () => {
    expect(shortcutFor(press('f', { repeat: true }), body)).toBeNull();
    expect(shortcutFor(press('2', { repeat: true }), body)).toBeNull();
    expect(shortcutFor(press('ArrowRight', { repeat: true }), body)).toEqual({ kind: 'move', by: 1 });
  });

  it('knows text fields from choice inputs', () => {
    expect(isTextField({ tagName: 'INPUT' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'TEXT' })).toBe(true);
    expect(isTextField({ tagName: 'SELECT' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextField(radio)).toBe(false);
    expect(isTextField(null)).toBe(false);
  });

  it('submits with Enter, except where Enter belongs to a button or link', () => {
    expect(shortcutFor(press('Enter'), body)).toEqual({ kind: 'submit' });
    expect(shortcutFor(press('Enter'), radio)).toEqual({ kind: 'submit' });
    expect(shortcutFor(press('Enter'), { tagName: 'BUTTON' })).toBeNull();
    expect(shortcutFor(press('Enter'), { tagName: 'A' })).toBeNull();
    expect(shortcutFor(press('Enter', { repeat: true }), body)).toBeNull();
  });
});
