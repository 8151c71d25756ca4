// What the doctor would say about the machine once the plan is applied, plus what a proxy URL's scheme or address
// means for the actors the doctor cannot see from here (RUN-step tools, containers' loopback). The snippet
// generator shows these next to the plan, as the CLI's doctor does after apply. On a zh-CN page a finding is its
// rule's zh-CN title (keyed by rule id) and core's zh-CN template of its typed message, values verbatim as code;
// the generator's own two are written in both languages.
import {
  analyze,
  diagnose,
  type Evidence,
  type Finding,
  type Plan,
  parseProxyUrl,
  proxyOnLoopback,
  type Rich,
  renderMsg,
  resolveProfile,
  withCommands,
  withFiles,
} from '@buildproxy/core';
import type { Lang, Warning } from './render-plan';
import type { ReportZh } from './report-dom';

const OWN: Record<'all-proxy-only' | 'loopback-proxy-unreachable', Record<Lang, string>> = {
  'all-proxy-only': {
    en: 'a SOCKS proxy: dockerd, BuildKit and buildx (Go) use it, but RUN-step tools such as apt and apk speak only HTTP proxies. Use the HTTP port of your proxy client if it has one.',
    'zh-CN':
      'SOCKS 代理：dockerd、BuildKit 和 buildx（Go 程序）能用它，但 apt、apk 等 RUN 步骤里的工具只支持 HTTP 代理。如果你的代理客户端有 HTTP 端口，请改用它。',
  },
  'loopback-proxy-unreachable': {
    en: 'a proxy on this host\'s loopback: dockerd reaches it, but a builder container, a RUN step in the bridge network and rootless Docker each have their own 127.0.0.1. Tick "proxy on this host" (--proxy-on-host), or use an address they can reach (see the local proxy client guide).',
    'zh-CN':
      '代理在本机的回环地址上：dockerd 能访问它，但构建器容器、bridge 网络中的 RUN 步骤和 rootless Docker 各有自己的 127.0.0.1。勾选“代理运行在本机上”（--proxy-on-host），或使用它们能访问的地址（见本地代理客户端指南）。',
  },
};

export function planWarnings(
  evidence: Evidence,
  plan: Plan,
  before: Finding[],
  proxy: string,
  lang: Lang = 'en',
  zh?: Pick<ReportZh, 'ruleTexts' | 'messages' | 'label'>,
): Warning[] {
  /** core's fixed names (an actor's process) in the page's words; a name the table lacks stays as code */
  const detail = (r: Rich): Rich =>
    r.flatMap((p): Rich => {
      if (typeof p === 'string' || 'code' in p || !zh) return [p];
      const t = zh.label(p.label);
      if (t.code) return [{ code: t.text }];
      return t.text.split('`').flatMap((s, i): Rich => (s === '' ? [] : i % 2 ? [{ code: s }] : [s]));
    });
  const seen = new Set(before.map((f) => `${f.rule}\0${f.message}`));
  const after = analyze(withCommands(withFiles(evidence, plan), plan));
  const out: Warning[] = diagnose(after, resolveProfile({}, after.layers, after.client))
    .filter((f) => !seen.has(`${f.rule}\0${f.message}`))
    .map((f) =>
      lang === 'en' || !zh
        ? { rule: f.rule, message: f.message }
        : {
            rule: f.rule,
            message: zh.ruleTexts[f.rule]?.title ?? f.title,
            ...(f.msg ? { detail: detail(renderMsg(f.msg, zh.messages)) } : { cli: f.message }),
          },
    );
  const p = parseProxyUrl(proxy);
  if (p.ok && (p.url.scheme === 'socks5' || p.url.scheme === 'socks5h'))
    out.push({ rule: 'all-proxy-only', message: OWN['all-proxy-only'][lang] });
  if (proxyOnLoopback(proxy))
    out.push({ rule: 'loopback-proxy-unreachable', message: OWN['loopback-proxy-unreachable'][lang] });
  return out;
}
