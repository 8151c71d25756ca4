// rancher-desktop: macOS/Linux edit the override.yaml of Rancher Desktop's own Lima (env, and a boot script that
// gives dockerd the proxy through /etc/conf.d/docker); Windows/WSL get Preferences steps and an rdctl line for its
// transparent proxy. The boot script is run by the real /bin/sh with hostile values and read back by sh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../src/analyze/state.js';
import { parseEvidence } from '../../src/evidence/validate.js';
import { LIMA_HOME_DIR, rancherMac } from '../../src/machines/lima.js';
import { synthesize } from '../../src/machines/synth.js';
import { makePlan, withCommands, withFiles } from '../../src/plan/index.js';
import {
  dockerConfDScript,
  RD_DOCKER_MARKER,
  rancherDesktopTarget,
  rancherNoproxyOk,
} from '../../src/plan/targets/rancher-desktop.js';

const OVERRIDE = `${LIMA_HOME_DIR}/Library/Application Support/rancher-desktop/lima/_config/override.yaml`;
const CORP = 'http://proxy.corp.example:3128';
const plan = (override: string | null, proxy = CORP) =>
  makePlan(synthesize(rancherMac({ override, vmProxy: null })), { proxy }, { targets: ['rancher-desktop'] })
    .plan;
const tmp = mkdtempSync(join(tmpdir(), 'bp-rd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Provision {
  mode: string;
  script: string;
}

describe('rancher-desktop on macOS', () => {
  it("writes its Lima's override.yaml: env, propagateProxyEnv: false, one boot script; then rdctl shutdown/start", () => {
    const p = plan(null, 'http://127.0.0.1:3128');
    const c = p.changes[0]!;
    expect(c).toMatchObject({ path: OVERRIDE, mode: '0600', needsRoot: false, before: null });
    const doc = parseYaml(c.after) as { env: Record<string, string>; provision: Provision[] };
    expect(doc.env.HTTPS_PROXY).toBe('http://host.lima.internal:3128');
    expect(doc.provision).toEqual([{ mode: 'system', script: expect.stringContaining(RD_DOCKER_MARKER) }]);
    expect(p.commands.map((x) => x.argv)).toEqual([
      ['rdctl', 'shutdown'],
      ['rdctl', 'start'],
    ]);
    const after = withCommands(withFiles(synthesize(rancherMac({ override: null, vmProxy: null })), p), p);
    expect(analyze(after).docker.info?.httpsProxy).toBe('http://host.lima.internal:3128');
  });

  it("keeps the user's provisioning scripts and mounts, replaces its own script on a second plan", () => {
    const mine = `provision:\n- mode: system\n  script: |\n    #!/bin/sh\n    ulimit -n 65536 # keep\nmounts:\n- location: /some/path\n  writable: true\n`;
    const first = plan(mine).changes[0]!;
    const again = plan(first.after, 'http://other.corp.example:8080').changes[0]!;
    const doc = parseYaml(again.after) as { provision: Provision[]; mounts: unknown[] };
    expect(doc.mounts).toEqual([{ location: '/some/path', writable: true }]);
    expect(doc.provision).toHaveLength(2);
    expect(doc.provision[0]!.script).toContain('ulimit -n 65536 # keep');
    expect(doc.provision[1]!.script).toContain('other.corp.example:8080');
    expect(doc.provision[1]!.script).not.toContain('proxy.corp.example:3128');
    expect(plan(first.after).changes).toEqual([]);
  });

  it('refuses a malformed file, a provision that is not a list, and an env that is not a mapping', () => {
    for (const [text, reason] of [
      ['provision: {mode: system}\n', /provision is not a list/],
      ['env: [a]\n', /env is not a mapping/],
      ['provision:\n- a\nprovision:\n- b\n', /fix it first/],
    ] as const) {
      const p = plan(text);
      expect(p.changes).toEqual([]);
      expect(p.refused?.[0]?.reason).toMatch(reason);
    }
  });

  it('the boot script, run by /bin/sh, gives back every value exactly, and replaces its earlier lines', () => {
    const conf = join(tmp, 'docker.conf');
    writeFileSync(conf, '# keep me\nDOCKER_OPTS=""\n');
    const run = (vars: [string, string][]) => {
      const script = dockerConfDScript(vars).replaceAll('/etc/conf.d/docker', conf);
      execFileSync('/bin/sh', ['-c', script], { timeout: 10_000 });
    };
    const read = () =>
      execFileSync(
        '/bin/sh',
        ['-c', `. "$1"; printf '%s\\n%s\\n%s' "$HTTP_PROXY" "$HTTPS_PROXY" "$NO_PROXY"`, 'sh', conf],
        {
          encoding: 'utf8',
          timeout: 10_000,
        },
      );
    run([['HTTP_PROXY', 'http://old:1']]);
    const hostile: [string, string][] = [
      ['HTTP_PROXY', `http://u:p'a"s$HOME\`x\\%41@proxy:3128`],
      ['HTTPS_PROXY', 'http://proxy:3128'],
      ['NO_PROXY', 'localhost,.corp,*.x, 10.0.0.0/8'],
    ];
    run(hostile);
    expect(read()).toBe(hostile.map(([, v]) => v).join('\n'));
    const text = readFileSync(conf, 'utf8');
    expect(text).toContain('# keep me\nDOCKER_OPTS=""\n');
    expect(text).not.toContain('old:1');
  });
});

describe('rancher-desktop on Windows (the WSL transparent proxy)', () => {
  const ev = parseEvidence(
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/engines/rancher-wsl-proxy.json'), 'utf8')),
  );

  it('gives Preferences steps and an rdctl line, never a password on a command line, and writes nothing', () => {
    const p = makePlan(
      ev,
      {
        proxy: 'http://bob:s3cret@proxy.corp.example:8080',
        noProxy: 'localhost,.corp.example,reg.corp.example:5000',
      },
      { targets: ['rancher-desktop'] },
    ).plan;
    expect(p.changes).toEqual([]);
    expect(p.commands).toEqual([]);
    const text = p.snippets.map((s) => s.text).join('\n');
    expect(text).toContain('Proxy Address: proxy.corp.example');
    expect(text).toContain('--experimental.virtual-machine.proxy.port=8080');
    expect(text).toContain('--experimental.virtual-machine.proxy.username=bob');
    expect(text).not.toContain('s3cret');
    expect(text).toMatch(/^No Proxy: localhost, .*\.corp\.example$/m);
    expect(text).toMatch(/left out.*: reg\.corp\.example:5000\)/);
  });

  // Rancher Desktop's own check (main/commandServer/settingsValidator.ts isIPAddressOrCIDR / isDomainName, with
  // utils/networks.ts stripNoproxyPrefix), on Node's net.isIP as it runs there: the reference for the differential test.
  const rdAccepts = (entry: string): boolean => {
    const slash = entry.indexOf('/');
    if (slash >= 0) {
      const v = isIP(entry.slice(0, slash));
      const bits = entry.slice(slash + 1);
      if (v === 0 || !/^\d+$/.test(bits)) return false;
      return Number.parseInt(bits, 10) <= (v === 4 ? 32 : 128);
    }
    if (isIP(entry) !== 0) return true;
    const d = entry.startsWith('*.') ? entry.slice(2) : entry.startsWith('.') ? entry.slice(1) : entry;
    if (d.length === 0 || d.length > 253 || isIP(d) !== 0) return false;
    return d.split('.').every((l) => /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(l));
  };

  it('agrees with Rancher Desktop on which noproxy entries it accepts', () => {
    const corpus = [
      ...['10.0.0.0/8', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/08', '::1', '::1/128', '::1/129', 'fd00::/8'],
      ...[
        '::ffff:1.2.3.4',
        '::ffff:1.2.3.4/96',
        '1.2.3',
        '01.2.3.4',
        '1.2.3.4.5',
        '256.1.1.1',
        'fe80::1%eth0',
      ],
      ...['fe80::1%', '1.2.3.4%eth0', '::1%1', 'fe80::1%eth0/64', '::1%a%b', 'fe80::1%eth 0', '*.fe80::1%x'],
      ...[
        'localhost',
        '.corp.example',
        '*.corp.example',
        '*',
        '',
        '.',
        '*.',
        '..x',
        'a..b',
        '-x.corp',
        'x-.corp',
      ],
      ...[
        'reg:5000',
        'a_b.corp',
        '*.10.0.0.1',
        '.10.0.0.1',
        'ü.corp',
        `${'a'.repeat(63)}.x`,
        `${'a'.repeat(64)}.x`,
      ],
      ...[`${'a.'.repeat(126)}a`, `${'a.'.repeat(127)}a`, 'xn--bcher-kva.example', 'UPPER.Example'],
    ];
    for (const e of corpus) expect(rancherNoproxyOk(e), JSON.stringify(e)).toBe(rdAccepts(e));
  });

  it('accepts the noproxy entries Rancher Desktop validates, as its settingsValidator does', () => {
    for (const e of ['10.0.0.0/8', '::1', 'fd00::/8', 'localhost', '.corp.example', '*.corp.example'])
      expect(rancherNoproxyOk(e), e).toBe(true);
    for (const e of ['*', '10.0.0.0/33', '*.10.0.0.1', 'reg:5000', 'a_b.corp', '', '-x.corp'])
      expect(rancherNoproxyOk(e), e).toBe(false);
  });

  it('apply accepts only the two override.yaml paths and rdctl shutdown/start', () => {
    expect(rancherDesktopTarget.declares.files.map((f) => f.path)).toEqual([
      '{home}/Library/Application Support/rancher-desktop/lima/_config/override.yaml',
      '{home}/.local/share/rancher-desktop/lima/_config/override.yaml',
    ]);
    const [shutdown, start] = rancherDesktopTarget.declares.commands;
    expect(shutdown!(['rdctl', 'shutdown'])).toBeNull();
    expect(start!(['rdctl', 'start'])).toBeNull();
    expect(start!(['rdctl', 'start', '--experimental.virtual-machine.proxy.enabled'])).not.toBeNull();
  });
});
