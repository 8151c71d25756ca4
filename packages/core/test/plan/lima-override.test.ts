// lima-override: plain Lima's $LIMA_HOME/_config/override.yaml. The edit keeps comments and every other key, is
// read back by the same YAML library and by the Lima environment model (analyze/lima-env.ts, after lima-vm/lima
// pkg/cidata setupEnv), refuses hostile files, and after `limactl start` the VM's dockerd has the proxy.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { limaVmEnv } from '../../src/analyze/lima-env.js';
import { analyze } from '../../src/analyze/state.js';
import type { YamlEnvFile } from '../../src/analyze/vm-engines.js';
import { LIMA_HOME_DIR, limaMachine } from '../../src/machines/lima.js';
import { synthesize } from '../../src/machines/synth.js';
import { makePlan, withCommands, withFiles } from '../../src/plan/index.js';
import { limaOverrideTarget } from '../../src/plan/targets/lima-override.js';
import { editYaml } from '../../src/plan/targets/yaml-edit.js';

const OVERRIDE = `${LIMA_HOME_DIR}/.lima/_config/override.yaml`;
const CORP = 'http://proxy.corp.example:3128';
const plan = (override: string | null, proxy = CORP, env: Record<string, string> = {}) =>
  makePlan(
    synthesize(limaMachine({ override, vmProxy: null, env })),
    { proxy },
    { targets: ['lima-override'] },
  ).plan;

