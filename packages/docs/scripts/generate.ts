// Generates the docs pages that must say exactly what the CLI says: one page per rule, troubleshooting by
// error message, the CLI reference (from the built CLI's own --help), NO_PROXY tables and the setup guides,
// whose snippets come from core's plan generators.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, signatures } from '@buildproxy/core';
import { EVIDENCE_META, evidencePage } from './evidence-page.js';
import { generateZhCn } from './generate-zh-cn.js';
import { GUIDES } from './guides.js';
import { exampleSource, rulePage, troubleshootingHeading } from './headings.js';
import { guideBody, noProxyRows } from './shared-pages.js';

const here = dirname(fileURLToPath(import.meta.url));
const docs = join(here, '..', 'src', 'content', 'docs');
const cli = join(here, '..', '..', 'tui', 'dist', 'cli.cjs');

function write(rel: string, content: string): void {
  const p = join(docs, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}

function frontmatter(title: string, description: string, extra = ''): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\n${extra}---\n\n`;
}

// Rules: the same markdown `buildproxy explain` renders.
rmSync(join(docs, 'rules'), { recursive: true, force: true });
for (const d of [
  'rules',
  'guides',
  'reference/troubleshooting.md',
  'reference/no-proxy.md',
  'reference/cli.md',
  'reference/evidence.md',
])
  rmSync(join(docs, 'zh-cn', d), { recursive: true, force: true });
for (const r of RULES) {
  write(`rules/${r.id}.md`, `${frontmatter(r.title, r.summary)}${rulePage(r)}`);
}
write(
  'rules/index.md',
  `${frontmatter('Rules', 'Every check buildproxy doctor runs, with why it matters and how to fix it.', 'sidebar:\n  order: 0\n')}` +
    `buildproxy checks ${RULES.length} rules. Each page is the same text \`buildproxy explain <id>\` prints.\n\n` +
    `| Rule | Severity | Actor | What it means |\n|---|---|---|---|\n${[...RULES]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(
        (r) =>
          `| [\`${r.id}\`](/rules/${r.id}/) | ${r.severity} | ${r.actor} | ${r.summary.replace(/\|/g, '\\|')} |`,
      )
      .join('\n')}\n`,
);

// Troubleshooting by error message: the classifier's own signatures.
write(
  'reference/troubleshooting.md',
  `${frontmatter('Troubleshooting by error message', 'Find the actor and the rule behind a build error.', 'sidebar:\n  order: 1\n')}` +
    'Paste your error into `buildproxy why` (or pipe the build output into it) to get this automatically. ' +
    'Each entry below is one signature of its classifier, with a real error text of that kind.\n\n' +
    signatures()
      .map(
        (s) =>
          `## ${troubleshootingHeading(s.explanation)}\n\n\`\`\`text\n${s.example}\n\`\`\`\n\n` +
          `Source: ${exampleSource(s.source, (t) => `printed by the real program, rerun by ${t}`)}.\n\n` +
          `**Actor:** ${s.actor}. ${s.explanation}\n\n` +
          `Rules: ${s.rules.map((r) => `[\`${r}\`](/rules/${r}/)`).join(', ')}\n`,
      )
      .join('\n'),
);

// CLI reference from the CLI itself.
if (!existsSync(cli)) throw new Error(`build the CLI first (pnpm build): ${cli} is missing`);
const help = (args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
const commands: [string, string[]][] = [
  ['buildproxy', ['--help']],
  ['buildproxy (wizard)', ['--help', 'wizard']],
  ['doctor', ['doctor', '--help']],
  ['plan', ['plan', '--help']],
  ['apply', ['apply', '--help']],
  ['undo', ['undo', '--help']],
  ['route', ['route', '--help']],
  ['why', ['why', '--help']],
  ['verify', ['verify', '--help']],
  ['rules', ['rules', '--help']],
  ['explain', ['explain', '--help']],
  ['report', ['report', '--help']],
  ['mcp', ['mcp', '--help']],
];
const cliSections = commands
  .map(
    ([name, args]) =>
      `## \`${name.startsWith('buildproxy') ? name : `buildproxy ${name}`}\`\n\n\`\`\`text\n${help(args).trimEnd()}\n\`\`\`\n`,
  )
  .join('\n');
