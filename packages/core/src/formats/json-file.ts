// Strict JSON (daemon.json, config.json) with line/column on error, like dockerd's own parser refuses it.
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export interface FileError {
  path: string;
  line: number;
  column: number;
  message: string;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Deeper nesting than any configuration has: the parser (and JSON.stringify after it) recurses once per level, so
 * a hostile file of a few KB could overflow the stack. Go's encoding/json stops at 10000.
 */
export const MAX_JSON_DEPTH = 1000;

/** The offset where nesting first goes past `max` levels, or -1. One pass; strings are skipped. */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

export function parseStrictJson(
  path: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; error: FileError } {
  if (text.trim() === '') return { ok: true, value: {} }; // dockerd treats an empty daemon.json as no options
  const deep = tooDeep(text);
  if (deep !== -1) {
    const { line, column } = lineColumn(text, deep);
    return {
      ok: false,
      error: { path, line, column, message: `nested deeper than ${MAX_JSON_DEPTH} levels` },
    };
  }
  const errors: ParseError[] = [];
  const value = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0) {
    const e = errors[0]!;
    const { line, column } = lineColumn(text, e.offset);
    return { ok: false, error: { path, line, column, message: describe(printParseErrorCode(e.error)) } };
  }
  return { ok: true, value };
}

function describe(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected "," (or a missing closing bracket)',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected content after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in this file',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}
