// The built docs site in a real Chromium (Debian's, driven by playwright-core): navigation, search, the
// in-browser tools against the CLI, copy buttons, and an axe-core scan of every page type.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CMD, RULES, ruleMarkdown } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulePage } from '../scripts/headings';
import { homeText } from '../src/scripts/home';
import { DIST, type Site, startSite } from './browser';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '..', '..', 'tui', 'dist', 'cli.cjs');
let site: Site;
let base = '';
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  ({ base, browser } = site);
}, 60_000);

afterAll(async () => {
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const res = await page.goto(`${base}${path}`);
  expect(res?.status()).toBe(200);
  return page;
}

// Opens the search modal on `path` and types `query`; the result links, best first.
async function search(path: string, query: string): Promise<{ page: Page; links: Locator }> {
  const page = await open(path);
  await page.locator('button[data-open-modal]').first().click();
  await page.locator('#starlight__search input').fill(query);
  return { page, links: page.locator('#starlight__search .pagefind-ui__result-link') };
}

describe('generated pages say what the CLI says', () => {
  it('the evidence bundle page lists every command the doctor may run, as core defines them', async () => {
    const page = await open('/reference/evidence/');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const argv of Object.values(CMD)) expect(text).toContain(argv.join(' '));
    expect(text).toContain('GET /info');
    await page.close();
  });

  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s: page source is the rule markdown, and the page shows it',
    (id, r) => {
      const md = readFileSync(join(here, '..', 'src', 'content', 'docs', 'rules', `${id}.md`), 'utf8');
      expect(md.slice(md.indexOf('---', 3) + 5)).toBe(rulePage(r));
      const html = readFileSync(join(DIST, 'rules', id, 'index.html'), 'utf8')
        .replace(/&quot;|&#34;/g, '"')
        .replace(/&#39;|&#x27;/g, "'");
      const title = r.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(html).toMatch(
        new RegExp(`<h1 id="_top"[^>]*>${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`),
      );
      expect(html).toContain(r.summary.replace(/&/g, '&amp;').split('`')[0]!.slice(0, 40));
      const cli = execFileSync(process.execPath, [CLI, 'explain', id, '--markdown'], { encoding: 'utf8' });
      expect(cli).toBe(ruleMarkdown(r));
    },
  );
});

describe('in Chromium', () => {
  it('landing: link cards lead to every guide and tool, and the sidebar leads to a rule', async () => {
    const page = await open('/');
    const cards = await page
      .locator('main a.sl-link-card, main .sl-link-card a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const guides = readdirSync(join(DIST, 'guides')).map((g) => `/guides/${g}/`);
    expect(guides.length).toBeGreaterThanOrEqual(10);
    for (const g of [...guides, '/tools/snippets/', '/tools/analyze/']) expect(cards).toContain(g);
    expect(await page.locator('#actors-title').textContent()).toContain('four network actors');
    await page.goto(`${base}/how-a-build-reaches-the-network/`);
    expect(await page.locator('main .bp-actors').count()).toBe(1);
    await page.locator('main a[href="/rules/docker-build-vs-buildx-build/"]').first().click();
    await page.waitForURL('**/rules/docker-build-vs-buildx-build/');
    expect(await page.locator('h1').textContent()).toBe(
      'docker build and docker buildx build use different builders',
    );
    await page.close();
  });

  // The diagram used to be an SVG whose text overflowed its boxes and shrank to 6 px on a phone.
  it.each([
    [360, '/'],
    [390, '/how-a-build-reaches-the-network/'],
    [768, '/'],
    [360, '/zh-cn/'],
    [1280, '/how-a-build-reaches-the-network/'],
  ])(
    'at %i px wide the actors diagram on %s keeps every text inside its box, at a readable size',
    async (width, path) => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${base}${path}`);
      const r = await page.evaluate(() => {
        const out: string[] = [];
        let texts = 0;
        let minFont = 99;
        for (const box of document.querySelectorAll<HTMLElement>('.bp-actors .bp-box')) {
          const b = box.getBoundingClientRect();
          if (b.right > document.documentElement.clientWidth + 0.5)
            out.push(`box past the viewport: ${box.textContent}`);
          const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent?.trim()) continue;
            texts++;
            minFont = Math.min(minFont, Number.parseFloat(getComputedStyle(n.parentElement!).fontSize));
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const t of range.getClientRects()) {
              if (
                t.left < b.left - 0.5 ||
                t.right > b.right + 0.5 ||
                t.top < b.top - 0.5 ||
                t.bottom > b.bottom + 0.5
              )
                out.push(`"${n.textContent}" outside its box`);
            }
          }
        }
        return { out, texts, minFont, boxes: document.querySelectorAll('.bp-actors .bp-box').length };
      });
      expect(r.boxes).toBe(6);
      expect(r.texts).toBeGreaterThan(20);
      expect(r.out).toEqual([]);
      expect(r.minFont).toBeGreaterThanOrEqual(13);
      await page.close();
    },
  );

  it('search finds a rule by its error text', async () => {
    const { page, links } = await search('/', 'failed to fetch oauth token');
    await expect
      .poll(() => links.first().getAttribute('href'), { timeout: 15_000 })
      .toMatch(/\/rules\/client-token-proxy\//);
    await page.close();
  });

  it('snippet generator: the page computes exactly what buildproxy plan --json prints', async () => {
    const page = await open('/tools/snippets/');
    await page.locator('input[name="proxy"]').fill('http://alice:p%40ss@proxy.corp.example:3128');
    await page.locator('input[name="noProxy"]').fill('localhost,.corp.example');
    await page.locator('input[name="registries"]').fill('registry.corp.example:5000');
    // The generator loads on first use: wait for the plan made from the typed proxy (the page's first plan already
    // has the registry, so waiting for that raced the engine under load).
    await page.waitForFunction(() =>
      document.getElementById('snippet-json')?.textContent?.includes('http://alice:***@proxy.corp.example'),
    );
    const json = await page.locator('#snippet-json').textContent();
    const bundle = join(mkdtempSync(join(tmpdir(), 'bp-docs-')), 'machine.json');
    writeFileSync(bundle, JSON.stringify(synthesize(fixtures.REFERENCE_MACHINE)));
    const targets = [
      'docker-systemd',
      'buildx-docker-container',
      'docker-cli-config',
      'client-shell',
    ].flatMap((t) => ['--target', t]);
    const cli = execFileSync(
      process.execPath,
      [
        CLI,
        'plan',
        '--from',
        bundle,
        '--proxy',
        'http://alice:p%40ss@proxy.corp.example:3128',
        '--no-proxy',
        'localhost,.corp.example',
        '--registry',
        'registry.corp.example:5000',
        ...targets,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    rmSync(dirname(bundle), { recursive: true, force: true });
    // The page shows the example home as a placeholder; everything else is the CLI's plan, byte for byte.
    expect(JSON.parse(json!)).toEqual(JSON.parse(homeText(cli, fixtures.HOME, 'json')));
    expect(json).not.toContain('p%40ss');
    expect(await page.locator('.bp-copy').count()).toBeGreaterThanOrEqual(4);
    await page.locator('input[name="proxy"]').fill('http://:3128');
    await page.waitForFunction(() =>
      /no host/.test(document.getElementById('snippet-error')?.textContent ?? ''),
    );
    await page.close();
  });

  it('the tools download their engine only when used; Copy on a fresh page copies the real block', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    for (const path of ['/tools/snippets/', '/tools/analyze/']) {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const before = scripts.length;
      // Nothing of core's analysis is fetched until the reader heads for the tool.
      await page.hover(path.includes('snippets') ? '#snippet-output' : '#drop', { timeout: 15_000 });
      await expect.poll(() => scripts.length, { timeout: 15_000 }).toBeGreaterThan(before);
      if (path.includes('snippets')) {
        await page.locator('.bp-copy').first().click({ timeout: 15_000 });
        await page.waitForFunction(() => document.querySelector('.bp-copy')?.textContent === 'Copied', null, {
          timeout: 15_000,
        });
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied.length).toBeGreaterThan(20);
        // The default form has no password, so the block shown is the block copied.
        expect(await page.locator('#snippet-output').textContent()).toContain(copied.trim().split('\n')[0]);
      }
      await page.close();
    }
    await context.close();
  });

  it('capture analyzer: the doctor runs in the page, findings link to their rules', async () => {
    const page = await open('/tools/analyze/');
    const ev = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
    await page.locator('#capture-text').fill(JSON.stringify(ev));
    const link = page.locator('.bp-findings a[href="/rules/build-args-only/"]');
    await link.waitFor();
    await page.locator('#capture-text').fill('{"format": "buildproxy.evidence/v9"}');
    await page.waitForFunction(() =>
      /unknown bundle format/.test(document.getElementById('capture-error')?.textContent ?? ''),
    );
    await page.close();
  });

  it.each(['/', '/rules/builder-proxy-missing/', '/tools/snippets/'])(
    'no layout shift on %s',
    async (path) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(() => {
        (window as unknown as { __cls: number }).__cls = 0;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      expect(cls).toBeLessThan(0.01);
      await page.close();
    },
  );

  // The cause of the 0.42 shift on a slow CPU (issue #12): Starlight puts the table of contents before the page in
  // the document, so a layout made before the parser reaches the page had it alone at the left, and it jumped
  // right. Without the page, it must already stand where it ends up.
  it.each(['/rules/builder-proxy-missing/', '/tools/snippets/'])(
    'the table of contents stands in its place before the page arrives: %s',
    async (path) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      const x = () =>
        page.evaluate(() => document.querySelector('.right-sidebar-container')!.getBoundingClientRect().x);
      const placed = await x();
      expect(placed).toBeGreaterThan(900);
      await page.evaluate(() => document.querySelector('.main-pane')!.remove());
      expect(await x()).toBe(placed);
      await page.close();
    },
  );

  it('code blocks have copy buttons', async () => {
    const page = await open('/guides/docker-engine-systemd/');
    expect(await page.locator('.expressive-code .copy button').count()).toBeGreaterThan(1);
    await page.close();
  });

  it('snippet generator: --mirror and --ca-cert fields reach the plan as the CLI makes it; the doctor warnings show', async () => {
    const page = await open('/tools/snippets/');
    const dir = mkdtempSync(join(tmpdir(), 'bp-docs-'));
    const ca = join(dir, 'corp.crt');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n');
    await page.locator('input[name="target"][value="buildkitd-toml"]').check();
    await page.locator('input[name="mirrors"]').fill('mirror.corp.example:5000');
    await page.locator('input[name="caCert"]').fill(ca);
    await page.waitForFunction(() =>
      document.getElementById('snippet-json')?.textContent?.includes('corp.crt'),
    );
    const json = await page.locator('#snippet-json').textContent();
    const bundle = join(dir, 'machine.json');
    writeFileSync(bundle, JSON.stringify(synthesize(fixtures.REFERENCE_MACHINE)));
    const cli = execFileSync(
      process.execPath,
      [
        CLI,
        'plan',
        '--from',
        bundle,
        '--proxy',
        'http://proxy.corp.example:3128',
        '--no-proxy',
        'localhost,127.0.0.1,.corp.example',
        '--registry',
        'registry.corp.example:5000',
        '--mirror',
        'mirror.corp.example:5000',
        '--ca-cert',
        ca,
        ...[
          'docker-systemd',
          'buildx-docker-container',
          'buildkitd-toml',
          'docker-cli-config',
          'client-shell',
        ].flatMap((t) => ['--target', t]),
        '--json',
      ],
      { encoding: 'utf8' },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(JSON.parse(json!)).toEqual(JSON.parse(homeText(cli, fixtures.HOME, 'json')));
    const out = page.locator('#snippet-output');
    expect(await out.textContent()).toContain('mirrors');
    // What the plan knows is on the page: modes, reasons, the write steps, the restart caution, what stays open.
    const text = (await out.textContent()) ?? '';
    expect(text).toContain('Mode 0600');
    expect(text).toContain('install -m 0600 /dev/null "$HOME/.docker/config.json"');
    expect(text).toMatch(/sudo mkdir -p \/etc\/systemd\/system\/docker\.service\.d/);
    expect(await page.locator('.bp-caution').textContent()).toContain('stops running containers');
    expect(text).toContain('Stays open after this plan');
    for (const [proxy, rule] of [
      ['https://proxy.corp.example:3128', 'https-proxy-scheme'],
      ['socks5://proxy.corp.example:1080', 'all-proxy-only'],
      ['http://127.0.0.1:7890', 'loopback-proxy-unreachable'],
    ]) {
      await page.locator('input[name="proxy"]').fill(proxy!);
      await page.locator(`.bp-warning a[href="/rules/${rule}/"]`).first().waitFor({ timeout: 10_000 });
    }
    await page.locator('input[name="proxy"]').fill('http://proxy.corp.example:3128');
    await page.waitForFunction(() => document.querySelectorAll('.bp-warning').length === 0);
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  });

  it('Copy says so when it cannot copy (plain http has no navigator.clipboard)', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      document.execCommand = () => false;
    });
    await page.goto(`${base}/tools/snippets/`);
    await page.locator('.bp-copy').first().click();
    await page.waitForFunction(() =>
      document.querySelector('.bp-copy')?.textContent?.startsWith('Copy failed'),
    );
    await page.close();
  });

  it('capture analyzer renders the report the CLI prints for the same capture', async () => {
    const page = await open('/tools/analyze/');
    const ev = synthesize(
      fixtures.variant(fixtures.GOOD_DOCKER, {
        removeFiles: [fixtures.DROP_IN, fixtures.CONFIG_JSON],
        env: { HTTPS_PROXY: fixtures.PROXY },
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'bp-docs-'));
    writeFileSync(join(dir, 'ev.json'), JSON.stringify(ev));
    let cli = '';
    try {
      cli = execFileSync(process.execPath, [CLI, 'doctor', '--from', join(dir, 'ev.json'), '--no-color'], {
        encoding: 'utf8',
      });
    } catch (e) {
      cli = (e as { stdout: string }).stdout; // exit 1: errors found
    }
    rmSync(dir, { recursive: true, force: true });
    await page.locator('#capture-text').fill(JSON.stringify(ev));
    await page.locator('.bp-report').waitFor();
    const shown = await page.locator('.bp-report').innerText();
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
    expect(norm(shown)).toBe(norm(cli));
    expect(cli).toMatch(/Proxy: http:\/\/proxy\.corp\.example:3128 \(from /);
    expect(await page.locator('.bp-report a[href="/rules/builder-proxy-missing/"]').count()).toBeGreaterThan(
      0,
    );
    await page.close();
  });

  it('search ranks the daemon.json guide first for "daemon.json"', async () => {
    const { page, links } = await search('/', 'daemon.json');
    // Results arrive as the index loads; the order settles on the full query.
    await expect
      .poll(() => links.first().getAttribute('href'), { timeout: 15_000 })
      .toMatch(/\/guides\/daemon-json-proxies\//);
    await page.close();
  });

  // The 6-column operation -> actor table once hid its last columns on a phone with nothing to say so.
  it('at 390 px a table wider than the page scrolls, is focusable, and shows the scroll shadow', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/how-a-build-reaches-the-network/`);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sl-markdown-content table')]
        .filter((t) => t.scrollWidth > t.clientWidth + 1)
        .map((t) => ({
          tab: t.tabIndex,
          bg: getComputedStyle(t).backgroundImage,
          overflow: getComputedStyle(t).overflowX,
        })),
    );
    expect(wide.length).toBeGreaterThan(0);
    for (const t of wide) {
      expect(t.tab).toBe(0);
      expect(t.bg).toContain('radial-gradient');
      expect(['auto', 'scroll']).toContain(t.overflow);
    }
    await page.close();
  });

  it('the NO_PROXY page has headings in its table of contents', async () => {
    const page = await open('/reference/no-proxy/');
    expect(await page.locator('starlight-toc a').count()).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('the language switcher leads to the same page in the other language, and back', async () => {
    const page = await open('/guides/standalone-buildkitd/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await Promise.all([
      page.waitForURL('**/zh-cn/guides/standalone-buildkitd/'),
      page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' }),
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('独立运行的 buildkitd');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/guides/standalone-buildkitd/'),
      page.locator('starlight-lang-select select').first().selectOption({ label: 'English' }),
    ]);
    await page.close();
  });

  it('search answers in the page language', async () => {
    for (const [path, query, want, not] of [
      ['/zh-cn/', '镜像加速器', /^\/zh-cn\//, /^\/(?!zh-cn\/)/],
      ['/', 'daemon.json', /^\/guides\//, /^\/zh-cn\//],
    ] as const) {
      const { page, links } = await search(path, query);
      await links.first().waitFor({ timeout: 15_000 });
      const hrefs = await links.evaluateAll((as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      expect(hrefs[0]).toMatch(want);
      expect(hrefs.filter((h) => not.test(h))).toEqual([]);
      await page.close();
    }
  });

  // Every page type, both themes, desktop and phone width.
  const AXE_PAGES = [
    '/',
    '/how-a-build-reaches-the-network/',
    '/guides/standalone-buildkitd/',
    '/guides/local-proxy-client/',
    '/reference/no-proxy/',
    '/reference/troubleshooting/',
    '/reference/cli/',
    '/rules/',
    '/rules/builder-proxy-missing/',
    '/tools/snippets/',
    '/tools/analyze/',
    '/404.html',
    '/zh-cn/',
    '/zh-cn/guides/standalone-buildkitd/',
    '/zh-cn/guides/local-proxy-client/',
    '/zh-cn/rules/builder-proxy-missing/',
    '/zh-cn/reference/no-proxy/',
    '/zh-cn/reference/verify/',
    '/zh-cn/tools/snippets/',
  ];
  const axeCases = AXE_PAGES.flatMap((p) =>
    (['dark', 'light'] as const).flatMap((theme) => [1280, 390].map((w) => [p, theme, w] as const)),
  );
  it.each(axeCases)(
    'axe-core: no serious or critical violation on %s (%s, %i px)',
    async (path, theme, width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(`${base}${path}`);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      if (path === '/tools/analyze/') {
        // The report, with its findings, is what axe once flagged: scan it rendered.
        const ev = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
        await page.locator('#capture-text').fill(JSON.stringify(ev));
        await page.locator('.bp-report').waitFor();
      }
      await page.addScriptTag({
        content: readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8'),
      });
      const violations = await page.evaluate(async () => {
        const r = await (
          window as unknown as {
            axe: {
              run: () => Promise<{
                violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe.run();
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          );
      });
      expect(violations).toEqual([]);
      await page.close();
    },
  );
});