write(
  'reference/cli.md',
  `${frontmatter('CLI reference', 'Every buildproxy command and flag, as the CLI prints them.', 'sidebar:\n  order: 2\n')}` +
    `Generated from the CLI's own \`--help\` output at build time.\n\n${cliSections}`,
);

// The evidence bundle: what the doctor reads and runs, listed from core's own canonical probes.
write(
  'reference/evidence.md',
  `${frontmatter(EVIDENCE_META.en.title, EVIDENCE_META.en.description, 'sidebar:\n  order: 4\n')}${evidencePage('en')}`,
);

// NO_PROXY: Go and curl side by side, computed by the same matchers the CLI uses.
write(
  'reference/no-proxy.md',
  `${frontmatter('NO_PROXY semantics: Go vs curl', 'How dockerd, buildkitd and buildx read NO_PROXY, and how curl in RUN steps does.', 'sidebar:\n  order: 3\n')}` +
    `## Who reads it how

dockerd, buildkitd, buildx and containerd use Go's \`golang.org/x/net/http/httpproxy\`; the tools inside RUN steps
mostly use curl or something like it. They read the same variables differently:

| | Go (daemons, builders, buildx) | curl (RUN steps) |
|---|---|---|
| variables | \`HTTP_PROXY\` / \`HTTPS_PROXY\` / \`NO_PROXY\`, uppercase first | \`http_proxy\` lowercase only; others lower then upper |
| \`https://\` URLs | \`HTTPS_PROXY\` only, never \`HTTP_PROXY\` | \`https_proxy\` / \`HTTPS_PROXY\` |
| \`ALL_PROXY\` | ignored | fallback |
| separators | commas only, entries trimmed | commas and spaces |
| \`.corp\` | subdomains only | the domain and subdomains |
| \`*.corp\` | same as \`.corp\` | never matches |
| \`host:port\` | that port only | not supported |
| CIDR | IP literals only | IP literals (curl ≥ 7.86) |
| localhost, loopback | never proxied | proxied unless listed |

## Examples, computed

Computed by buildproxy's matchers (the same code \`buildproxy route\` uses):

| NO_PROXY | request host | Go | curl | note |
|---|---|---|---|---|
${noProxyRows('en')}

## What to write

Check any URL against your machine with \`buildproxy route https://host/path\`. Safe to write everywhere: a
comma-separated list of \`.domain\` suffixes, host names, IPs and CIDRs, the same in every layer and both cases.
See [\`no-proxy-syntax\`](/rules/no-proxy-syntax/) and [\`no-proxy-missing-registry\`](/rules/no-proxy-missing-registry/).
`,
);

// Guides: prose plus snippets from the plan generators for an example machine, one tab per variant. MDX, so the
// generated prose outside code is escaped for it (mdxProse).
rmSync(join(docs, 'guides'), { recursive: true, force: true });
GUIDES.forEach((g, i) => {
  const prose = {
    intro: g.intro,
    labels: g.variants.map((v) => v.label),
    before: g.variants.map((v) => v.before),
    outro: g.outro,
  };
  write(
    `guides/${g.slug}.mdx`,
    `${frontmatter(g.title, g.description, `sidebar:\n  order: ${i + 1}\n`)}${guideBody(g, prose, 'en')}`,
  );
});
const zh = generateZhCn(write, frontmatter, GUIDES, cliSections);
console.log(
  `generated ${zh} zh-CN guides and ${RULES.length} zh-CN rule pages; ${RULES.length} rule pages, ${GUIDES.length} guides, ${signatures().length} error signatures`,
);
