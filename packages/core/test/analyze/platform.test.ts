// The laptop analysis (Desktop settings, WSL, the system proxy) and its rules, on the contract bundles built from
// documented outputs (test/fixtures/platforms/sources.json) and on the real output formats of each tool.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesktopSettings } from '../../src/analyze/desktop-settings.js';
import { iniValue } from '../../src/analyze/platform.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { parseEvidence } from '../../src/evidence/validate.js';
import {
  noProxyEntry,
  parseGsettingsProxy,
  parseKioslaverc,
  parseNetshWinhttp,
  parseRegQueryValue,
  parseScutilProxy,
} from '../../src/formats/system-proxy.js';
import { buildReport } from '../../src/report.js';

const DIR = join(import.meta.dirname, '../fixtures/platforms');
const load = (name: string): Evidence =>
  parseEvidence(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')));
const rules = (ev: Evidence) => buildReport(ev).report.findings.map((f) => f.rule);

describe('system proxy formats', () => {
  it('reads scutil --proxy: manual proxies, exceptions in Go NO_PROXY form, a PAC', () => {
    const manual = parseScutilProxy(`<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
    2 : 10.*
  }
  HTTPEnable : 1
  HTTPPort : 7890
  HTTPProxy : 127.0.0.1
  HTTPSEnable : 1
  HTTPSPort : 7891
  HTTPSProxy : ::1
  ProxyAutoConfigEnable : 0
}`);
    expect(manual).toEqual({
      http: 'http://127.0.0.1:7890',
      https: 'http://[::1]:7891',
      noProxy: ['.local', '169.254.0.0/16', '10.0.0.0/8'],
      pac: null,
    });
    const off = parseScutilProxy(
      '<dictionary> {\n  HTTPEnable : 0\n  HTTPProxy : 127.0.0.1\n  HTTPPort : 7890\n}',
    );
    expect(off.http).toBeNull();
  });

  it('reads netsh winhttp: direct access, one server for all, per-scheme servers, the bypass list', () => {
    expect(
      parseNetshWinhttp('\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Direct access (no proxy server).\r\n')
        .http,
    ).toBeNull();
    expect(
      parseNetshWinhttp(
        'Current WinHTTP proxy settings:\r\n\r\n    Proxy Server(s) :  http://192.168.0.117:8080\r\n    Bypass List     :  <local>;*.corp.example\r\n',
      ),
    ).toEqual({
      http: 'http://192.168.0.117:8080',
      https: 'http://192.168.0.117:8080',
      noProxy: ['.corp.example'],
      pac: null,
    });
    const split = parseNetshWinhttp(
      '    Proxy Server(s) :  http=proxy:80;https=proxy:443\n    Bypass List     :  (none)\n',
    );
    expect(split).toMatchObject({ http: 'http://proxy:80', https: 'http://proxy:443', noProxy: [] });
  });

  it('reads a reg query value and ignores the error of a missing one', () => {
    const key = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
    expect(
      parseRegQueryValue(`\r\n${key}\r\n    ProxyServer    REG_SZ    127.0.0.1:10809\r\n\r\n`, 'ProxyServer'),
    ).toBe('127.0.0.1:10809');
    expect(parseRegQueryValue(`\r\n${key}\r\n    ProxyEnable    REG_DWORD    0x1\r\n`, 'ProxyEnable')).toBe(
      '0x1',
    );
    expect(
      parseRegQueryValue(
        'ERROR: The system was unable to find the specified registry key or value.\r\n',
        'AutoConfigURL',
      ),
    ).toBeNull();
  });

  it('reads gsettings list-recursively (GLib 2.74 output) in manual and auto mode', () => {
    const text = `org.gnome.system.proxy autoconfig-url ''
org.gnome.system.proxy ignore-hosts ['localhost', '127.0.0.0/8', '::1', '*.corp.example']
org.gnome.system.proxy mode 'manual'
org.gnome.system.proxy use-same-proxy true
org.gnome.system.proxy.ftp host ''
org.gnome.system.proxy.ftp port 0
org.gnome.system.proxy.http authentication-password ''
org.gnome.system.proxy.http host 'proxy.corp.example'
org.gnome.system.proxy.http port 3128
org.gnome.system.proxy.https host 'proxy.corp.example'
org.gnome.system.proxy.https port 3128
org.gnome.system.proxy.socks host ''
org.gnome.system.proxy.socks port 0
`;
    expect(parseGsettingsProxy(text)).toEqual({
      mode: 'manual',
      http: 'http://proxy.corp.example:3128',
      https: 'http://proxy.corp.example:3128',
      noProxy: ['localhost', '127.0.0.0/8', '::1', '.corp.example'],
      pac: null,
    });
    const auto = text
      .replace("mode 'manual'", "mode 'auto'")
      .replace("autoconfig-url ''", "autoconfig-url 'http://wpad/wpad.dat'");
    expect(parseGsettingsProxy(auto)).toMatchObject({
      mode: 'auto',
      http: null,
      pac: 'http://wpad/wpad.dat',
    });
  });

  it('reads KDE kioslaverc with its "host port" form', () => {
    const k = parseKioslaverc(
      '[Proxy Settings]\nNoProxyFor=localhost,.corp.example\nProxyType=1\nhttpProxy=http://proxy.corp.example 3128\nhttpsProxy=http://proxy.corp.example 3128\n',
    );
    expect(k).toMatchObject({
      type: 1,
      http: 'http://proxy.corp.example:3128',
      noProxy: ['localhost', '.corp.example'],
    });
    expect(
      parseKioslaverc('[Proxy Settings]\nProxyType=2\nProxy Config Script=http://wpad/proxy.pac\n').pac,
    ).toBe('http://wpad/proxy.pac');
  });

  it('turns bypass entries into Go NO_PROXY entries', () => {
    expect(['<local>', '*.corp', '192.168.*', '10/8', 'host'].map(noProxyEntry)).toEqual([
      null,
      '.corp',
      '192.168.0.0/16',
      '10.0.0.0/8',
      'host',
    ]);
  });
});

describe('Docker Desktop settings', () => {
  const c = { store: '/s/settings-store.json', legacy: '/s/settings.json', admin: '/a/admin-settings.json' };
  it('reads settings-store.json keys; Manual with blank fields means no proxy', () => {
    const s = readDesktopSettings(
      {
        [c.store]:
          '{"ProxyHTTPMode":"manual","OverrideProxyHTTP":"http://proxy:3128","OverrideProxyHTTPS":"http://proxy:3128","OverrideProxyExclude":"*.corp,10.*","ProxyEnableKerberosNTLM":true}',
      },
      [c],
    )!;
    expect(s.effective).toMatchObject({
      mode: 'manual',
      https: 'http://proxy:3128',
      exclude: ['.corp', '10.0.0.0/8'],
    });
    expect(s.kerberosNtlm).toBe(true);
    const blank = readDesktopSettings({ [c.store]: '{"ProxyHTTPMode":"manual","OverrideProxyHTTP":""}' }, [
      c,
    ])!;
    expect(blank.effective.mode).toBe('none');
  });

  it('reads ≤ 4.34 settings.json camelCase keys (docker/for-win#10894)', () => {
    const s = readDesktopSettings(
      {
        [c.store]: null,
        [c.legacy]:
          '{"proxyHttpMode":"manual","overrideProxyHttp":"http://p:8080","overrideProxyHttps":"http://p:8080","overrideProxyExclude":""}',
      },
      [c],
    )!;
    expect(s.path).toBe(c.legacy);
    expect(s.effective).toMatchObject({ mode: 'manual', http: 'http://p:8080' });
  });

  it("lets a locked admin-settings.json proxy win over the user's", () => {
    const s = readDesktopSettings(
      {
        [c.store]: '{"ProxyHTTPMode":"system"}',
        [c.admin]:
          '{"configurationFileVersion":2,"proxy":{"locked":true,"mode":"manual","http":"http://corp:3128","https":"http://corp:3128","exclude":[]}}',
      },
      [c],
    )!;
    expect(s.effective).toMatchObject({
      mode: 'manual',
      http: 'http://corp:3128',
      from: c.admin,
      locked: true,
    });
  });

  it('ignores a malformed file instead of guessing', () => {
    expect(readDesktopSettings({ [c.store]: '{"ProxyHTTPMode": "manual",' }, [c])).toBeNull();
  });
});

describe('the contract bundles through the analysis and the rules', () => {
  it('Desktop on Windows with a loopback system proxy and WSL mirrored: desktop-loopback-proxy, naming mirrored mode', () => {
    const ev = load('desktop-win-loopback-mirrored');
    const { state, report } = buildReport(ev);
    expect(state.platform.systemProxies[0]).toMatchObject({
      source: 'wininet',
      http: 'http://127.0.0.1:10809',
    });
    expect(state.platform.wsl).toMatchObject({
      networkingMode: 'mirrored',
      modeSource: '.wslconfig',
      autoProxy: true,
    });
    expect(state.platform.desktop).toMatchObject({
      loopbackInVm: 'http://127.0.0.1:10809',
      internalProxy: false,
    });
    const f = report.findings.find((x) => x.rule === 'desktop-loopback-proxy')!;
    expect(f.message).toMatch(/mirrored networking mode/);
    expect(f.evidence).toContain('C:\\Users\\alice\\.wslconfig');
  });

  it('Desktop on macOS behind a PAC: the internal proxy is recognised, no loopback finding', () => {
    const ev = load('desktop-mac-pac');
    const { state } = buildReport(ev);
    expect(state.platform.desktop).toMatchObject({ internalProxy: true, loopbackInVm: null });
    expect(state.platform.desktop!.upstream).toMatchObject({ pac: 'http://wpad.corp.example/proxy.pac' });
    expect(state.platform.systemProxies).toEqual([
      expect.objectContaining({
        source: 'macos',
        pac: 'http://wpad.corp.example/proxy.pac',
        noProxy: ['.local', '169.254.0.0/16'],
      }),
    ]);
    expect(rules(ev)).not.toContain('desktop-loopback-proxy');
  });

  it('WSL with a PAC-only Windows proxy: wsl-autoproxy-https-missing; the default answer comes from autoProxy', () => {
    const ev = load('wsl-autoproxy-pac');
    const { state } = buildReport(ev);
    expect(state.platform.wsl).toMatchObject({
      distro: 'Ubuntu',
      networkingMode: 'nat',
      modeSource: 'wslinfo',
      systemd: true,
    });
    expect(state.platform.systemProxies[0]).toMatchObject({
      source: 'wsl-autoproxy',
      http: 'http://proxy.corp.example:3128',
      https: null,
    });
    expect(state.platform.systemProxies[1]).toMatchObject({
      source: 'wininet',
      pac: 'http://wpad.corp.example/proxy.pac',
    });
    expect(rules(ev)).toContain('wsl-autoproxy-https-missing');
    // with HTTPS_PROXY exported the rule is quiet
    expect(rules({ ...ev, env: { ...ev.env, HTTPS_PROXY: 'http://proxy.corp.example:3128' } })).not.toContain(
      'wsl-autoproxy-https-missing',
    );
  });

  it('WSL in NAT mode, dockerd in the distro, a Windows proxy on 127.0.0.1: wsl-nat-loopback-proxy; mirrored: quiet', () => {
    const base = load('wsl-autoproxy-pac');
    const reg = (v: string, data: string) => ({
      ...base.commands.find((c) => c.argv[0] === 'reg.exe' && c.argv[4] === v)!,
      exitCode: 0,
      stderr: '',
      stdout: `\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ${v}    REG_SZ    ${data}\r\n`,
    });
    const commands = base.commands
      .filter((c) => !(c.argv[0] === 'reg.exe' && ['ProxyEnable', 'ProxyServer'].includes(c.argv[4]!)))
      .map((c) =>
        c.argv[1] === 'info'
          ? {
              ...c,
              stdout: c.stdout
                .replace(/Docker Desktop/, 'Ubuntu 24.04.2 LTS')
                .replace(/http\.docker\.internal:3128/g, ''),
            }
          : c,
      );
    const ev: Evidence = {
      ...base,
      env: { WSL_DISTRO_NAME: 'Ubuntu' },
      commands: [...commands, reg('ProxyEnable', '0x1'), reg('ProxyServer', '127.0.0.1:7890')],
    };
    expect(buildReport(ev).state.docker.desktop).toBe(false);
    expect(rules(ev)).toContain('wsl-nat-loopback-proxy');
    const mirrored = {
      ...ev,
      commands: ev.commands.map((c) => (c.argv[0] === 'wslinfo' ? { ...c, stdout: 'mirrored\n' } : c)),
    };
    expect(rules(mirrored)).not.toContain('wsl-nat-loopback-proxy');
  });

  it('reads .wslconfig as WSL does: sections, case-insensitive keys, comments, CRLF', () => {
    const cfg =
      '# mine\r\n[WSL2]\r\nNetworkingMode = Mirrored ; yes\r\n[experimental]\r\nautoProxy=false\r\n';
    expect(iniValue(cfg, 'wsl2', 'networkingMode')).toBe('Mirrored');
    expect(iniValue(cfg, 'experimental', 'autoproxy')).toBe('false');
    expect(iniValue(cfg, 'wsl2', 'autoProxy')).toBeNull();
  });
});
