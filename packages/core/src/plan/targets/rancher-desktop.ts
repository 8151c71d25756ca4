// rancher-desktop: the proxy of Rancher Desktop's VM, where its dockerd pulls and RUN steps run.
// - macOS and Linux: Rancher Desktop runs the VM with its own Lima, and documents `_config/override.yaml` of that
//   Lima as the way to change the VM (docs.rancherdesktop.io how-to-guides/provisioning-scripts). Its `env:` goes to
//   the VM's /etc/environment at start, as with plain Lima (lima-override.ts). dockerd there is an openrc service on
//   Alpine, which does not read /etc/environment: the exports in its runscript reach it
//   (rancher-sandbox/rancher-desktop#2259), and openrc sources /etc/conf.d/docker into that runscript, so a
//   provisioning script (run at every boot) writes them there, replacing its own earlier lines. A YAML document
//   edit, then Rancher Desktop restarted (`rdctl shutdown`, `rdctl start`).
// - Windows (and WSL, where Rancher Desktop runs on Windows): its experimental transparent proxy,
//   `experimental.virtualMachine.proxy` in settings.json (pkg/rancher-desktop/config/settings.ts), valid on win32 only
//   (main/commandServer/settingsValidator.ts). Rancher Desktop rewrites settings.json from memory while it runs and
//   `apply` does not run on Windows, so this is given as its Preferences steps and the `rdctl set` line; a password is
//   never put on a command line (others can read a process's argv): it is typed in Preferences.
import { rancherLimaOverridePath } from '../../evidence/engines.js';
import { shQuote } from '../../formats/encode.js';
import { parseIP } from '../../proxy/ip.js';
import { parseProxyUrl } from '../../proxy/url.js';
import type { Target } from '../../targets.js';
import { change, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { exactly } from '../declare.js';
import { sentence } from '../sentences.js';
import type { PlanSnippet, TargetResult } from '../types.js';
import { limaOverrideEnv } from './lima-override.js';
import { editYaml } from './yaml-edit.js';

/** Node's net.isIP, which Rancher Desktop's validator uses: Go's literals, and IPv6 with a `%zone` of [0-9a-zA-Z.:-]. */
function isIp(s: string): boolean {
  const pct = s.indexOf('%');
  if (pct < 0) return parseIP(s) !== null;
  const addr = s.slice(0, pct);
  return addr.includes(':') && parseIP(addr) !== null && /^[0-9a-zA-Z.:-]+$/.test(s.slice(pct + 1));
}

/** A noproxy entry Rancher Desktop's settings validator accepts: an IP, a CIDR, a domain or `*.`/`.` domain. */
export function rancherNoproxyOk(entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash >= 0) {
    const ip = entry.slice(0, slash);
    const bits = entry.slice(slash + 1);
    return isIp(ip) && /^\d+$/.test(bits) && Number(bits) <= (ip.includes(':') ? 128 : 32);
  }
  if (isIp(entry)) return true;
  const domain = entry.startsWith('*.') ? entry.slice(2) : entry.startsWith('.') ? entry.slice(1) : entry;
  if (domain.length === 0 || domain.length > 253 || isIp(domain)) return false;
  // a label: 1-63 letters, digits or `-`, not starting or ending with `-`
  return domain
    .split('.')
    .every((l) => /^[a-zA-Z0-9-]{1,63}$/.test(l) && !l.startsWith('-') && !l.endsWith('-'));
}

export const RD_DOCKER_MARKER = '# buildproxy: the proxy for dockerd';

