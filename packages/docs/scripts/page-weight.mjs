// What a page costs on load: its HTML plus the CSS and JS it loads statically, gzipped. The search index and the
// in-browser tools' engines load on first use (a dynamic import()), so they are not part of the load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const listFiles = (dir) =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n)) : [join(dir, n)],
  );

export function pageWeights(dist) {
  const cache = new Map();
  const gz = (p) => cache.get(p) ?? cache.set(p, gzipSync(readFileSync(p)).length).get(p);
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
  return listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const deps = [...assets(readFileSync(f, 'utf8'))];
      const bytes = gz(f) + deps.reduce((s, r) => s + (existsSync(join(dist, r)) ? gz(join(dist, r)) : 0), 0);
      return { page: `/${relative(dist, f).replace(/index\.html$/, '')}`, bytes, deps };
    })
    .sort((a, b) => b.bytes - a.bytes);
}
