/**
 * Guards for plain values read back from storage, a link or an import file. No imports, so every
 * engine module can use them without tying itself to the modules whose records they check.
 */
export type Fields = Record<string, unknown>;

export const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
export const isNullable =
  <T>(guard: (v: unknown) => v is T) =>
  (v: unknown): v is T | null =>
    v === null || guard(v);
export const isArrayOf =
  <T>(guard: (v: unknown) => v is T) =>
  (v: unknown): v is T[] =>
    Array.isArray(v) && v.every(guard);

/** Checks named fields of an object, each with its own guard. */
export function hasFields(v: unknown, guards: Record<string, (field: unknown) => boolean>): v is Fields {
  return isFields(v) && Object.entries(guards).every(([name, guard]) => guard(v[name]));
}
