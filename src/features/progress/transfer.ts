/** Export and import of everything on the device, loaded when the learner first uses 备份与迁移. */
export { applyImport, exportProgress, MAX_IMPORT_CHARS, planImport, storedSize } from '../../quiz/index.ts';
