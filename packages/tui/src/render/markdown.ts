// Terminal rendering for the markdown subset our rule texts use: headings, lists, code fences, inline code,
// bold/italic and links. Links print their URL so they survive a plain terminal.
import type { Style } from './style.js';

function inline(text: string, st: Style): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, t: string, u: string) => `${t} (${st.blue(u)})`)
    .replace(/`([^`]+)`/g, (_m, c: string) => st.cyan(c))
    .replace(/\*\*([^*]+)\*\*/g, (_m, b: string) => st.bold(b))
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, (_m, pre: string, i: string) => `${pre}${i}`);
}

export function renderMarkdown(md: string, st: Style): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const f = /^```(\w*)/.exec(line);
    if (f) {
      fence = fence === null ? f[1]! : null;
      continue;
    }
    if (fence !== null) {
      out.push(`    ${st.dim(line)}`);
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      out.push(h[1]!.length === 1 ? st.bold(h[2]!.toUpperCase()) : st.bold(h[2]!));
      continue;
    }
    const li = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (li) {
      out.push(`${li[1]}  • ${inline(li[2]!, st)}`);
      continue;
    }
    out.push(inline(line, st));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
