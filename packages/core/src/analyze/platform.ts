// The laptop around the engine: the host's system proxy (with where it was read), Docker Desktop's proxy
// settings and internal proxy, and WSL2. Pure: everything comes from the platforms contract's files and commands.
import {
  desktopFiles,
  hostPlatform,
  INTERNET_SETTINGS_VALUES,
  kioslavercPath,
  netshWinhttp,
  PLATFORM_CMD,
  type PlatformContext,
  regQuery,
  WSL_CONF,
  type WslHost,
  wslconfigPath,
} from '../evidence/platforms.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import {
  parseGsettingsProxy,
  parseKioslaverc,
  parseNetshWinhttp,
  parseRegQueryValue,
  parseScutilProxy,
  type SystemProxySetting,
  wininetSetting,
} from '../formats/system-proxy.js';
import { goEffective } from '../proxy/env.js';
import { proxyOnLoopback } from '../proxy/url.js';
import { type DesktopSettings, readDesktopSettings } from './desktop-settings.js';
import type { Layer, VarValue } from './types.js';

export type SystemProxySource = 'env' | 'macos' | 'wininet' | 'winhttp' | 'gnome' | 'kde' | 'wsl-autoproxy';

export interface SystemProxy extends SystemProxySetting {
  source: SystemProxySource;
  /** where it was read, for a person: "scutil --proxy", "the Windows proxy settings (registry)" */
  label: string;
  evidence: string;
}

export function platformContext(ev: Evidence): PlatformContext {
  return { platform: ev.host.platform, home: ev.host.home, env: ev.env, wsl: ev.host.wsl };
}

function found(s: SystemProxySetting): boolean {
  return Boolean(s.http || s.https || s.pac);
}

function stdoutOf(ev: Evidence, argv: readonly string[]): string | null {
  const c = findCommand(ev, argv);
  return c && c.exitCode === 0 ? c.stdout : null;
}

/** Windows' own settings, asked from Windows or through WSL interop. */
function windowsProxies(ev: Evidence, wsl: boolean): SystemProxy[] {
  const out: SystemProxy[] = [];
  const values = Object.fromEntries(
    INTERNET_SETTINGS_VALUES.map((v) => {
      const text = stdoutOf(ev, regQuery(v, wsl));
      return [v, text === null ? null : parseRegQueryValue(text, v)];
    }),
  ) as Parameters<typeof wininetSetting>[0];
  const inet = wininetSetting(values);
  if (found(inet))
    out.push({
      ...inet,
      source: 'wininet',
      label: 'the Windows proxy settings (registry, WinINET)',
      evidence: regQuery('ProxyServer', wsl).join(' '),
    });
  const netsh = stdoutOf(ev, netshWinhttp(wsl));
  const winhttp = netsh === null ? null : parseNetshWinhttp(netsh);
  if (winhttp && found(winhttp))
    out.push({
      ...winhttp,
      source: 'winhttp',
      label: 'WinHTTP (netsh winhttp show proxy)',
      evidence: netshWinhttp(wsl).join(' '),
    });
  return out;
}

/**
 * Every system proxy the machine states, most specific first: the shell's environment, then the desktop's own
 * setting (macOS, Windows, GNOME, KDE; from WSL, Windows' setting that autoProxy mirrors). The first is what the
 * wizard offers as its default answer.
 */
