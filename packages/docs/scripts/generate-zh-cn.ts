// The zh-CN pages that are generated: rules from core's zh-CN texts (keyed by rule id), troubleshooting from the
// classifier's signatures, NO_PROXY computed by the same matchers, and the core-path guides with the same plans
// as in English and the prose of guides-zh-cn.ts.
import {
  CAUSE_TITLES_ZH_CN,
  describeMachine,
  examplesOf,
  RULE_EXAMPLE_TITLES_ZH_CN,
  RULE_TEXTS_ZH_CN,
  RULES,
  type RuleExample,
  signatures,
} from '@buildproxy/core';
import type { MachineSpec } from '@buildproxy/core/testing';
import { EVIDENCE_META, evidencePage } from './evidence-page.js';
import type { Guide } from './guides.js';
import { GUIDES_ZH_CN } from './guides-zh-cn.js';
import { collapseExamples, exampleSource, linkIssues } from './headings.js';
import { guideBody, noProxyRows } from './shared-pages.js';

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
  const titles = RULE_EXAMPLE_TITLES_ZH_CN[id]!;
  // Labels are the shell, a file's path, the Dockerfile or "machine" (the facts that are not files).
  const label = (l: string) => (l === 'machine' ? '机器' : l);
  const example = (kind: string, ex: RuleExample, title: string) =>
    `### ${kind}：${title}\n\n${describeMachine(ex.machine as MachineSpec, ex.profile)
      .map((s) => `${label(s.label)}:\n\n\`\`\`${s.language}\n${s.text}\n\`\`\``)
      .join('\n\n')}`;
  const md = `\`${r.id}\` · ${SEVERITY_ZH[r.severity] ?? r.severity} · 参与者：**${ACTOR_ZH[r.actor] ?? r.actor}**

${t.summary}

## 为什么会发生

${t.explanation}

## 修复

${t.fix}

方案 target：${r.targets.length ? r.targets.map((x) => `\`${x}\``).join('、') : '无（仅诊断）'}

## 示例

示例机器上的文件与 \`buildproxy explain\` 打印的完全相同。

${example('触发', examplesOf(r).bad, titles.bad)}

${example('不触发', examplesOf(r).good, titles.good)}

## 参考资料

参考资料是英文的原始来源，标题保持原文。

${r.references.map((x) => `- <span lang="en">[${x.title}](${x.url})</span>`).join('\n')}
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

export function generateZhCn(write: Write, frontmatter: Front, guides: Guide[], cliSections: string): number {
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
      '每一项是分类器的一个特征，附一条这种类型的真实错误文本，以及对应规则的中文解释（`buildproxy why` 的输出是英文）。\n\n' +
      signatures()
        .map(
          (s) =>
            `## ${CAUSE_TITLES_ZH_CN[s.id]}\n\n\`\`\`text\n${s.example}\n\`\`\`\n\n` +
            `来源：${exampleSource(s.source, (t) => `真实程序的输出，由 ${t} 重新运行核对`)}。\n\n` +
            `**参与者：** ${ACTOR_ZH[s.actor] ?? s.actor}。\n\n` +
            s.rules
              .map((r) => `- [\`${r}\`](/zh-cn/rules/${r}/)：${RULE_TEXTS_ZH_CN[r]?.summary ?? ''}`)
              .join('\n') +
            '\n',
        )
        .join('\n'),
  );
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
${noProxyRows('zh-CN')}

## 应该怎么写

用 \`buildproxy route https://host/path\` 在你的机器上检查任意地址。到处都安全的写法：逗号分隔的 \`.domain\` 后缀、主机名、IP 和
CIDR，每一层、大小写两种都写成一样。参见 [\`no-proxy-syntax\`](/zh-cn/rules/no-proxy-syntax/) 和
[\`no-proxy-missing-registry\`](/zh-cn/rules/no-proxy-missing-registry/)。
`,
  );
  // The help texts are the CLI's own output (English), shown as is; only the words around them are translated.
  write(
    'zh-cn/reference/cli.md',
    `${frontmatter('CLI 参考', 'buildproxy 的每个命令和参数，与 CLI 打印的完全一致。', 'sidebar:\n  order: 2\n')}` +
      `构建时由 CLI 自己的 \`--help\` 输出生成。帮助文本是 CLI 的原始输出，因此保持英文。\n\n${cliSections}`,
  );
  const ev = EVIDENCE_META['zh-CN'];
  write(
    'zh-cn/reference/evidence.md',
    `${frontmatter(ev.title, ev.description, 'sidebar:\n  order: 4\n')}${evidencePage('zh-CN')}`,
  );
  let n = 0;
  guides.forEach((g, i) => {
    const zh = GUIDES_ZH_CN[g.slug];
    if (!zh) return;
    n++;
    write(
      `zh-cn/guides/${g.slug}.mdx`,
      `${frontmatter(zh.title, zh.description, `sidebar:\n  order: ${i + 1}\n`)}${guideBody(g, zh, 'zh-CN')}`,
    );
  });
  return n;
}
