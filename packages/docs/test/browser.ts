// The built site served from dist/ on a loopback port, and Debian's Chromium driven by playwright-core: what the
// browser tests open their pages in.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

export interface Site {
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startSite(): Promise<Site> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('build the docs first: pnpm docs:build');
  const server = createServer((req, res) => {
    let p = join(DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    if (!p.startsWith(DIST) || !existsSync(p)) {
      res.writeHead(404).end('not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' })
      .end(readFileSync(p));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
