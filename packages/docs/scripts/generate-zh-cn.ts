// The zh-CN pages that are generated: rules from core's zh-CN texts (keyed by rule id), troubleshooting from the
// classifier's signatures, NO_PROXY computed by the same matchers, and the core-path guides with the same plans
// as in English and the prose of guides-zh-cn.ts.
import {
  curlNoProxyMatch,
  describeMachine,
  goBypass,
  makePlan,
  type ProfileInput,
  RULE_TEXTS_ZH_CN,
  RULES,
  redactAll,
  SIGNATURES,
} from '@buildproxy/core';
import { type MachineSpec, synthesize } from '@buildproxy/core/testing';
import { planView, renderPlanMarkdown } from '../src/scripts/render-plan.js';
import type { Guide } from './guides.js';
import { GUIDES_ZH_CN } from './guides-zh-cn.js';
import { collapseExamples, linkIssues, mdxProse, troubleshootingHeading } from './headings.js';

type Write = (rel: string, content: string) => void;
type Front = (title: string, description: string, extra?: string) => string;

const ACTOR_ZH: Record<string, string> = {
  client: '客户端',
  runtime: '运行时',
  builder: '构建器',
  run: 'RUN 步骤',
};
const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

function rulePageZh(id: string): string {
  const r = RULES.find((x) => x.id === id)!;
  const t = RULE_TEXTS_ZH_CN[id]!;
  const example = (kind: string, ex: (typeof r.examples)['bad']) =>
    `### ${kind}：${ex.title}\n\n${describeMachine(ex.machine as MachineSpec, ex.profile)
      .map((s) => `${s.label}:\n\n\`\`\`${s.language}\n${s.text}\n\`\`\``)
      .join('\n\n')}`;
  const md = `\`${r.id}\` · ${SEVERITY_ZH[r.severity] ?? r.severity} · 参与者：**${ACTOR_ZH[r.actor] ?? r.actor}**

${t.summary}

## 为什么会发生

${t.explanation}

## 修复

${t.fix}

方案 target：${r.targets.length ? r.targets.map((x) => `\`${x}\``).join('、') : '无（仅诊断）'}

## 示例

示例机器的说明保持英文，与 \`buildproxy explain\` 的输出一致。

${example('触发', r.examples.bad)}

${example('不触发', r.examples.good)}

## 参考资料

${r.references.map((x) => `- [${x.title}](${x.url})`).join('\n')}
`;
  return linkIssues(
    collapseExamples(
      md.replace('\n### 触发', '\n### Triggers').replace('\n### 不触发', '\n### Does not trigger'),
    ),
  )
    .replace('\n### Triggers', '\n### 触发')
    .replace('\n### Does not trigger', '\n### 不触发')
    .replace(/: the same as above\./g, '：与上面相同。');
}

