// Reading built HTML as a reader does: entities decoded, and the prose of a zh-CN page without what may stay English
// (code, lang="en" quotes, screen-reader labels). Shared by the static content checks and the Chromium checks of the
// in-browser tools, whose text exists only once their script has run.

export const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;|&#34;|&#x22;/gi, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x3C;/gi, '<')
    .replace(/&amp;/g, '&');

/** The text of <main> a reader reads as prose: without code, scripts, screen-reader-only labels, code frames and
 * anything inside an element marked lang="en". A small tag walker (attribute values may hold ">"). */
export function chineseProse(html: string): string {
  const main = (/<main[\s\S]*<\/main>/.exec(html) ?? [''])[0];
  const VOID = /^(?:br|img|input|meta|link|hr|wbr|source|area|col|embed|track|param|base)$/;
  const stack: { tag: string; skip: boolean }[] = [];
  let skip = 0;
  let out = '';
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const m of main.matchAll(token)) {
    if (m[4] !== undefined) {
      if (!skip) out += m[4];
      continue;
    }
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    out += ' ';
    if (m[1]) {
      while (stack.length) {
        const t = stack.pop()!;
        if (t.skip) skip--;
        if (t.tag === tag) break;
      }
      continue;
    }
    if (VOID.test(tag) || m[3]!.endsWith('/')) continue;
    const s =
      /^(?:pre|code|script|style|svg|template|kbd)$/.test(tag) ||
      /\slang="en"/.test(m[3]!) ||
      /\sclass="[^"]*\b(?:expressive-code|sr-only)\b/.test(m[3]!);
    stack.push({ tag, skip: s });
    if (s) skip++;
  }
  return decode(out);
}

/** Runs of five or more English words with at least two function words: a sentence, not a list of names. */
export function englishSentences(text: string): string[] {
  const FUNCTION =
    /^(?:the|a|an|of|to|in|is|are|and|or|for|with|on|by|not|does|do|it|its|this|that|from|be|has|have|was|at|as|only|when|your|you)$/i;
  return (text.match(/(?:[A-Za-z][A-Za-z'’.-]*[\s,;:()]+){4,}[A-Za-z][A-Za-z'’-]*/g) ?? [])
    .map((r) => r.replace(/\s+/g, ' ').trim())
    .filter((r) => r.split(/[\s,;:()]+/).filter((w) => FUNCTION.test(w)).length >= 2);
}
