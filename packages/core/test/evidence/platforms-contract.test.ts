// The platforms evidence contract (ARCHITECTURE.md): the example bundles in test/fixtures/platforms are made to
// it from documented files and outputs (sources.json cites each), they validate, the capture code asks for
// exactly what they hold, and they replay through the doctor.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMD } from '../../src/evidence/canonical.js';
import { maskEvidence } from '../../src/evidence/mask.js';
import {
  desktopFiles,
  INTERNET_SETTINGS_VALUES,
  isWsl,
  PLATFORM_CMD,
  type PlatformContext,
  platformFixedFiles,
  regQuery,
  systemProxyCommands,
  windowsDirs,
  winJoin,
  wslconfigPath,
} from '../../src/evidence/platforms.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { capturePlatform } from '../../src/node/probes/platform.js';
import { pickRelevant } from '../../src/proxy/env.js';
import { buildReport } from '../../src/report.js';
import { captureContext, contractBundles } from './contract-bundles.js';

const {
  names: NAMES,
  sources: SOURCES,
  load,
} = contractBundles(join(import.meta.dirname, '../fixtures/platforms'));
const ctxOf = (ev: Evidence): PlatformContext => captureContext(ev);

/** Run the capture's platform probes against a bundle: files and commands are answered from it. */
async function replayCapture(ev: Evidence) {
  const asked = { files: new Set<string>(), commands: new Set<string>() };
  const wsl = await capturePlatform(
    { platform: ev.host.platform, home: ev.host.home, env: ev.env },
    {
      read: async (p) => {
        asked.files.add(p);
        return ev.files[p] ?? null;
      },
      run: async (argv) => {
        asked.commands.add(argv.join(' '));
        const c = ev.commands.find((x) => x.argv.join('\0') === argv.join('\0'));
        return (
          c ?? { argv: [...argv], exitCode: null, stdout: '', stderr: '', timedOut: false, durationMs: 0 }
        );
      },
      has: (bin) => ev.commands.some((c) => c.argv[0] === bin),
    },
  );
  return { asked, wsl };
}

describe('platforms contract: paths and argv', () => {
  it('builds Windows paths with backslashes and an upper-case drive', () => {
    expect(winJoin('c:\\Users\\alice\\', 'AppData/Roaming', 'Docker')).toBe(
      'C:\\Users\\alice\\AppData\\Roaming\\Docker',
    );
    expect(windowsDirs({ platform: 'win32', home: 'C:\\Users\\alice', env: {} })).toEqual({
      appData: 'C:\\Users\\alice\\AppData\\Roaming',
      localAppData: 'C:\\Users\\alice\\AppData\\Local',
      programData: 'C:\\ProgramData',
    });
    // Windows variable names are case-insensitive: "appdata" is APPDATA
    expect(windowsDirs({ platform: 'win32', home: 'C:\\U', env: { appdata: 'D:\\Roam' } }).appData).toBe(
      'D:\\Roam',
    );
  });

  it('puts Desktop settings where the docs say, per platform', () => {
    expect(desktopFiles({ platform: 'darwin', home: '/Users/a', env: {} })[0]).toEqual({
      store: '/Users/a/Library/Group Containers/group.com.docker/settings-store.json',
      legacy: '/Users/a/Library/Group Containers/group.com.docker/settings.json',
      admin: '/Library/Application Support/com.docker.docker/admin-settings.json',
    });
    expect(desktopFiles({ platform: 'win32', home: 'C:\\Users\\a', env: {} })[0]!.admin).toBe(
      'C:\\ProgramData\\DockerDesktop\\admin-settings.json',
    );
    const wsl = desktopFiles({
      platform: 'linux',
      home: '/home/a',
      env: {},
      wsl: { distro: 'Ubuntu', windowsHome: '/mnt/c/Users/a' },
    });
    expect(wsl.map((d) => d.store)).toEqual([
      '/home/a/.docker/desktop/settings-store.json',
      '/mnt/c/Users/a/AppData/Roaming/Docker/settings-store.json',
    ]);
  });

  it('detects WSL from /proc/version or WSL_DISTRO_NAME only', () => {
    expect(isWsl('Linux version 6.6.87.2-microsoft-standard-WSL2 (root@x)', {})).toBe(true);
    expect(isWsl('Linux version 4.4.0-19041-Microsoft', {})).toBe(true); // WSL1 spells it with a capital M
    expect(isWsl('Linux version 6.1.0-28-amd64 (debian-kernel@lists.debian.org)', {})).toBe(false);
    expect(isWsl(null, { WSL_DISTRO_NAME: 'Ubuntu' })).toBe(true);
    expect(wslconfigPath({ platform: 'linux', home: '/home/a', env: {}, wsl: null })).toBeNull();
  });

  it('keeps the contract variables and drops the rest', () => {
    const kept = pickRelevant({
      WSL_DISTRO_NAME: 'Ubuntu',
      WSL_PAC_URL: 'http://wpad/proxy.pac',
      CONTAINER_HOST: 'unix:///run/podman.sock',
      BUILDAH_ISOLATION: 'chroot',
      ProgramData: 'C:\\ProgramData',
      AWS_SECRET_ACCESS_KEY: 'nope',
      WSLENV: 'nope',
    });
    expect(Object.keys(kept).sort()).toEqual([
      'BUILDAH_ISOLATION',
      'CONTAINER_HOST',
      'ProgramData',
      'WSL_DISTRO_NAME',
      'WSL_PAC_URL',
    ]);
  });

  it('names the reg and netsh probes exactly, with .exe from WSL', () => {
    expect(regQuery('ProxyEnable')).toEqual([
      'reg',
      'query',
      'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
      '/v',
      'ProxyEnable',
    ]);
    expect(systemProxyCommands('linux', true).map((a) => a[0])).toEqual([
      'netsh.exe',
      ...INTERNET_SETTINGS_VALUES.map(() => 'reg.exe'),
    ]);
    expect(systemProxyCommands('darwin', false)).toEqual([['scutil', '--proxy']]);
    expect(systemProxyCommands('linux', false)).toEqual([]);
  });

  it('masks a password in Desktop and Rancher Desktop settings', () => {
    const ev = load('desktop-mac-pac');
    const store = Object.keys(ev.files).find((p) => p.endsWith('settings-store.json'))!;
    const rd = '/Users/alice/Library/Preferences/rancher-desktop/settings.json';
    const masked = maskEvidence({
      ...ev,
      files: {
        ...ev.files,
        [store]: '{"ProxyHTTPMode":"manual","OverrideProxyHTTP":"http://alice:S3cr%40t@proxy.corp:3128"}',
        [rd]: '{"experimental":{"virtualMachine":{"proxy":{"enabled":true,"address":"proxy","password":"hunter2","port":3128}}}}',
      },
    });
    expect(masked.files[store]).not.toContain('S3cr');
    expect(masked.files[store]).toContain('proxy.corp:3128');
    expect(masked.files[rd]).not.toContain('hunter2');
    expect(masked.files[rd]).toContain('"address":"proxy"');
  });
});

