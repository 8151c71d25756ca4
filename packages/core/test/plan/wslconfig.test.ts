// The wslconfig target and its INI edit: networkingMode=mirrored for a Windows loopback proxy in NAT mode,
// autoProxy=false for Docker Desktop's VM; read back with the analysis' own reader, planned again to nothing;
// every other line, comment and CRLF kept; hostile files refused, never rewritten.
import { describe, expect, it } from 'vitest';
import { analyzeWsl, iniValue } from '../../src/analyze/platform.js';
import { regQuery } from '../../src/evidence/platforms.js';
import { HOME } from '../../src/machines/fixtures.js';
import { commandOk } from '../../src/machines/printers.js';
import { type MachineSpec, synthesize } from '../../src/machines/synth.js';
import { makePlan } from '../../src/plan/index.js';
import { setIniKeys } from '../../src/plan/ini-edit.js';

const WSLCONFIG = '/mnt/c/Users/alice/.wslconfig';
const reg = (value: 'ProxyEnable' | 'ProxyServer', type: string, data: string) =>
  commandOk(
    regQuery(value, true),
    `\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ${value}    ${type}    ${data}\r\n\r\n`,
  );
const natMachine = (wslconfig: string | null): MachineSpec => ({
  home: HOME,
  wsl: { distro: 'Ubuntu', windowsHome: '/mnt/c/Users/alice' },
  env: { WSL_DISTRO_NAME: 'Ubuntu' },
  files: { [WSLCONFIG]: wslconfig },
  commands: [reg('ProxyEnable', 'REG_DWORD', '0x1'), reg('ProxyServer', 'REG_SZ', '127.0.0.1:7890')],
  docker: { engine: '28.2.2', systemd: true },
});
const plan = (m: MachineSpec, proxy = 'http://127.0.0.1:7890') =>
  makePlan(synthesize(m), { proxy }, { targets: ['wslconfig'] }).plan;

