// What the doctor would say about the machine once the plan is applied, plus what a proxy URL's scheme or address
// means for the actors the doctor cannot see from here (RUN-step tools, containers' loopback). The snippet
// generator shows these next to the plan, as the CLI's doctor does after apply.
import {
  analyze,
  diagnose,
  type Evidence,
  type Finding,
  type Plan,
  parseProxyUrl,
  proxyOnLoopback,
  resolveProfile,
  withCommands,
  withFiles,
} from '@buildproxy/core';
import type { Warning } from './render-plan';

export function planWarnings(evidence: Evidence, plan: Plan, before: Finding[], proxy: string): Warning[] {
  const seen = new Set(before.map((f) => `${f.rule}\0${f.message}`));
  const after = analyze(withCommands(withFiles(evidence, plan), plan));
  const out: Warning[] = diagnose(after, resolveProfile({}, after.layers, after.client))
    .filter((f) => !seen.has(`${f.rule}\0${f.message}`))
    .map((f) => ({ rule: f.rule, message: f.message }));
  const p = parseProxyUrl(proxy);
  if (p.ok && (p.url.scheme === 'socks5' || p.url.scheme === 'socks5h'))
    out.push({
      rule: 'all-proxy-only',
      message:
        'a SOCKS proxy: dockerd, BuildKit and buildx (Go) use it, but RUN-step tools such as apt and apk speak only HTTP proxies. Use the HTTP port of your proxy client if it has one.',
    });
  if (proxyOnLoopback(proxy))
    out.push({
      rule: 'loopback-proxy-unreachable',
      message:
        'a proxy on this host\'s loopback: dockerd reaches it, but a builder container, a RUN step in the bridge network and rootless Docker each have their own 127.0.0.1. Tick "proxy on this host" (--proxy-on-host), or use an address they can reach (see the local proxy client guide).',
    });
  return out;
}