export function generateZhCn(write: Write, frontmatter: Front, guides: Guide[]): number {
  for (const r of RULES) {
    const t = RULE_TEXTS_ZH_CN[r.id]!;
    write(`zh-cn/rules/${r.id}.md`, `${frontmatter(t.title, t.summary)}${rulePageZh(r.id)}`);
  }
  write(
    'zh-cn/rules/index.md',
    `${frontmatter('规则', 'buildproxy doctor 运行的每一项检查：原因与修复方法。', 'sidebar:\n  order: 0\n')}` +
      `buildproxy 检查 ${RULES.length} 条规则。\`buildproxy explain <id>\` 打印英文版本。\n\n` +
      `| 规则 | 严重程度 | 参与者 | 含义 |\n|---|---|---|---|\n${[...RULES]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(
          (r) =>
            `| [\`${r.id}\`](/zh-cn/rules/${r.id}/) | ${SEVERITY_ZH[r.severity]} | ${ACTOR_ZH[r.actor]} | ${RULE_TEXTS_ZH_CN[r.id]!.summary.replace(/\|/g, '\\|')} |`,
        )
        .join('\n')}\n`,
  );
  write(
    'zh-cn/reference/troubleshooting.md',
    `${frontmatter('按错误信息排查', '找到构建错误背后的参与者和规则。', 'sidebar:\n  order: 1\n')}` +
      '把错误信息交给 `buildproxy why`（或把构建输出通过管道传给它）即可自动得到下面的结论。' +
      '每一项是分类器的一个特征，附一条这种类型的真实错误文本。标题是分类器的英文说明（与 CLI 输出一致），下面是对应规则的中文解释。\n\n' +
      SIGNATURES.map(
        (s) =>
          `## ${troubleshootingHeading(s.explanation)}\n\n\`\`\`text\n${s.example}\n\`\`\`\n\n**参与者：** ${ACTOR_ZH[s.actor] ?? s.actor}。\n\n` +
          s.rules
            .map((r) => `- [\`${r}\`](/zh-cn/rules/${r}/)：${RULE_TEXTS_ZH_CN[r]?.summary ?? ''}`)
            .join('\n') +
          '\n',
      ).join('\n'),
  );
  const cases: [string, string, string][] = [
    ['.corp', 'corp', '前导点：Go 只匹配子域名'],
    ['.corp', 'git.corp', ''],
    ['corp', 'git.corp', '不带点的域名匹配它自己和子域名'],
    ['*.corp', 'git.corp', 'curl 不展开 *.'],
    ['registry.corp:5000', 'registry.corp:5000', 'host:port，curl 忽略带端口的条目'],
    ['registry.corp:5000', 'registry.corp:443', 'Go 只匹配该端口'],
    ['10.0.0.0/8', '10.1.2.3', 'CIDR 作用于 IP 字面量'],
    ['10.0.0.0/8', 'build.corp', '从不作用于主机名，即使它解析到该网段'],
    ['a.corp b.corp', 'b.corp', '空格：Go 看到一个条目，curl 看到两个'],
    ['*', 'anything.example', '全部直连'],
    ['', 'localhost', 'Go 从不代理 localhost 和回环 IP'],
  ];
  const word = (direct: boolean) => (direct ? '直连' : '代理');
  const row = ([np, host, note]: [string, string, string]) => {
    const hp = /:\d+$/.test(host) ? host : `${host}:443`;
    const go = word(goBypass(np, hp).bypass);
    const curl = word(curlNoProxyMatch(np, host.replace(/:\d+$/, '')) !== null);
    return `| \`${np || '(空)'}\` | \`${host}\` | ${go} | ${curl} | ${note} |`;
  };
  write(
    'zh-cn/reference/no-proxy.md',
    `${frontmatter('NO_PROXY 语义：Go 与 curl', 'dockerd、buildkitd 和 buildx 如何读取 NO_PROXY，RUN 步骤中的 curl 又如何读取。', 'sidebar:\n  order: 3\n')}` +
      `## 谁怎么读

dockerd、buildkitd、buildx 和 containerd 使用 Go 的 \`golang.org/x/net/http/httpproxy\`；RUN 步骤里的工具大多使用 curl
或类似的实现。它们对同样的变量理解不同：

| | Go（守护进程、构建器、buildx） | curl（RUN 步骤） |
|---|---|---|
| 变量 | \`HTTP_PROXY\` / \`HTTPS_PROXY\` / \`NO_PROXY\`，大写优先 | \`http_proxy\` 只认小写；其他先小写后大写 |
| \`https://\` 地址 | 只用 \`HTTPS_PROXY\`，从不用 \`HTTP_PROXY\` | \`https_proxy\` / \`HTTPS_PROXY\` |
| \`ALL_PROXY\` | 忽略 | 兜底 |
| 分隔符 | 只认逗号，条目去除首尾空格 | 逗号和空格 |
| \`.corp\` | 只匹配子域名 | 域名本身和子域名 |
| \`*.corp\` | 等同 \`.corp\` | 永不匹配 |
| \`host:port\` | 只匹配该端口 | 不支持 |
| CIDR | 只对 IP 字面量 | 只对 IP 字面量（curl ≥ 7.86） |
| localhost、回环地址 | 从不代理 | 除非列出，否则代理 |

## 计算出的示例

由 buildproxy 的匹配器计算（与 \`buildproxy route\` 使用同一段代码）：

| NO_PROXY | 请求主机 | Go | curl | 说明 |
|---|---|---|---|---|
${cases.map(row).join('\n')}

## 应该怎么写

用 \`buildproxy route https://host/path\` 在你的机器上检查任意地址。到处都安全的写法：逗号分隔的 \`.domain\` 后缀、主机名、IP 和
CIDR，每一层、大小写两种都写成一样。参见 [\`no-proxy-syntax\`](/zh-cn/rules/no-proxy-syntax/) 和
[\`no-proxy-missing-registry\`](/zh-cn/rules/no-proxy-missing-registry/)。
`,
  );
  let n = 0;
  guides.forEach((g, i) => {
    const zh = GUIDES_ZH_CN[g.slug];
    if (!zh) return;
    n++;
    const sections = g.variants.map((v, k) => {
      const machine = synthesize(v.machine as MachineSpec);
      const { plan } = makePlan(machine, v.profile as ProfileInput, { targets: v.targets });
      const body = mdxProse(
        renderPlanMarkdown(planView(plan, machine.host.home, [], 'zh-CN'), '/zh-cn/rules/'),
      );
      const before = zh.before?.[k];
      return (
        `${before ? `${before.trim()}\n\n` : ''}代理为 \`${redactAll(String(v.profile.proxy))}\`（用 \`buildproxy plan --target ${v.targets.join(' --target ')}\` 为你的代理生成）：\n\n` +
        `${body}\n\n### 验证\n\n\`\`\`${v.label.includes('PowerShell') ? 'powershell' : 'sh'}\n${v.verify.trim()}\n\`\`\``
      );
    });
    const configure =
      sections.length === 1
        ? sections[0]!
        : `<Tabs syncKey="${g.slug}">\n${zh.labels.map((l, k) => `<TabItem label=${JSON.stringify(l)}>\n\n${sections[k]}\n\n</TabItem>`).join('\n')}\n</Tabs>`;
    write(
      `zh-cn/guides/${g.slug}.mdx`,
      `${frontmatter(zh.title, zh.description, `sidebar:\n  order: ${i + 1}\n`)}import { TabItem, Tabs } from '@astrojs/starlight/components';\n\n` +
        `<div data-pagefind-weight="4">\n\n${zh.intro.trim()}\n\n</div>\n\n## 配置\n\n${configure}\n\n${zh.outro?.trim() ?? ''}\n`,
    );
  });
  return n;
}
