// The built site read as a reader copies from it: every buildproxy command and flag exists, no typographic
// character inside anything command-like, no fixture home, whole headings, an install line that works today, and
// every page light on load. Static checks over dist/ (the browser checks are in site.test.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAUSE_TITLES_ZH_CN, RULES, signatures, TARGETS } from '@buildproxy/core';
import { describe, expect, it } from 'vitest';
import { troubleshootingHeading } from '../scripts/headings';
import { listFiles, pageWeights } from '../scripts/page-weight.mjs';
import { chineseProse, decode, englishSentences } from './prose';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, '..', 'dist');
const CLI = join(here, '..', '..', 'tui', 'dist', 'cli.cjs');
if (!existsSync(join(DIST, 'index.html'))) throw new Error('build the docs first: pnpm docs:build');

const pages = listFiles(DIST)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ path: `/${relative(DIST, f).replace(/index\.html$/, '')}`, html: readFileSync(f, 'utf8') }));

/** Code as a reader copies it: expressive-code blocks (their copy button's data-code), the snippet generator's own
 * blocks, and inline code spans. `text` blocks are output (help, error messages), not something to run. */
function codeOf(html: string): { blocks: string[]; spans: string[] } {
  const blocks = [...html.matchAll(/<pre[^>]*data-language="([^"]*)"[\s\S]*?data-code="([^"]*)"/g)]
    .filter((m) => m[1] !== 'text')
    .map((m) => decode(m[2]!).replace(/\u007f/g, '\n'));
  blocks.push(
    ...[...html.matchAll(/<pre data-lang="(?!text)[^"]*"[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) =>
      decode(m[1]!),
    ),
  );
  const spans = [...html.matchAll(/<code[^>]*>([^<]*?)<\/code>/g)].map((m) => decode(m[1]!));
  return { blocks, spans };
}
const mainText = (html: string) => decode((/<main[\s\S]*<\/main>/.exec(html) ?? [''])[0]);

// The CLI's own flags, from its --help (the same text the CLI reference page is generated from).
const help = (args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: '', NO_COLOR: '1' } });
const COMMANDS = [
  'doctor',
  'plan',
  'apply',
  'undo',
  'route',
  'why',
  'verify',
  'rules',
  'explain',
  'report',
  'mcp',
];
const flagsOf = (text: string) =>
  new Set([...text.matchAll(/(?<![\w-])--?[a-zA-Z][\w-]*/g)].map((m) => m[0]));
const FLAGS: Record<string, Set<string>> = Object.fromEntries(
  COMMANDS.map((c) => [c, flagsOf(help([c, '--help']))]),
);
FLAGS[''] = new Set([...flagsOf(help(['--help'])), ...flagsOf(help(['--help', 'wizard']))]);

/** Each `buildproxy …` invocation in a piece of code: its command and its flags with their values. */
function invocations(code: string): { cmd: string; words: string[]; line: string }[] {
  const out: { cmd: string; words: string[]; line: string }[] = [];
  for (const line of code.replace(/\\\n/g, ' ').split('\n')) {
    for (const m of line.matchAll(/(?:^|[\s;&|(`$])(?:npx |pnpm )?buildproxy((?:\s+[^\s;&|#`)]+)*)/g)) {
      // A quoted argument is one word (--command "buildctl build --local …" passes buildctl's flags, not ours).
      const words = m[1]!.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
      const cmd = words[0] && COMMANDS.includes(words[0]) ? words.shift()! : '';
      out.push({ cmd, words, line: line.trim() });
    }
  }
  return out;
}

