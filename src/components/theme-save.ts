/** Saves the light/dark choice in the device store; loaded by the toggle on first use only. */
import { saveTheme, type Theme } from '../quiz/index.ts';
import { deviceStore } from '../ui/device-store.ts';

export function rememberTheme(theme: Theme, updatedAt: number): void {
  // A full or disabled store: the choice still applies to this page, and nothing else is touched.
  saveTheme(deviceStore(), { theme, updatedAt });
}
