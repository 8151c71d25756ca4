// A plan as HTML: each file, the commands and the snippets, each with a copy button. The same function renders the
// page at build time and again in the browser as the user types, so the first update replaces identical markup
// (no layout shift). Text shown is redacted; the copy button copies the real content, which is what was asked for.
import { type Plan, redactAll } from '@buildproxy/core';

export interface Block {
  title: string;
  text: string;
  lang: string;
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

export function planBlocks(plan: Plan): Block[] {
  const blocks: Block[] = plan.changes.map((c) => ({
    title: `${c.path} (${c.target}${c.needsRoot ? ', needs root' : ''})`,
    text: c.after,
    lang: 'ini',
  }));
  if (plan.commands.length) {
    blocks.push({
      title: 'Then run',
      text: plan.commands
        .map((c) => `${c.needsRoot ? 'sudo ' : ''}${c.argv.map(quote).join(' ')}`)
        .join('\n'),
      lang: 'sh',
    });
  }
  for (const s of plan.snippets) blocks.push({ title: s.title, text: s.text, lang: s.language });
  return blocks;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderPlanHtml(plan: Plan): string {
  const blocks = planBlocks(plan).map(
    (b, i) =>
      `<figure class="bp-block"><figcaption>${escapeHtml(b.title)}</figcaption>` +
      `<button type="button" class="bp-copy" data-block="${i}" aria-label="Copy ${escapeHtml(b.title)}">Copy</button>` +
      `<pre data-lang="${escapeHtml(b.lang)}" tabindex="0"><code>${escapeHtml(redactAll(b.text))}</code></pre></figure>`,
  );
  const refused = (plan.refused ?? []).map(
    (r) => `<p class="bp-error">${escapeHtml(`${r.target}: ${r.reason}`)}</p>`,
  );
  return [...blocks, ...refused].join('');
}
