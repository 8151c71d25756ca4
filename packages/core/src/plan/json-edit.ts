// Surgical JSON edits: only the touched key changes; formatting, order and every other key stay as they were.
import { applyEdits, type FormattingOptions, modify } from 'jsonc-parser';

function formatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

export function setJsonPath(text: string | null, path: (string | number)[], value: unknown): string {
  const base = text === null || text.trim() === '' ? '{}\n' : text;
  const edits = modify(base, path, value, { formattingOptions: formatting(base) });
  const out = applyEdits(base, edits);
  return out.endsWith('\n') ? out : `${out}\n`;
}

export function removeJsonPath(text: string, path: (string | number)[]): string {
  return applyEdits(text, modify(text, path, undefined, { formattingOptions: formatting(text) }));
}
