// The plan targets for the other engines: containers-conf (a text edit of [engine] env that keeps everything
// else), podman-machine (restart the machine with a proxy the VM can reach) and colima-yaml (a YAML document edit).
// Each result is parsed back by the same reader the analysis uses, and planning again after it is empty.

import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../src/analyze/state.js';
import { parseContainersConf } from '../../src/formats/containers-conf.js';
import { colimaMachine, colimaYaml, GOOD_PODMAN, podmanMachine } from '../../src/machines/engines.js';
import { HOME, PROXY, variant } from '../../src/machines/fixtures.js';
import { type MachineSpec, synthesize } from '../../src/machines/synth.js';
import { makePlan, withCommands, withFiles } from '../../src/plan/index.js';
import { withEngineEnv } from '../../src/plan/targets/containers-conf.js';

const USER_CONF = `${HOME}/.config/containers/containers.conf`;
const plan = (m: MachineSpec, targets: string[], proxy = PROXY) =>
  makePlan(synthesize(m), { proxy }, { targets: targets as never }).plan;

describe('containers-conf', () => {
  it('adds [engine] env to the user file, keeping comments, other tables and non-proxy entries', () => {
    const before = [
      '# my podman settings',
      '[containers]',
      'log_size_max = -1 # keep',
      '',
      '[engine]',
      'cgroup_manager = "cgroupfs"',
      'env = [',
      '  "TZ=UTC",   # a comment with ] and "quotes"',
      '  "HTTPS_PROXY=http://old:1",',
      ']',
      'events_logger = "file"',
      '',
    ].join('\n');
    const p = plan(variant(GOOD_PODMAN, { files: { [USER_CONF]: before } }), ['containers-conf']);
    const c = p.changes.find((x) => x.path === USER_CONF)!;
    expect(c).toMatchObject({ mode: '0600', needsRoot: false, target: 'containers-conf' });
    expect(c.after).toContain('# my podman settings\n[containers]\nlog_size_max = -1 # keep');
    expect(c.after).toContain('events_logger = "file"');
    const conf = parseContainersConf(USER_CONF, c.after);
    if (!conf.ok) throw new Error(conf.error.message);
    expect(conf.conf.engineEnv!.map((e) => `${e.name}=${e.value}`)).toEqual([
      'TZ=UTC',
      `HTTP_PROXY=${PROXY}`,
      `HTTPS_PROXY=${PROXY}`,
      expect.stringMatching(/^NO_PROXY=/),
      `http_proxy=${PROXY}`,
      `https_proxy=${PROXY}`,
      expect.stringMatching(/^no_proxy=/),
    ]);
  });

  it('creates the file, or the [engine] table, or the env key; values with quotes and backslashes survive', () => {
    const entries = ['A="q"', 'B=back\\slash', 'C=tab\there'];
    for (const text of ['', '[containers]\nhttp_proxy = true', '[engine]\ncgroup_manager = "cgroupfs"\n']) {
      const after = withEngineEnv(text, entries);
      const r = parseContainersConf('x', after);
      if (!r.ok) throw new Error(`${JSON.stringify(text)}: ${r.error.message}`);
      expect(r.conf.engineEnv!.map((e) => `${e.name}=${e.value}`)).toEqual(entries);
    }
  });

  it('refuses a file podman itself refuses, a remote podman, and a password in the system file as root', () => {
    const dup = variant(GOOD_PODMAN, { files: { [USER_CONF]: '[engine]\nenv = []\nenv = []\n' } });
    expect(plan(dup, ['containers-conf']).refused).toEqual([
      { target: 'containers-conf', reason: expect.stringMatching(/containers\.conf:3: .*fix it first/) },
    ]);
    const remote = variant(GOOD_PODMAN, { env: { CONTAINER_HOST: 'ssh://core@vm/run/podman/podman.sock' } });
    expect(plan(remote, ['containers-conf']).refused?.[0]?.reason).toMatch(/remote client/);
    const root = { ...GOOD_PODMAN, uid: 0 };
    expect(
      plan(root, ['containers-conf'], 'http://bob:s3cret@proxy.corp.example:3128').refused?.[0]?.reason,
    ).toMatch(/readable by every user/);
    expect(plan(root, ['containers-conf']).changes[0]).toMatchObject({
      path: '/etc/containers/containers.conf',
      mode: '0644',
      needsRoot: true,
    });
  });

  it('after applying, the podman process gets the proxy from [engine] env and a second plan is empty', () => {
    const bare: MachineSpec = { ...GOOD_PODMAN, env: {} };
    const ev = synthesize(bare);
    const p = makePlan(ev, { proxy: PROXY }, { targets: ['containers-conf'] }).plan;
    const after = withFiles(ev, p);
    expect(analyze(after).engines.podman!.processEnv.find((v) => v.name === 'HTTPS_PROXY')?.value).toBe(
      PROXY,
    );
    expect(makePlan(after, { proxy: PROXY }, { targets: ['containers-conf'] }).plan.changes).toEqual([]);
  });
});