describe('wslconfig target', () => {
  it('NAT mode with a Windows loopback proxy: networkingMode=mirrored, CRLF and comments kept', () => {
    const before =
      '# my WSL settings\r\n[wsl2]\r\nmemory=8GB\r\nnetworkingMode=nat ; was the default\r\n\r\n[experimental]\r\nsparseVhd=true\r\n';
    const p = plan(natMachine(before));
    const c = p.changes.find((x) => x.path === WSLCONFIG)!;
    expect(c).toMatchObject({ mode: '0644', needsRoot: false, target: 'wslconfig' });
    expect(c.after).toBe(
      '# my WSL settings\r\n[wsl2]\r\nmemory=8GB\r\nnetworkingMode=mirrored\r\n\r\n[experimental]\r\nsparseVhd=true\r\n',
    );
    expect(iniValue(c.after, 'wsl2', 'networkingMode')).toBe('mirrored');
    expect(p.snippets.map((s) => s.text)).toContain('wsl --shutdown');
    // planning again on the result changes nothing
    const again = synthesize(natMachine(c.after));
    expect(analyzeWsl(again)?.networkingMode).toBe('mirrored');
    expect(plan(natMachine(c.after)).changes).toEqual([]);
    expect(plan(natMachine(c.after)).refused?.[0]?.reason).toMatch(/already runs in mirrored mode/);
  });

  it('creates the file with Windows line endings when there is none', () => {
    const c = plan(natMachine(null)).changes[0]!;
    expect(c.before).toBeNull();
    expect(c.after).toBe('[wsl2]\r\nnetworkingMode=mirrored\r\n');
  });

  it("Docker Desktop whose VM got the loopback proxy: autoProxy=false, WSL 2.0's [experimental] key too", () => {
    const m: MachineSpec = {
      ...natMachine('[experimental]\nautoProxy=true\n'),
      docker: {
        engine: '28.1.1',
        desktop: true,
        systemd: false,
        processEnv: { HTTP_PROXY: 'http://127.0.0.1:7890', HTTPS_PROXY: 'http://127.0.0.1:7890' },
      },
    };
    const c = plan(m).changes.find((x) => x.path === WSLCONFIG)!;
    expect(c.after).toBe('[experimental]\nautoProxy=false\n\n[wsl2]\nautoProxy=false\n');
    expect(analyzeWsl(synthesize({ ...m, files: { [WSLCONFIG]: c.after } }))?.autoProxy).toBe(false);
  });

  it('refuses where .wslconfig is not the fix, or cannot be found', () => {
    const corp: MachineSpec = {
      ...natMachine(null),
      commands: [
        reg('ProxyEnable', 'REG_DWORD', '0x1'),
        reg('ProxyServer', 'REG_SZ', 'proxy.corp.example:3128'),
      ],
    };
    expect(plan(corp, 'http://proxy.corp.example:3128').refused?.[0]?.reason).toMatch(/not on loopback/);
    const noHome = { ...natMachine(null), wsl: { distro: 'Ubuntu', windowsHome: null } };
    expect(plan(noHome).refused?.[0]?.reason).toMatch(/home is unknown/);
    const linux = plan({ home: HOME, docker: { engine: '28.2.2' } });
    expect(linux.refused?.[0]?.reason).toMatch(/not WSL/);
  });

  it('refuses hostile files and leaves them alone', () => {
    const cases: [string, RegExp][] = [
      [
        '[wsl2]\nnetworkingMode=nat\nNetworkingMode=mirrored\n',
        /:3: key networkingmode appears twice in \[wsl2\]/,
      ],
      ['[wsl2]\nmemory=4GB\n[wsl2]\nswap=0\n', /:3: section \[wsl2\] appears twice/],
      ['[wsl2]\nthis is not ini\n', /:2: "this is not ini" is not a \[section\]/],
      ['\uFEFF[wsl2]\r\nmemory=4GB\r\n'.replace('memory', 'mem\uFFFDory'), /not UTF-8/],
      [Buffer.from('[wsl2]\r\n', 'utf16le').toString('latin1'), /UTF-16/],
      [`[wsl2]\n${'#'.repeat(70000)}\n`, /larger than/],
    ];
    for (const [text, why] of cases) {
      const p = plan(natMachine(text));
      expect(p.changes).toEqual([]);
      expect(p.refused?.[0]?.reason).toMatch(why);
    }
  });
});

describe('setIniKeys', () => {
  it('keeps a BOM, indentation, the key spelling, a file without a final newline', () => {
    const r = setIniKeys('\uFEFF[WSL2]\n  NetworkingMode = nat', 'wsl2', { networkingMode: 'mirrored' });
    expect(r).toEqual({ ok: true, text: '\uFEFF[WSL2]\n  NetworkingMode=mirrored' });
    const same = setIniKeys('[wsl2]\nmemory=4GB', 'wsl2', {});
    expect(same).toEqual({ ok: true, text: '[wsl2]\nmemory=4GB' });
  });

  it('adds a missing key after the last key of its section, before the next section', () => {
    const r = setIniKeys('[wsl2]\nmemory=4GB\n# about boot\n[boot]\nsystemd=true\n', 'wsl2', {
      autoProxy: 'false',
    });
    expect(r).toEqual({
      ok: true,
      text: '[wsl2]\nmemory=4GB\nautoProxy=false\n# about boot\n[boot]\nsystemd=true\n',
    });
  });

  it('a key with a backslash or % in another line survives byte for byte', () => {
    const text = '[wsl2]\r\nkernel=C:\\\\temp\\\\myKernel\r\nswapFile=%USERPROFILE%\\\\swap.vhdx\r\n';
    const r = setIniKeys(text, 'wsl2', { networkingMode: 'mirrored' });
    expect(r.ok && r.text).toBe(`${text}networkingMode=mirrored\r\n`);
  });
});