describe.each(NAMES)('contract bundle %s', (name) => {
  const ev = load(name);
  const ctx = ctxOf(ev);

  it('cites a public source for every file, command and the environment', () => {
    const src = SOURCES[name]!;
    expect(src, `sources.json has no entry for ${name}`).toBeDefined();
    expect(Object.keys(src.files).sort()).toEqual(Object.keys(ev.files).sort());
    expect(Object.keys(src.commands).sort()).toEqual(ev.commands.map((c) => c.argv.join(' ')).sort());
    for (const text of [...Object.values(src.files), ...Object.values(src.commands), src.env])
      expect(text).toMatch(/https:\/\/|recorded as absent|contract/);
  });

  it('records every file and command the contract asks for on its platform', () => {
    for (const p of platformFixedFiles(ctx)) expect(ev.files, p).toHaveProperty([p]);
    const argvs = ev.commands.map((c) => c.argv.join(' '));
    for (const a of systemProxyCommands(ev.host.platform, Boolean(ev.host.wsl)))
      expect(argvs).toContain(a.join(' '));
    expect(argvs).toContain(PLATFORM_CMD.contextLs.join(' '));
    expect(argvs).toContain(CMD.dockerInfo.join(' '));
    if (ev.host.platform === 'win32') expect(ev.host.uid).toBeNull();
    if (ev.host.platform !== 'linux') expect(ev.host).not.toHaveProperty('wsl');
  });

  it('is what the capture asks for: replaying the probes on it finds host.wsl and asks nothing else', async () => {
    const { asked, wsl } = await replayCapture(ev);
    expect(wsl).toEqual(ev.host.wsl);
    for (const p of asked.files) expect(ev.files, `the capture read ${p}`).toHaveProperty([p]);
    const argvs = new Set(ev.commands.map((c) => c.argv.join(' ')));
    for (const a of asked.commands) expect(argvs, `the capture ran ${a}`).toContain(a);
  });

  it('holds no secret a capture would mask', () => {
    expect(maskEvidence(ev).env).toEqual(ev.env);
    expect(maskEvidence(ev).files).toEqual(ev.files);
  });

  it('replays through the doctor', () => {
    const { report, state } = buildReport(ev);
    expect(state.docker.desktop).toBe(true);
    expect(report.actors.runtime.status).toBe('known');
    // the v1 reader still reads its v1 parts: the docker CLI's config.json is found in the platform's form
    expect(Object.keys(ev.files)).toContain(
      ev.host.platform === 'win32'
        ? 'C:\\Users\\alice\\.docker\\config.json'
        : `${ev.host.home}/.docker/config.json`,
    );
  });
});
