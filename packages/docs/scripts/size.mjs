// Size of the built site and the heaviest page's transfer size: HTML + the CSS and JS it loads, gzipped,
// without the search index (pagefind loads only when searching).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const files = (dir) =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)],
  );
const all = files(dist);
const total = all.reduce((s, f) => s + statSync(f).size, 0);
const gz = (p) => gzipSync(readFileSync(p)).length;
const assetCache = new Map();
function assets(html, seen = new Set()) {
  const refs = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]);
  for (const r of refs) {
    if (seen.has(r)) continue;
    seen.add(r);
    const p = join(dist, r);
    if (!existsSync(p)) continue;
    // Static imports load with the page; a dynamic import() (the search UI, on first use) does not.
    if (r.endsWith('.js'))
      assets(readFileSync(p, 'utf8').replace(/(?:from|import)\s*"\.\/([^"]+)"/g, 'src="/_astro/$1"'), seen);
  }
  return seen;
}
const pages = all
  .filter((f) => f.endsWith('.html'))
  .map((f) => {
    const html = readFileSync(f, 'utf8');
    const deps = [...assets(html)];
    const bytes =
      gz(f) +
      deps.reduce((s, r) => s + (assetCache.get(r) ?? assetCache.set(r, gz(join(dist, r))).get(r)), 0);
    return { page: `/${relative(dist, f).replace(/index\.html$/, '')}`, bytes };
  })
  .sort((a, b) => b.bytes - a.bytes);
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
    const tool = [...assets(readFileSync(f, 'utf8'))].find((r) =>
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