describe('lima-override', () => {
  it('creates override.yaml with env and propagateProxyEnv: false, then limactl stop/start of the instance', () => {
    const p = plan(null, 'http://127.0.0.1:3128');
    const c = p.changes[0]!;
    expect(c).toMatchObject({ path: OVERRIDE, mode: '0600', needsRoot: false, before: null });
    const doc = parseYaml(c.after) as { env: Record<string, string>; propagateProxyEnv: boolean };
    expect(doc.propagateProxyEnv).toBe(false);
    expect(doc.env.HTTPS_PROXY).toBe('http://host.lima.internal:3128');
    expect(doc.env.https_proxy).toBe('http://host.lima.internal:3128');
    expect(doc.env.NO_PROXY).toContain('host.lima.internal');
    expect(p.commands.map((x) => x.argv)).toEqual([
      ['limactl', 'stop', 'docker'],
      ['limactl', 'start', 'docker'],
    ]);
    expect(p.commands.every((x) => x.disruptive && !x.needsRoot)).toBe(true);
  });

  it('keeps comments, other keys and other env entries; values are double-quoted for YAML 1.1 readers', () => {
    const before = [
      '# my overrides',
      'mounts:',
      '- location: "~"',
      '  writable: true # I need this',
      'env:',
      '  TZ: UTC',
      '  HTTP_PROXY: http://old:1',
      'dns: [1.1.1.1]',
      '',
    ].join('\n');
    const c = plan(before, CORP).changes[0]!;
    expect(c.after).toContain('# my overrides');
    expect(c.after).toContain('writable: true # I need this');
    expect(c.after).toContain(`HTTP_PROXY: "${CORP}"`);
    const doc = parseYaml(c.after) as Record<string, unknown>;
    expect(doc.mounts).toEqual([{ location: '~', writable: true }]);
    expect(doc.dns).toEqual(['1.1.1.1']);
    expect(doc.env).toMatchObject({ TZ: 'UTC', HTTP_PROXY: CORP, no_proxy: expect.any(String) });
  });

  it('refuses a file it cannot edit safely, and never rewrites it', () => {
    const hostile: [string, RegExp][] = [
      ['env:\n  A: 1\nenv:\n  B: 2\n', /override\.yaml:3: .*unique.*fix it first/i],
      ['env:\n  HTTP_PROXY: a\n  HTTP_PROXY: b\n', /fix it first/],
      ['env: [a, b]\n', /env is not a mapping/],
      ['base: &b {A: 1}\nenv: *b\n', /env is not a mapping/],
      ['- a list\n', /not a YAML mapping/],
      ['env: {\n', /fix it first/],
      ['a: 1\n---\nb: 2\n', /fix it first/],
      ['\t- tab indent: x\n', /fix it first/],
      // 10 000 "[" abort node inside the yaml library (no catch survives it): refused before parsing
      ['['.repeat(100_000), /nests \[ or \{ deeper than 32 levels; fix it first/],
      [`env:\n${' '.repeat(300)}x: 1\n`, /indented deeper than/],
      [`x: "${'a'.repeat(300 * 1024)}"\n`, /larger than/],
    ];
    for (const [text, reason] of hostile) {
      const p = plan(text);
      expect(p.changes, JSON.stringify(text.slice(0, 40))).toEqual([]);
      expect(p.refused?.[0]?.reason, JSON.stringify(text.slice(0, 40))).toMatch(reason);
    }
  });

  it('writes quotes, backslashes, % and non-ASCII in values so that they read back unchanged', () => {
    const values = ['http://u%40corp:p"a\\ss@proxy:3128', 'yes', '0777', '1:30', 'ü-proxy', '*.corp, .x'];
    for (const v of values) {
      const r = editYaml('o.yaml', '# c\nenv: {}\n', [{ at: ['env', 'NO_PROXY'], value: v }]);
      if (!r.ok) throw new Error(r.reason);
      expect((parseYaml(r.after) as { env: Record<string, string> }).env.NO_PROXY).toBe(v);
      // YAML 1.1 (Go readers): a plain `yes`, `0777` or `1:30` would be a bool or a number
      expect(r.after).toContain(`NO_PROXY: "`);
    }
    const empty = editYaml('o.yaml', 'env:\n', [{ at: ['env', 'A'], value: 'b' }]);
    expect(empty.ok && parseYaml(empty.after)).toEqual({ env: { A: 'b' } });
  });

  it('after apply and limactl start, Lima gives the VM the proxy even from a shell with another one', () => {
    const stale = { HTTPS_PROXY: 'http://old-proxy:8080', https_proxy: 'http://old-proxy:8080' };
    const ev = synthesize(limaMachine({ override: null, vmProxy: null, env: stale }));
    const p = makePlan(ev, { proxy: CORP }, { targets: ['lima-override'] }).plan;
    const after = withCommands(withFiles(ev, p), p);
    expect(analyze(after).docker.info?.httpsProxy).toBe(CORP);
    expect(makePlan(after, { proxy: CORP }, { targets: ['lima-override'] }).plan.changes).toEqual([]);
  });

  it('refuses Colima (colima-yaml), no Lima at all, and a LIMA_HOME outside the home', () => {
    const colima = synthesize({
      home: '/Users/alice',
      platform: 'darwin',
      docker: { engine: '27.1.1', systemd: false, buildx: false },
      env: { DOCKER_HOST: 'unix:///Users/alice/.colima/default/docker.sock' },
    });
    expect(
      makePlan(colima, { proxy: CORP }, { targets: ['lima-override'] }).plan.refused?.[0]?.reason,
    ).toMatch(/colima-yaml/);
    const none = synthesize({ home: '/home/bob', docker: { engine: '27.1.1' } });
    expect(makePlan(none, { proxy: CORP }, { targets: ['lima-override'] }).plan.refused?.[0]?.reason).toMatch(
      /Lima is not in use/,
    );
    expect(plan(null, CORP, { LIMA_HOME: '/opt/lima' }).refused?.[0]?.reason).toMatch(/LIMA_HOME is outside/);
  });

  it('apply accepts only ~/.lima/_config/override.yaml and limactl stop/start of a Lima instance name', () => {
    const [stop, start] = limaOverrideTarget.declares.commands;
    expect(stop!(['limactl', 'stop', 'docker'])).toBeNull();
    expect(start!(['limactl', 'start', 'my-vm.2'])).toBeNull();
    for (const bad of [
      ['limactl', 'start', 'a..b'],
      ['limactl', 'start', 'a-'],
      ['limactl', 'start', '--set', 'x'],
      ['limactl', 'start', '../x'],
      ['limactl', 'start'],
    ])
      expect(start!(bad)).not.toBeNull();
    expect(limaOverrideTarget.declares.files).toEqual([
      { path: '{home}/.lima/_config/override.yaml', mode: '0600', credential: true },
    ]);
  });
});

describe('a hostile override.yaml in the doctor', () => {
  it('100 000 "[" are reported as a file problem, not parsed (the yaml library would abort node)', () => {
    const state = analyze(synthesize(limaMachine({ override: '['.repeat(100_000), vmProxy: null })));
    expect(state.engines.vm.errors).toEqual([
      expect.objectContaining({ path: OVERRIDE, message: expect.stringMatching(/deeper than 32 levels/) }),
    ]);
    expect(state.engines.vm.lima?.override).toBeNull();
  });
});

describe('Lima VM environment (pkg/cidata setupEnv)', () => {
  const file = (env: Record<string, string>, propagate: boolean | null = null): YamlEnvFile => ({
    path: 'f',
    env: Object.entries(env).map(([name, value]) => ({ name, value, origin: { kind: 'file', ref: 'f' } })),
    propagate,
    provisionProxy: [],
    dockerProxies: [],
  });

  it('override.yaml over default.yaml, the shell over both unless propagateProxyEnv is false', () => {
    const defaults = file({ http_proxy: 'http://d:1' });
    const override = file({ http_proxy: 'http://o:1' });
    expect(limaVmEnv({ defaults, override, process: {} }).http_proxy).toBe('http://o:1');
    expect(limaVmEnv({ defaults, override, process: { http_proxy: 'http://s:1' } }).HTTP_PROXY).toBe(
      'http://s:1',
    );
    const off = file({ http_proxy: 'http://o:1' }, false);
    expect(limaVmEnv({ defaults, override: off, process: { http_proxy: 'http://s:1' } }).http_proxy).toBe(
      'http://o:1',
    );
  });

  it('loopback becomes 192.168.5.2, an empty value deletes, the lower-case value wins', () => {
    const env = limaVmEnv({
      system: { HTTPS_PROXY: 'http://sys:1' },
      defaults: null,
      override: file({ HTTPS_PROXY: '', http_proxy: 'http://localhost:3128', HTTP_PROXY: 'http://x:1' }),
      process: {},
    });
    expect(env).toEqual({ http_proxy: 'http://192.168.5.2:3128', HTTP_PROXY: 'http://192.168.5.2:3128' });
  });
});