describe('commands on the site exist in the CLI', () => {
  const all = pages.flatMap((p) => {
    const { blocks, spans } = codeOf(p.html);
    return [...blocks, ...spans].flatMap((c) => invocations(c).map((i) => ({ ...i, page: p.path })));
  });

  it('finds the invocations it checks', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((i) => i.cmd === 'plan' && i.words.includes('--target'))).toBe(true);
  });

  it('every flag is one that command accepts, every --target a real target', () => {
    expect(unknownWords(all)).toEqual([]);
  });

  /** The flags a command does not accept and the --target values that are not targets, one line each. */
  function unknownWords(invs: { cmd: string; words: string[]; line: string; page: string }[]): string[] {
    const bad: string[] = [];
    for (const i of invs) {
      const known = new Set([...(FLAGS[i.cmd] ?? []), ...FLAGS['']!]);
      i.words.forEach((w, n) => {
        const flag = w.replace(/=.*$/, '');
        if (/^--?[a-zA-Z]/.test(flag) && !known.has(flag)) bad.push(`${i.page}: ${flag} in "${i.line}"`);
        if (flag === '--target') {
          const t = w.includes('=') ? w.slice(w.indexOf('=') + 1) : i.words[n + 1];
          if (t && /^[a-z]/.test(t) && !(TARGETS as readonly string[]).includes(t))
            bad.push(`${i.page}: target ${t} in "${i.line}"`);
        }
      });
    }
    return bad;
  }

  // Prose names targets too ("target `docker-systemd`", "targets `a`, `b`"): each must be one `plan --target`
  // accepts. (Rule texts once said buildx-container, docker-config and build-commands.)
  it('every target named in prose is a real target', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const p of pages) {
      const html = mainText(p.html.replace(/<code[^>]*>([^<]*)<\/code>/g, '`$1`'));
      for (const m of html.matchAll(/\btargets?\b[:\s(]*((?:`[^`]+`(?:,\s*|\s+(?:and|or)\s+)?)+)/gi)) {
        for (const t of m[1]!.matchAll(/`([^`]+)`/g)) {
          const name = t[1]!.replace(/^--target\s+/, '');
          if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(name)) continue;
          seen++;
          if (!(TARGETS as readonly string[]).includes(name)) bad.push(`${p.path}: ${name}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(30);
    expect(bad).toEqual([]);
  });

  it('the check rejects a made-up flag and target (it can fail)', () => {
    const [i] = invocations('buildproxy plan --target buildx-container --frobnicate');
    expect(i!.cmd).toBe('plan');
    expect(FLAGS.plan!.has('--frobnicate')).toBe(false);
    expect((TARGETS as readonly string[]).includes('buildx-container')).toBe(false);
    expect(unknownWords([{ ...i!, page: '/x/' }])).toEqual([
      '/x/: target buildx-container in "buildproxy plan --target buildx-container --frobnicate"',
      '/x/: --frobnicate in "buildproxy plan --target buildx-container --frobnicate"',
    ]);
  });
});

describe('typography never reaches a command', () => {
  const TYPO = /[\u2012-\u2015\u2018\u2019\u201c\u201d\u2032\u2033]/;
  it.each(pages.map((p) => [p.path, p.html] as const))('%s', (_path, html) => {
    const { blocks, spans } = codeOf(html);
    // Code is copied as is: no em dash, en dash or curly quote anywhere in it.
    for (const c of [...blocks, ...spans]) expect(TYPO.test(c) ? c : '').toBe('');
    // Prose: what smart punctuation does to a flag (`—driver-opt`) or a quoted field (“env.NO_PROXY=…”).
    const text = mainText(html);
    expect(text.match(/[\u2013\u2014][a-z]+-[a-z]+/g) ?? []).toEqual([]);
    expect(text.match(/[\u201c\u2018][\w.-]+=/g) ?? []).toEqual([]);
  });
});

describe('no hard-coded home', () => {
  it.each(pages.map((p) => [p.path, p.html] as const))('%s', (_path, html) => {
    expect(decode(html).match(/\/(?:home|Users)\/(?!YOUR_USER\b)[a-z_][\w-]*/g) ?? []).toEqual([]);
  });
});

describe('pages', () => {
  it('troubleshooting headings are whole sentences of the classifier', () => {
    const html = pages.find((p) => p.path === '/reference/troubleshooting/')!.html;
    const h2 = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => decode(m[1]!).trim());
    for (const s of signatures()) {
      const h = troubleshootingHeading(s.explanation);
      expect(h2).toContain(h);
      const rest = s.explanation.slice(h.length);
      expect(rest === '' || /^\.(\s|$)/.test(rest), `${h} | ${rest}`).toBe(true);
    }
    // The cut the old split('.') made:
    expect(h2.some((h) => /\b127$|\b23$|< 0$/.test(h))).toBe(false);
  });

  it('every troubleshooting example names its source (the issue it was pasted in, or the test that reruns it)', () => {
    for (const path of ['/reference/troubleshooting/', '/zh-cn/reference/troubleshooting/']) {
      const html = pages.find((p) => p.path === path)!.html;
      const missing = signatures().filter((s) =>
        s.source.startsWith('https://') ? !html.includes(`href="${s.source}"`) : !html.includes(s.source),
      );
      expect(
        missing.map((s) => s.id),
        path,
      ).toEqual([]);
    }
  });

  it('zh-CN troubleshooting headings are Chinese, one per cause, not the English classifier text', () => {
    const html = pages.find((p) => p.path === '/zh-cn/reference/troubleshooting/')!.html;
    const h2 = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => decode(m[1]!).trim());
    for (const s of signatures()) {
      expect(h2).toContain(CAUSE_TITLES_ZH_CN[s.id]);
      expect(h2).not.toContain(troubleshootingHeading(s.explanation));
    }
    for (const h of h2.filter((x) => Object.values(CAUSE_TITLES_ZH_CN).includes(x)))
      expect(h, h).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the install instruction works today; npx / npm -g only as "once published"', () => {
    for (const p of pages) {
      const text = mainText(p.html);
      for (const m of text.matchAll(/npx buildproxy|npm (?:i|install) -g buildproxy/g)) {
        const around = text.slice(Math.max(0, m.index! - 300), m.index! + 300);
        expect(around, p.path).toMatch(/once\b[\w ]{0,25}published|发布后|发布到 npm 之后/i);
      }
    }
    const landing = mainText(pages.find((p) => p.path === '/')!.html);
    expect(landing).toContain('pnpm install --frozen-lockfile');
    expect(landing).toContain('pnpm build');
    // The command it aliases exists after those steps (this test runs after pnpm build) and runs.
    const m = /node \$PWD\/(packages\/tui\/dist\/cli\.cjs)/.exec(landing);
    expect(m).not.toBeNull();
    const root = join(here, '..', '..', '..');
    expect(execFileSync(process.execPath, [join(root, m![1]!), '--version'], { encoding: 'utf8' })).toMatch(
      /^\d+\.\d+\.\d+/,
    );
  });

  it('a link whose text names a rule leads to that rule; an issue reference is a link', () => {
    const bad: string[] = [];
    const ids = new Set(RULES.map((r) => r.id));
    for (const p of pages) {
      for (const m of p.html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
        const text = decode(m[2]!).trim();
        if (ids.has(text) && !m[1]!.endsWith(`/rules/${text}/`)) bad.push(`${p.path}: [${text}](${m[1]})`);
      }
      // owner/repo#N in prose, outside a link, is a reference the reader cannot follow.
      const prose = mainText(p.html.replace(/<a [\s\S]*?<\/a>/g, '').replace(/<pre[\s\S]*?<\/pre>/g, ''));
      for (const m of prose.matchAll(/\b[\w-]+\/[\w.-]+#\d+\b/g)) bad.push(`${p.path}: unlinked ${m[0]}`);
    }
    expect(bad).toEqual([]);
  });

  it('the smaller items of issue 19 stay fixed', () => {
    const text = (path: string) => mainText(pages.find((p) => p.path === path)!.html);
    const tls = text('/reference/tls-inspection/');
    expect(tls).not.toMatch(/without baking/);
    expect(tls).toMatch(/stays in the image/);
    expect(text('/guides/daemon-json-proxies/')).not.toMatch(/log-level/);
    const rootless = text('/guides/rootless-docker/');
    expect(rootless).toContain('DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false');
    expect(rootless).toContain('10.0.2.2');
    for (const path of ['/guides/docker-desktop/', '/guides/local-proxy-client/'])
      expect(text(path)).toMatch(/host\.docker\.internal[^.]*(resolves|Desktop resolves)/);
    const actors = text('/how-a-build-reaches-the-network/');
    expect(actors).toMatch(/tcp:\/\/docker-daemon1\.example\.com:2376/);
    expect(actors).toMatch(/replaces\s+default/);
    expect(actors).toMatch(/docker run/);
    const gh = text('/guides/github-actions/');
    expect(gh).toMatch(/runner host's dockerd/);
    expect(gh).toMatch(/runs-on: self-hosted/);
    const buildkitd = text('/guides/standalone-buildkitd/');
    expect(buildkitd).toContain('systemctl --user show --property=Environment buildkit');
    expect(buildkitd).toContain('sudo systemctl show --property=Environment buildkit');
    expect(buildkitd).toContain('~/.config/buildkit/buildkitd.toml');
    expect(buildkitd).toContain('/etc/buildkit/buildkitd.toml');
    // Issue 13: how to verify truly, and that buildctl debug workers proves nothing.
    expect(buildkitd).toMatch(/buildctl debug workers --verbose\s+is\s+not\s+a check/);
    expect(buildkitd).toContain('systemctl show buildkit -p Environment');
    expect(buildkitd).toContain('/proc/PID/environ');
    expect(buildkitd).toContain('buildproxy doctor --command "buildctl build');
    expect(buildkitd).toMatch(/A real build/);
  });

  it('the laptop guides (issue 16): Desktop, WSL 2 and PAC files carry the generated fixes', () => {
    const text = (path: string) => mainText(pages.find((p) => p.path === path)!.html);
    const desktop = text('/guides/docker-desktop/');
    expect(desktop).toContain('Settings > Resources > Proxies');
    expect(desktop).toContain('http.docker.internal:3128');
    const wsl = text('/guides/wsl2/');
    expect(wsl).toContain('networkingMode=mirrored');
    expect(wsl).toContain('autoProxy=false');
    expect(wsl).toContain('wsl --shutdown');
    // the PAC page's example is what core prints for the corporate PAC file, not a copy
    const pac = text('/guides/pac-files/');
    expect(pac).toMatch(/the static equivalent is HTTPS_PROXY=http:\/\/proxy\.corp\.example:8080/);
    expect(pac).toMatch(/DIRECT; PROXY a:8080/);
    for (const path of ['/zh-cn/guides/wsl2/', '/zh-cn/guides/pac-files/'])
      expect(text(path)).toMatch(/networkingMode=mirrored|HTTPS_PROXY/);
  });

  // Every English page has its zh-CN translation, not the English fallback Starlight would otherwise show under
  // /zh-cn/: the core path, the generated guides, rules, references and the tools alike.
  const english = pages.map((p) => p.path).filter((p) => !p.startsWith('/zh-cn/') && p !== '/404.html');
  it('the site has the English pages this check walks', () => {
    expect(english.length).toBeGreaterThan(70);
    for (const p of ['/', '/reference/verify/', '/reference/other-engines/', '/reference/writing-files/'])
      expect(english).toContain(p);
  });
  it.each(english.map((p) => `/zh-cn${p}`))('%s is a zh-CN translation', (path) => {
    const page = pages.find((p) => p.path === path);
    expect(page, path).toBeDefined();
    expect(page!.html).toMatch(/<html[^>]*lang="zh-CN"/);
    const text = mainText(page!.html);
    expect((text.match(/[\u4e00-\u9fff]/g) ?? []).length).toBeGreaterThan(40);
    // Starlight's notice on a page shown in English for want of a translation.
    expect(page!.html).not.toMatch(
      /data-starlight-fallback|此内容尚不支持你的语言|not available in your language/i,
    );
  });

  // What a zh-CN reader reads as prose is Chinese: English may stand in code (commands, files, the CLI's own
  // output) and inside an element marked lang="en" (titles of the English sources cited), nowhere else.
  it.each(english.map((p) => `/zh-cn${p}`))('%s has no English sentence in its prose', (path) => {
    const page = pages.find((p) => p.path === path);
    expect(englishSentences(chineseProse(page!.html))).toEqual([]);
  });

  it('the English-prose check can fail: it finds a sentence, skips code and lang="en"', () => {
    const html = (body: string) => `<main>${body}</main>`;
    expect(englishSentences(chineseProse(html('<p>它 gives dockerd the proxy at start-up。</p>')))).toEqual([
      'gives dockerd the proxy at start-up',
    ]);
    expect(
      englishSentences(
        chineseProse(
          html(
            '<p>中文 <code>gives dockerd the proxy at start</code> <span lang="en"><a>Use a proxy with the CLI</a></span></p>' +
              '<div class="expressive-code"><pre>is the one on the page</pre><button data-code="a > b is in the code">x</button></div>' +
              '<p>dockerd buildkitd containerd runc buildx</p>',
          ),
        ),
      ),
    ).toEqual([]);
  });

  it('procedures are Starlight Steps: the install page numbers its from-source and binary steps', () => {
    const html = pages.find((p) => p.path === '/install/')!.html;
    const steps = [...html.matchAll(/<ol[^>]*class="[^"]*sl-steps[^"]*"[^>]*>([\s\S]*?)<\/ol>/g)];
    expect(steps.length).toBe(2);
    expect(decode(steps[1]![1]!)).toContain('sha256sum -c buildproxy-linux-x64.sha256');
  });

  it('/favicon.svg exists', () => {
    expect(existsSync(join(DIST, 'favicon.svg'))).toBe(true);
    expect(pages.find((p) => p.path === '/')!.html).toContain('href="/favicon.svg"');
  });

  it('every page is at most 60 KB gzip on load (the tools fetch their engine on first use)', () => {
    const heavy = pageWeights(DIST).filter((w) => w.bytes > 60 * 1024);
    expect(heavy.map((w) => `${w.page} ${w.bytes}`)).toEqual([]);
  });
});