/** The boot script that puts the proxy exports in /etc/conf.d/docker (each value sh-quoted, printf not echo). */
export function dockerConfDScript(vars: [string, string][]): string {
  return `${[
    '#!/bin/sh',
    `${RD_DOCKER_MARKER} (openrc sources /etc/conf.d/docker into dockerd's runscript)`,
    "sed -i '/ # buildproxy$/d' /etc/conf.d/docker 2>/dev/null || true",
    ...vars.map(
      ([k, v]) => `printf '%s\\n' ${shQuote(`export ${k}=${shQuote(v)} # buildproxy`)} >> /etc/conf.d/docker`,
    ),
  ].join('\n')}\n`;
}

function windowsSteps(ctx: PlanContext, target: Target): TargetResult {
  const p = parseProxyUrl(ctx.proxy.https || ctx.proxy.http);
  if (!p.ok) return refuse(`the proxy ${ctx.proxy.https} is not a proxy URL`);
  const u = p.url;
  if (u.scheme !== 'http' && u.scheme !== 'socks5')
    return refuse(`Rancher Desktop's proxy speaks http or socks5, not ${u.scheme}`);
  // moproxy reads address and port apart; a socks5:// prefix selects SOCKS (backend/wsl.ts writeProxySettings)
  const address = u.scheme === 'socks5' ? `socks5://${u.host}` : u.host;
  const port = u.effectivePort;
  const kept = ctx.proxy.noProxy.filter(rancherNoproxyOk);
  const dropped = ctx.proxy.noProxy.filter((e) => !rancherNoproxyOk(e));
  const steps: PlanSnippet = {
    title: 'In Rancher Desktop: Preferences > WSL > Proxy',
    language: 'text',
    text: [
      'Enabled: on',
      `Proxy Address: ${address}`,
      `Port: ${port}`,
      ...(u.username !== null
        ? [`Authentication: ${u.username} (type the password here, not on a command line)`]
        : []),
      `No Proxy: ${kept.join(', ')}`,
      ...(dropped.length
        ? [`(left out, Rancher Desktop accepts only IPs, CIDRs and domains: ${dropped.join(', ')})`]
        : []),
      'Apply',
    ].join('\n'),
    target,
  };
  const rdctl: PlanSnippet = {
    title: 'Or from PowerShell while Rancher Desktop runs (it restarts its VM)',
    language: 'powershell',
    text: [
      'rdctl set --experimental.virtual-machine.proxy.enabled=true',
      `  --experimental.virtual-machine.proxy.address=${address}`,
      `  --experimental.virtual-machine.proxy.port=${port}`,
      ...(u.username !== null ? [`  --experimental.virtual-machine.proxy.username=${u.username}`] : []),
    ].join(' `\n'),
    target,
  };
  return ok([], [], [steps, rdctl]);
}

function rancherDesktop(ctx: PlanContext, target: Target): TargetResult {
  const vm = ctx.state.engines.vm;
  if (vm.engine !== 'rancher-desktop' && !vm.rancher)
    return refuse(sentence('rancher-desktop.rancher-desktop-not-use'));
  const { host, client } = ctx.state;
  if (host.platform === 'win32' || host.wsl) return windowsSteps(ctx, target);
  const path = rancherLimaOverridePath({
    platform: host.platform,
    home: host.home,
    uid: host.uid,
    env: client,
  });
  if (!path) return refuse(`Rancher Desktop on ${host.platform} is not supported`);
  const declared = [
    `${host.home}/Library/Application Support/rancher-desktop/lima/_config/override.yaml`,
    `${host.home}/.local/share/rancher-desktop/lima/_config/override.yaml`,
  ];
  if (!declared.includes(path))
    return refuse(
      `XDG_DATA_HOME is outside the home's .local/share (${path}): add the env: keys to that override.yaml by hand`,
    );
  const text = ctx.read(path);
  if (text === undefined) return refuse(`${path} was not read by this capture; run the doctor again`);
  const { vars, sets } = limaOverrideEnv(ctx);
  const edit = editYaml(path, text, sets, [
    {
      list: 'provision',
      marker: RD_DOCKER_MARKER,
      item: { mode: 'system', script: dockerConfDScript(vars.slice(0, 3)) },
    },
  ]);
  if (!edit.ok) return refuse(edit.reason);
  return ok(
    [
      change(ctx, {
        path,
        mode: '0600',
        needsRoot: false,
        after: edit.after,
        target,
        why: "Rancher Desktop's Lima gives its VM these variables when it starts, and the boot script gives them to dockerd",
      }),
    ],
    [
      {
        argv: ['rdctl', 'shutdown'],
        why: 'override.yaml is read when the VM starts',
        needsRoot: false,
        disruptive: true,
        target,
      },
      {
        argv: ['rdctl', 'start'],
        why: 'Rancher Desktop starts its VM with the new environment',
        needsRoot: false,
        disruptive: true,
        target,
      },
    ],
    [
      {
        title: 'Check the daemon in the VM',
        language: 'sh',
        text: "rdctl shell grep -i _proxy /etc/environment\ndocker info --format '{{.HTTPProxy}} {{.HTTPSProxy}}'",
        target,
      },
    ],
  );
}

export const rancherDesktopTarget: TargetDefinition<'rancher-desktop'> = {
  id: 'rancher-desktop',
  generate: rancherDesktop,
  declares: {
    files: [
      {
        path: '{home}/Library/Application Support/rancher-desktop/lima/_config/override.yaml',
        mode: '0600',
        credential: true,
      },
      {
        path: '{home}/.local/share/rancher-desktop/lima/_config/override.yaml',
        mode: '0600',
        credential: true,
      },
    ],
    commands: [exactly('rdctl', 'shutdown'), exactly('rdctl', 'start')],
  },
};
