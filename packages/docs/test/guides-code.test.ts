// A command fixed in one language is fixed in both: every code block a reader copies from a zh-CN guide is the one
// the English guide shows, in the same order (the generated plans and the hand-written blocks of guide-code.ts alike).
// Compared on the built pages, as the copy button copies them (Expressive Code leaves a shell block's comment lines
// out of the copy; those comments are the plan's reasons, translated).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GUIDES } from '../scripts/guides';
import { GUIDES_ZH_CN } from '../scripts/guides-zh-cn';
import { decode } from './prose';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
if (!existsSync(join(DIST, 'index.html'))) throw new Error('build the docs first: pnpm docs:build');

/** Every code block of a page as "language: what Copy copies", in page order. */
function copiedBlocks(html: string): string[] {
  return [...html.matchAll(/<pre[^>]*data-language="([^"]*)"[\s\S]*?data-code="([^"]*)"/g)].map(
    (m) => `${m[1]}: ${decode(m[2]!).replace(/\u007f/g, '\n')}`,
  );
}
const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

describe('zh-CN guides copy the same code as the English ones', () => {
  it('every English guide has its zh-CN guide', () => {
    expect(GUIDES.length).toBeGreaterThan(10);
    expect(GUIDES.filter((g) => !GUIDES_ZH_CN[g.slug]).map((g) => g.slug)).toEqual([]);
    expect(readdirSync(join(DIST, 'zh-cn', 'guides')).sort()).toEqual(GUIDES.map((g) => g.slug).sort());
  });

  it.each(GUIDES.map((g) => g.slug))('%s: each code block equals its English counterpart', (slug) => {
    const en = copiedBlocks(page(`guides/${slug}`));
    const zh = copiedBlocks(page(`zh-cn/guides/${slug}`));
    expect(en.length).toBeGreaterThan(1);
    expect(zh).toEqual(en);
  });

  it('the comparison can fail: a changed command or a missing block is a difference', () => {
    const block = (code: string) => `<pre data-language="sh"><code></code></pre><button data-code="${code}">`;
    const en = copiedBlocks(block('systemctl --user daemon-reload') + block('buildproxy doctor'));
    expect(en).toEqual(['sh: systemctl --user daemon-reload', 'sh: buildproxy doctor']);
    expect(copiedBlocks(block('systemctl daemon-reload') + block('buildproxy doctor'))).not.toEqual(en);
    expect(copiedBlocks(block('systemctl --user daemon-reload'))).not.toEqual(en);
  });
});
