// Size of the built site and the heaviest page's transfer size: HTML + the CSS and JS it loads, gzipped,
// without the search index (pagefind loads only when searching).
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { listFiles, pageWeights } from './page-weight.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const all = listFiles(dist);
const total = all.reduce((s, f) => s + statSync(f).size, 0);
const gz = (p) => gzipSync(readFileSync(p)).length;
const assetCache = new Map();
const weights = pageWeights(dist);
const pages = weights.map(({ page, bytes }) => ({ page, bytes }));
// The in-browser tools fetch their engine on first use: what that adds, following the tool script's imports,
// dynamic ones included.
function onUse(r, seen = new Set()) {
  if (seen.has(r)) return seen;
  seen.add(r);
  const text = readFileSync(join(dist, r), 'utf8');
  for (const m of text.matchAll(/(?:from\s*|import\(\s*)"\.\/([^"]+\.js)"/g)) onUse(`/_astro/${m[1]}`, seen);
  return seen;
}
const tools = all
  .filter((f) => f.includes('/tools/') && f.endsWith('.html'))
  .map((f) => {
    const page = `/${relative(dist, f).replace(/index\.html$/, '')}`;
    const tool = (weights.find((w) => w.page === page)?.deps ?? []).find((r) =>
      /(Snippet|Capture)\w*\.astro_astro_type_script/.test(r),
    );
    const lazy = tool ? [...onUse(tool)].filter((r) => r !== tool) : [];
    return {
      page: `/${relative(dist, f).replace(/index\.html$/, '')}`,
      onFirstUse: lazy.reduce(
        (s, r) => s + (assetCache.get(r) ?? assetCache.set(r, gz(join(dist, r))).get(r)),
        0,
      ),
    };
  });
const pagefind = all.filter((f) => f.includes('/pagefind/')).reduce((s, f) => s + statSync(f).size, 0);
const out = {
  pages: pages.length,
  totalBytes: total,
  searchIndexBytes: pagefind,
  heaviest: pages.slice(0, 3),
  tools,
  lightest: pages.at(-1),
};
console.log(JSON.stringify(out, null, 2));
