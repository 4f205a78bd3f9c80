import type { Rule } from './rule';

/** A CC7 file over the size limit is reported, not parsed. */
export const fileTooLarge: Rule = {
  id: 'file-too-large',
  defaultSeverity: 'warning',
  description: 'A CC7 file over the size limit (default 2 MB, setting cc7.maxFileBytes) is reported, not parsed.',
  criteria: 'all',
  reads: {},
  checkDocument(doc, context) {
    if (doc.file) return [];
    const limit = context.maxFileBytes;
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `The file is ${size(doc.byteLength)}, over the ${size(limit)} limit, so it was not checked: split it, or raise cc7.maxFileBytes.`,
    }];
  },
};

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
