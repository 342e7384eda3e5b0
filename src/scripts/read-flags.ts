/** Where the 已学完 flag of a chapter lives in localStorage (`read:<chapterId>` → ISO date). */
export const READ_KEY_PREFIX = 'read:';