export function systemProxies(ev: Evidence): SystemProxy[] {
  const out: SystemProxy[] = [];
  const env = ev.env;
  const http = goEffective(env, 'HTTP_PROXY');
  const https = goEffective(env, 'HTTPS_PROXY');
  if (http || https) {
    const fromWsl = Boolean(ev.host.wsl && env.WSL_PAC_URL);
    out.push({
      http: http?.value ?? null,
      https: https?.value ?? null,
      noProxy: (goEffective(env, 'NO_PROXY')?.value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      pac: env.WSL_PAC_URL || null,
      source: fromWsl ? 'wsl-autoproxy' : 'env',
      label: fromWsl
        ? 'WSL autoProxy (the shell environment WSL set from Windows)'
        : 'your shell environment',
      evidence: 'shell environment',
    });
  }
  const p = hostPlatform(ev.host.platform);
  if (p === 'darwin') {
    const text = stdoutOf(ev, PLATFORM_CMD.scutilProxy);
    const s = text === null ? null : parseScutilProxy(text);
    if (s && found(s))
      out.push({
        ...s,
        source: 'macos',
        label: 'macOS network settings (scutil --proxy)',
        evidence: 'scutil --proxy',
      });
  }
  if (p === 'win32' || ev.host.wsl) out.push(...windowsProxies(ev, Boolean(ev.host.wsl)));
  if (p === 'linux') {
    const g = stdoutOf(ev, PLATFORM_CMD.gsettingsProxy);
    const gs = g === null ? null : parseGsettingsProxy(g);
    if (gs && found(gs))
      out.push({
        ...gs,
        source: 'gnome',
        label: 'GNOME settings (gsettings org.gnome.system.proxy)',
        evidence: PLATFORM_CMD.gsettingsProxy.join(' '),
      });
    const kpath = kioslavercPath(platformContext(ev));
    const k = ev.files[kpath];
    const ks = k ? parseKioslaverc(k) : null;
    if (ks && found(ks))
      out.push({ ...ks, source: 'kde', label: `KDE settings (${kpath})`, evidence: kpath });
  }
  return out;
}

/** Docker Desktop's internal proxy, as the engine in its VM sees it in `docker info`. */
export function isDesktopInternalProxy(value: string): boolean {
  return /^(https?:\/\/)?(http\.docker\.internal|192\.168\.65\.1):3128\/?$/i.test(value.trim());
}

export interface DesktopState {
  settings: DesktopSettings | null;
  /** docker info shows the internal proxy: the upstream is Desktop's (settings or system proxy) */
  internalProxy: boolean;
  /** docker info shows a loopback proxy: the engine in the VM got the host's loopback URL directly */
  loopbackInVm: string | null;
  /** the upstream proxy Desktop uses, and where it comes from */
  upstream: {
    http: string | null;
    https: string | null;
    noProxy: string[];
    pac: string | null;
    label: string;
  } | null;
}

export function analyzeDesktop(
  ev: Evidence,
  info: { httpProxy: string; httpsProxy: string } | null,
  system: SystemProxy[],
): DesktopState {
  const ctx = platformContext(ev);
  const settings = readDesktopSettings(ev.files, desktopFiles(ctx));
  const shown = [info?.httpsProxy ?? '', info?.httpProxy ?? ''].filter(Boolean);
  const internalProxy = shown.some(isDesktopInternalProxy);
  const loopbackInVm = shown.find((v) => proxyOnLoopback(v.includes('://') ? v : `http://${v}`)) ?? null;
  let upstream: DesktopState['upstream'] = null;
  const s = settings?.effective;
  if (s?.mode === 'manual' && (s.http || s.https || s.pac))
    upstream = {
      http: s.http,
      https: s.https,
      noProxy: s.exclude,
      pac: s.pac,
      label: `Docker Desktop settings (${s.from})`,
    };
  else if (s?.mode !== 'manual' && s?.mode !== 'none') {
    const sys = system.find((x) => x.source !== 'env' && x.source !== 'wsl-autoproxy');
    if (sys)
      upstream = {
        http: sys.http,
        https: sys.https,
        noProxy: sys.noProxy,
        pac: sys.pac,
        label: `${sys.label}, used by Docker Desktop in system mode`,
      };
  }
  return { settings, internalProxy, loopbackInVm, upstream };
}

export interface WslState {
  distro: string;
  windowsHome: string | null;
  /** the live mode (wslinfo), else .wslconfig's, else NAT (WSL's default) */
  networkingMode: string;
  modeSource: 'wslinfo' | '.wslconfig' | 'default';
  /** autoProxy: on unless .wslconfig sets it false */
  autoProxy: boolean;
  wslconfig: string | null;
  systemd: boolean;
}

/** One key of an INI file ([section] key=value), last one wins; keys are case-insensitive as WSL reads them. */
export function iniValue(text: string | null | undefined, section: string, key: string): string | null {
  let cur = '';
  let out: string | null = null;
  for (const raw of (text ?? '').slice(0, 65536).split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const sec = /^\[([^\]]+)\]$/.exec(line);
    if (sec) cur = sec[1]!.trim().toLowerCase();
    else if (cur === section.toLowerCase()) {
      const eq = line.indexOf('=');
      if (eq > 0 && line.slice(0, eq).trim().toLowerCase() === key.toLowerCase())
        out = line
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1');
    }
  }
  return out;
}

export function analyzeWsl(ev: Evidence): WslState | null {
  const wsl: WslHost | null | undefined = ev.host.wsl;
  const onWindows = ev.host.platform === 'win32';
  if (!wsl && !onWindows) return null;
  const path = wslconfigPath(platformContext(ev));
  const cfg = path ? (ev.files[path] ?? null) : null;
  const live = stdoutOf(ev, PLATFORM_CMD.wslNetworkingMode)?.trim().toLowerCase() || null;
  // WSL 2.0 read these under [experimental]; later versions under [wsl2]
  const pick = (key: string) => iniValue(cfg, 'wsl2', key) ?? iniValue(cfg, 'experimental', key);
  const fileMode = pick('networkingMode')?.toLowerCase() ?? null;
  const auto = pick('autoProxy');
  return {
    distro: wsl?.distro ?? '',
    windowsHome: wsl?.windowsHome ?? (onWindows ? ev.host.home : null),
    networkingMode: live ?? fileMode ?? 'nat',
    modeSource: live ? 'wslinfo' : fileMode ? '.wslconfig' : 'default',
    autoProxy: auto === null ? true : auto.toLowerCase() !== 'false',
    wslconfig: path,
    systemd: iniValue(ev.files[WSL_CONF], 'boot', 'systemd')?.toLowerCase() === 'true',
  };
}

/** Desktop's upstream proxy as a layer of the runtime (not effective itself: the engine uses the internal proxy). */
export function desktopLayer(d: DesktopState): Layer | null {
  const u = d.upstream;
  if (!u || !(u.http || u.https)) return null;
  const origin = { kind: 'file' as const, ref: u.label };
  const one = (name: string, value: string | null): VarValue[] | undefined =>
    value ? [{ name, value, origin }] : undefined;
  const vars: Layer['vars'] = {};
  const h = one('HTTP_PROXY', u.http);
  const hs = one('HTTPS_PROXY', u.https);
  const n = one('NO_PROXY', u.noProxy.join(',') || null);
  if (h) vars.HTTP_PROXY = h;
  if (hs) vars.HTTPS_PROXY = hs;
  if (n) vars.NO_PROXY = n;
  return { id: 'desktop-upstream', actor: 'runtime', label: u.label, vars, go: true, effective: false };
}
