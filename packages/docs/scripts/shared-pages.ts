// The generated pages that exist in both languages and differ only in their words: a guide (prose around plans
// that core generates) and the NO_PROXY examples (computed by the matchers the CLI uses). One renderer each, so
// the English and zh-CN pages cannot drift apart in what they compute.
import {
  curlNoProxyMatch,
  goBypass,
  makePlan,
  type ProfileInput,
  redactAll,
  registryHostport,
} from '@buildproxy/core';
import { type MachineSpec, synthesize } from '@buildproxy/core/testing';
import { type Lang, planView, renderPlanMarkdown } from '../src/scripts/render-plan.js';
import type { Guide } from './guides.js';
import { mdxProse } from './headings.js';
import { planTextZhCn } from './plan-text-zh-cn.js';

interface GuideWords {
  /** "With the proxy X (run Y for yours):" */
  withProxy: (proxy: string, command: string) => string;
  verify: string;
  configure: string;
  rulesBase: string;
}

const GUIDE_WORDS: Record<Lang, GuideWords> = {
  en: {
    withProxy: (p, c) => `With the proxy \`${p}\` (run \`${c}\` for yours):`,
    verify: 'Verify',
    configure: 'Configure',
    rulesBase: '/rules/',
  },
  'zh-CN': {
    withProxy: (p, c) => `代理为 \`${p}\`（用 \`${c}\` 为你的代理生成）：`,
    verify: '验证',
    configure: '配置',
    rulesBase: '/zh-cn/rules/',
  },
};

/** The prose a guide page puts around its generated plans, in one language. */
export interface GuideProse {
  intro: string;
  labels: string[];
  before?: (string | undefined)[];
  outro?: string;
}

/** A guide's MDX body (after the frontmatter): its intro, one tab per variant with that variant's plan, its outro. */
export function guideBody(g: Guide, prose: GuideProse, lang: Lang): string {
  const w = GUIDE_WORDS[lang];
  const sections = g.variants.map((v, k) => {
    const machine = synthesize(v.machine as MachineSpec);
    const { plan } = makePlan(machine, v.profile as ProfileInput, { targets: v.targets });
    const tr = lang === 'zh-CN' ? planTextZhCn : undefined;
    const body = mdxProse(renderPlanMarkdown(planView(plan, machine.host.home, [], lang, tr), w.rulesBase));
    const before = prose.before?.[k];
    const command = `buildproxy plan --target ${v.targets.join(' --target ')}`;
    return (
      `${before ? `${before.trim()}\n\n` : ''}${w.withProxy(redactAll(String(v.profile.proxy)), command)}\n\n` +
      `${body}\n\n### ${w.verify}\n\n\`\`\`${v.label.includes('PowerShell') ? 'powershell' : 'sh'}\n${v.verify.trim()}\n\`\`\``
    );
  });
  const configure =
    sections.length === 1
      ? sections[0]!
      : `<Tabs syncKey="${g.slug}">\n${prose.labels.map((l, k) => `<TabItem label=${JSON.stringify(l)}>\n\n${sections[k]}\n\n</TabItem>`).join('\n')}\n</Tabs>`;
  return (
    "import { TabItem, Tabs } from '@astrojs/starlight/components';\n\n" +
    // A guide is where a setup's name should lead: its intro weighs more in search than a rule page that merely
    // mentions the file (Pagefind weights; the daemon.json guide ranked 5th for "daemon.json").
    `<div data-pagefind-weight="4">\n\n${prose.intro.trim()}\n\n</div>\n\n` +
    `## ${w.configure}\n\n${configure}\n\n${prose.outro?.trim() ?? ''}\n`
  );
}

/** NO_PROXY value, request host, and a note in each language. */
const NO_PROXY_CASES: [string, string, Record<Lang, string>][] = [
  ['.corp', 'corp', { en: 'leading dot: Go matches subdomains only', 'zh-CN': '前导点：Go 只匹配子域名' }],
  ['.corp', 'git.corp', { en: '', 'zh-CN': '' }],
  [
    'corp',
    'git.corp',
    { en: 'a bare domain matches itself and subdomains', 'zh-CN': '不带点的域名匹配它自己和子域名' },
  ],
  ['*.corp', 'git.corp', { en: 'curl does not expand *.', 'zh-CN': 'curl 不展开 *.' }],
  [
    'registry.corp:5000',
    'registry.corp:5000',
    { en: 'host:port — curl ignores the port entry', 'zh-CN': 'host:port，curl 忽略带端口的条目' },
  ],
  [
    'registry.corp:5000',
    'registry.corp:443',
    { en: 'Go matches only that port', 'zh-CN': 'Go 只匹配该端口' },
  ],
  ['10.0.0.0/8', '10.1.2.3', { en: 'CIDR applies to IP literals', 'zh-CN': 'CIDR 作用于 IP 字面量' }],
  [
    '10.0.0.0/8',
    'build.corp',
    {
      en: 'never to host names, even if they resolve into the range',
      'zh-CN': '从不作用于主机名，即使它解析到该网段',
    },
  ],
  [
    'a.corp b.corp',
    'b.corp',
    { en: 'spaces: Go sees one entry, curl two', 'zh-CN': '空格：Go 看到一个条目，curl 看到两个' },
  ],
  ['*', 'anything.example', { en: 'everything goes direct', 'zh-CN': '全部直连' }],
  [
    '',
    'localhost',
    { en: 'Go never proxies localhost or loopback IPs', 'zh-CN': 'Go 从不代理 localhost 和回环 IP' },
  ],
];

const ROUTE_WORDS: Record<Lang, { direct: string; proxy: string; empty: string }> = {
  en: { direct: 'direct', proxy: 'proxy', empty: '(empty)' },
  'zh-CN': { direct: '直连', proxy: '代理', empty: '(空)' },
};

/** The computed NO_PROXY example rows (Go's and curl's verdicts) of the NO_PROXY page, in one language. */
export function noProxyRows(lang: Lang): string {
  const w = ROUTE_WORDS[lang];
  return NO_PROXY_CASES.map(([np, host, note]) => {
    const go = goBypass(np, registryHostport(host)).bypass ? w.direct : w.proxy;
    const curl = curlNoProxyMatch(np, host.replace(/:\d+$/, '')) !== null ? w.direct : w.proxy;
    return `| \`${np || w.empty}\` | \`${host}\` | ${go} | ${curl} | ${note[lang]} |`;
  }).join('\n');
}
