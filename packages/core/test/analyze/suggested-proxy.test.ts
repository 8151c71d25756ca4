// The wizard's default proxy: env > Docker Desktop (manual) > the OS system proxy > the PAC file's answer, each
// with its source; on the contract bundles (test/fixtures/platforms, sources cited in sources.json) and on
// synthesized machines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import { proxySuggestions, suggestedProxy } from '../../src/analyze/suggested-proxy.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { parseEvidence } from '../../src/evidence/validate.js';
import { CORPORATE_PAC, pacEvidence } from '../../src/machines/pac.js';
import { synthesize } from '../../src/machines/synth.js';

const DIR = join(import.meta.dirname, '../fixtures/platforms');
const load = (name: string): Evidence =>
  parseEvidence(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')));
const scutil = (body: string) => ({
  argv: ['scutil', '--proxy'],
  exitCode: 0,
  stdout: `<dictionary> {\n${body}\n}\n`,
  stderr: '',
  timedOut: false,
  durationMs: 3,
});
const MAC_MANUAL = scutil(
  '  ExceptionsList : <array> {\n    0 : *.local\n  }\n  HTTPEnable : 1\n  HTTPPort : 8080\n  HTTPProxy : proxy.corp.example\n  HTTPSEnable : 1\n  HTTPSPort : 8080\n  HTTPSProxy : proxy.corp.example',
);

describe('suggestedProxy', () => {
  it('a machine that states no proxy has no suggestion', () => {
    expect(suggestedProxy(analyze(synthesize({ docker: { engine: '28.2.2' } })))).toBeNull();
  });

  it('the shell environment comes first, with its NO_PROXY', () => {
    const s = suggestedProxy(
      analyze(
        synthesize({
          platform: 'darwin',
          home: '/Users/alice',
          env: { HTTPS_PROXY: 'http://bob:pa%40ss@env-proxy:3128', NO_PROXY: 'localhost,.corp' },
          commands: [MAC_MANUAL],
          docker: { engine: '28.2.2', desktop: true, systemd: false },
        }),
      ),
    );
    expect(s).toMatchObject({
      source: 'env',
      httpProxy: 'http://bob:pa%40ss@env-proxy:3128',
      httpsProxy: 'http://bob:pa%40ss@env-proxy:3128',
      noProxy: ['localhost', '.corp'],
      label: 'your shell environment',
      onHost: false,
    });
    expect(s?.shown).not.toContain('pa%40ss');
    expect(s?.notes).toEqual(['only an HTTPS proxy is set; the same proxy is offered for HTTP']);
  });

  it('Docker Desktop manual settings before the OS proxy; the OS proxy next', () => {
    const store = '/Users/alice/Library/Group Containers/group.com.docker/settings-store.json';
    const machine = (desktopJson: string | null) =>
      analyze(
        synthesize({
          platform: 'darwin',
          home: '/Users/alice',
          files: desktopJson ? { [store]: desktopJson } : {},
          commands: [MAC_MANUAL],
          docker: { engine: '28.2.2', desktop: true, systemd: false },
        }),
      );
    const manual = JSON.stringify({
      ProxyHTTPMode: 'manual',
      OverrideProxyHTTP: 'http://desk:3128',
      OverrideProxyHTTPS: 'http://desk:3128',
      OverrideProxyExclude: 'nexus.corp',
    });
    const all = proxySuggestions(machine(manual));
    expect(all.map((s) => [s.source, s.httpsProxy])).toEqual([
      ['desktop', 'http://desk:3128'],
      ['macos', 'http://proxy.corp.example:8080'],
    ]);
    expect(all[0]?.noProxy).toEqual(['nexus.corp']);
    expect(suggestedProxy(machine(null))).toMatchObject({
      source: 'macos',
      label: 'macOS network settings (scutil --proxy)',
      noProxy: ['.local'],
    });
  });

  it('a Windows loopback proxy (the for-win#14818 bundle) is offered, marked as on this host', () => {
    const s = suggestedProxy(analyze(load('desktop-win-loopback-mirrored')));
    expect(s?.onHost).toBe(true);
    expect(['wininet', 'winhttp']).toContain(s?.source);
  });

  it('a PAC-only Mac (the desktop-mac-pac bundle): nothing until the PAC file ran, then its static answer', () => {
    const ev = load('desktop-mac-pac');
    expect(suggestedProxy(analyze(ev))).toBeNull();
    const s = suggestedProxy(analyze({ ...ev, pac: CORPORATE_PAC }));
    expect(s).toMatchObject({
      source: 'pac',
      httpsProxy: 'http://proxy.corp.example:8080',
      noProxy: ['deb.debian.org'],
      label: 'the PAC file http://wpad.corp.example/proxy.pac (from macOS network settings (scutil --proxy))',
    });
    expect(s?.notes.join(' ')).toContain('tries DIRECT first for deb.debian.org');
    // a PAC file that could not be fetched suggests nothing
    const off = pacEvidence({}, { fetch: { result: 'timeout', status: null, bytes: 0, ms: 3000 } });
    expect(suggestedProxy(analyze({ ...ev, pac: off }))).toBeNull();
  });

  it('WSL autoProxy (HTTP only, microsoft/WSL#40945): offered for both, with the note', () => {
    const s = suggestedProxy(analyze(load('wsl-autoproxy-pac')));
    expect(s).toMatchObject({ source: 'wsl-autoproxy', httpsProxy: 'http://proxy.corp.example:3128' });
    expect(s?.notes).toEqual(['only an HTTP proxy is set; the same proxy is offered for HTTPS']);
  });
});
