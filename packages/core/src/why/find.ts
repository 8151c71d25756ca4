// Small, linear search helpers over the lowered text.
import { has, lastAt, positions, window } from './text.js';

export interface Found {
  at: number;
  end: number;
  needle: string;
}

/** The last (innermost) occurrence of any of `needles`. */
export function lastOf(lower: string, needles: readonly string[]): Found | null {
  let best: Found | null = null;
  for (const n of needles) {
    const at = lastAt(lower, n);
    if (at >= 0 && (!best || at > best.at)) best = { at, end: at + n.length, needle: n };
  }
  return best;
}

/** Every occurrence of any of `needles`, in text order (bounded per needle). */
export function allOf(lower: string, needles: readonly string[]): Found[] {
  const out: Found[] = [];
  for (const n of needles)
    for (const at of positions(lower, n)) out.push({ at, end: at + n.length, needle: n });
  return out.sort((a, b) => a.at - b.at);
}

/** Does `needle` occur within `window` chars after `from`? */
export function near(lower: string, from: number, width: number, needles: readonly string[]): boolean {
  const slice = window(lower, from, from + width);
  return needles.some((n) => has(slice, n));
}
