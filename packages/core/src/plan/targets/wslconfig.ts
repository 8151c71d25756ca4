import { sentence } from '../sentences.js';
// wslconfig: WSL's own settings in the Windows user's %UserProfile%\.wslconfig ([wsl2]). Two fixes live there:
// - networkingMode=mirrored, so a distro shares Windows' loopback and its dockerd reaches a Windows proxy on
//   127.0.0.1 (NAT mode cannot: microsoft/WSL#10753);
// - autoProxy=false, so WSL stops copying a Windows loopback proxy into Docker Desktop's VM, where 127.0.0.1 is
//   the VM (docker/for-win#14818, #14828); Desktop then uses its own settings (target desktop-settings).
// An INI edit that keeps every other line, comment and the CRLF endings; a file it cannot read for sure is refused.
// `wsl --shutdown` stops every distro (this one too), so it is a step to run from Windows, not a plan command.

import { proxyOnLoopback } from '../../proxy/url.js';
import type { Target } from '../../targets.js';
import { change, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { setIniKeys } from '../ini-edit.js';
import type { TargetResult } from '../types.js';

function wantedSettings(ctx: PlanContext): { values: Record<string, string>; why: string } | string {
  const { state } = ctx;
  const wsl = state.platform.wsl!;
  if (state.docker.desktop) {
    if (state.platform.desktop?.loopbackInVm || (proxyOnLoopback(ctx.proxy.https) && wsl.autoProxy))
      return {
        values: { autoProxy: 'false' },
        why: sentence('wslconfig.wsl-stops-copying-windows'),
      };
    return "Docker Desktop's engine takes its proxy from Desktop's settings (target desktop-settings); .wslconfig needs no change";
  }
  const windowsLoopback = state.platform.systemProxies.some(
    (p) => (p.source === 'wininet' || p.source === 'winhttp') && proxyOnLoopback(p.https ?? p.http ?? ''),
  );
  if (!(proxyOnLoopback(ctx.proxy.https) || proxyOnLoopback(ctx.proxy.http) || windowsLoopback))
    return 'the proxy is not on loopback, so WSL networking needs no change; give it to dockerd (docker-systemd)';
  if (wsl.networkingMode === 'mirrored')
    return 'WSL already runs in mirrored mode: the distro shares Windows’ loopback';
  return {
    values: { networkingMode: 'mirrored' },
    why: sentence('wslconfig.mirrored-networking-distro-shares'),
  };
}

function wslconfig(ctx: PlanContext, target: Target): TargetResult {
  const wsl = ctx.state.platform.wsl;
  if (!wsl) return refuse(sentence('wslconfig.not-wsl-2-no'));
  if (!wsl.wslconfig)
    return refuse(
      "the Windows user's home is unknown (WSL interop is off, so %USERPROFILE% could not be asked); edit %UserProfile%\\.wslconfig on Windows by hand",
    );
  const before = ctx.read(wsl.wslconfig) ?? null;
  // a file read two ways (a duplicate key) is refused before anything is decided from it
  const want = setIniKeys(before ?? '', 'wsl2', {}).ok ? wantedSettings(ctx) : { values: {}, why: '' };
  if (typeof want === 'string') return refuse(want);
  const edit = setIniKeys(before ?? '', 'wsl2', want.values, ['experimental']);
  if (!edit.ok)
    return refuse(
      `${wsl.wslconfig}${edit.line ? `:${edit.line}` : ''}: ${edit.message} — fix the file first; buildproxy never rewrites a file it cannot read for sure`,
    );
  // a new file in a Windows home gets Windows line endings, as Notepad writes them
  const after = before === null ? edit.text.replace(/\n/g, '\r\n') : edit.text;
  return ok(
    [change(ctx, { path: wsl.wslconfig, mode: '0644', needsRoot: false, after, target, why: want.why })],
    [],
    [
      {
        title: sentence('wslconfig.restart-wsl-from-windows'),
        language: 'powershell',
        text: 'wsl --shutdown',
        target,
      },
      {
        title: sentence('wslconfig.check-distro-once-open'),
        language: 'sh',
        text: 'wslinfo --networking-mode; env | grep -i _proxy',
        target,
      },
    ],
  );
}

export const wslconfigTarget: TargetDefinition<'wslconfig'> = {
  id: 'wslconfig',
  generate: wslconfig,
  declares: {
    // the Windows home as WSL mounts it (drvfs); apply refuses on Windows itself
    files: [{ path: '/mnt/c/Users/*/.wslconfig', mode: '0644' }],
    commands: [],
  },
};