describe('podman-machine', () => {
  const mac = (vmEnv: Record<string, string> | null): MachineSpec => ({
    home: '/Users/alice',
    platform: 'darwin',
    docker: false,
    commands: podmanMachine({ client: '5.4.0', vmEnv }),
  });

  it('restarts the machine with the proxy, a loopback proxy as host.containers.internal', () => {
    const p = plan(mac(null), ['podman-machine'], 'http://127.0.0.1:3128');
    expect(p.commands.map((c) => c.argv)).toEqual([
      ['podman', 'machine', 'stop', 'podman-machine-default'],
      [
        'env',
        'HTTP_PROXY=http://host.containers.internal:3128',
        'HTTPS_PROXY=http://host.containers.internal:3128',
        expect.stringMatching(/^NO_PROXY=.*host\.containers\.internal/),
        'http_proxy=http://host.containers.internal:3128',
        'https_proxy=http://host.containers.internal:3128',
        expect.stringMatching(/^no_proxy=/),
        'podman',
        'machine',
        'start',
        'podman-machine-default',
      ],
    ]);
    expect(p.commands.every((c) => c.disruptive && !c.needsRoot)).toBe(true);
    const after = analyze(withCommands(synthesize(mac(null)), p));
    expect(after.engines.podman!.machine!.env!.find((v) => v.name === 'HTTPS_PROXY')?.value).toBe(
      'http://host.containers.internal:3128',
    );
  });

  it('refuses where there is no machine', () => {
    expect(plan(GOOD_PODMAN, ['podman-machine']).refused?.[0]?.reason).toMatch(/no podman machine/);
  });
});

describe('colima-yaml', () => {
  const colima = (yaml: string | null): MachineSpec => ({
    home: '/Users/alice',
    platform: 'darwin',
    docker: { engine: '27.1.1', systemd: false, buildx: false },
    files: { '/Users/alice/.colima/default/colima.yaml': yaml },
    commands: colimaMachine({ version: '0.7.5', daemonJsonProxy: null, vmEnvProxy: null }),
  });

  it('sets env in colima.yaml (comments kept), a loopback proxy as host.lima.internal, then colima restart', () => {
    const p = plan(colima(colimaYaml({ TZ: 'UTC' })), ['colima-yaml'], 'http://127.0.0.1:9000');
    const c = p.changes[0]!;
    expect(c.path).toBe('/Users/alice/.colima/default/colima.yaml');
    expect(c.after).toContain('# Environment variables for the virtual machine.');
    expect(c.after).toContain('# Container runtime to be used (docker, containerd).');
    const doc = parseYaml(c.after) as { env: Record<string, string>; runtime: string };
    expect(doc.runtime).toBe('docker');
    expect(doc.env).toMatchObject({ TZ: 'UTC', HTTPS_PROXY: 'http://host.lima.internal:9000' });
    expect(p.commands.map((x) => x.argv)).toEqual([['colima', 'restart']]);
  });

  it('refuses a missing, malformed or duplicate-key colima.yaml', () => {
    expect(plan(colima(null), ['colima-yaml']).refused?.[0]?.reason).toMatch(/run `colima start` once/);
    expect(plan(colima('env:\n  A: 1\nenv:\n  B: 2\n'), ['colima-yaml']).refused?.[0]?.reason).toMatch(
      /fix it first/,
    );
    expect(plan(colima('env: [1, 2]\n'), ['colima-yaml']).refused?.[0]?.reason).toMatch(
      /env is not a mapping/,
    );
  });
});
