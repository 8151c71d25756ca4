// The built CLI against fake podman executables answering with podman 4.3.1's captured outputs: the capture runs
// the engines' probes (containers.conf under --root, `podman machine ssh … cat` only for a running machine), the
// analysis reads them, and --command accepts a podman build.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines, fixtures, lima, synthesize } from '@buildproxy/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { machineFrom, runCli } from './helpers.js';

const { GOOD_PODMAN, podmanMachine } = engines;
const { PROXY } = fixtures;

const SHELL = { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY, http_proxy: PROXY, https_proxy: PROXY };
const rulesOf = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);

describe('buildproxy doctor on podman', () => {
  it('reads the user containers.conf under --root; --command "podman build --http-proxy=false" is understood', async () => {
    const m = machineFrom(
      synthesize(
        fixtures.variant(GOOD_PODMAN, {
          files: { '/home/alice/.config/containers/containers.conf': '[containers]\nhttp_proxy = false\n' },
        }),
      ),
    );
    const env = { ...SHELL, HOME: '/home/alice' };
    const plain = await runCli(['doctor', '--root', m.root, '--json'], { m, env });
    expect(rulesOf(plain.stdout)).toContain('podman-http-proxy-ignored');
    const flagged = await runCli(
      ['doctor', '--root', m.root, '--json', '--command', 'podman build --http-proxy=false .'],
      { m, env },
    );
    expect(flagged.stderr).toBe('');
    expect(rulesOf(flagged.stdout)).not.toContain('podman-http-proxy-ignored');
  });

  it('looks into a running podman machine and finds the 127.0.0.1 proxy it was given', async () => {
    const m = machineFrom(
      synthesize({
        home: '/home/alice',
        docker: false,
        commands: podmanMachine({ client: '4.3.1', vmEnv: { HTTPS_PROXY: 'http://127.0.0.1:3128' } }),
      }),
    );
    const r = await runCli(['doctor', '--root', m.root, '--json'], { m, env: { HOME: '/home/alice' } });
    expect(rulesOf(r.stdout)).toContain('podman-machine-loopback-proxy');
  });
});

describe('buildproxy plan for Lima and Rancher Desktop (the built CLI, its yaml loaded on demand)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-engines-plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const planFor = async (bundle: object, target: string) => {
    const from = join(dir, `${target}.evidence.json`);
    const out = join(dir, `${target}.plan.json`);
    writeFileSync(from, JSON.stringify(bundle));
    const r = await runCli(['plan', '--from', from, '--proxy', PROXY, '--target', target, '-o', out], {
      env: {},
    });
    expect(r.stderr).toMatch(/^Plan written to /);
    expect(r.code).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as { changes: { path: string; after: string }[] };
  };

  it('lima-override writes env and propagateProxyEnv: false into override.yaml', async () => {
    const p = await planFor(
      synthesize(lima.limaMachine({ override: '# mine\nenv:\n', vmProxy: null })),
      'lima-override',
    );
    const doc = parseYaml(p.changes[0]!.after) as { env: Record<string, string>; propagateProxyEnv: boolean };
    expect(p.changes[0]!.after).toContain('# mine');
    expect(doc).toMatchObject({ env: { HTTPS_PROXY: PROXY }, propagateProxyEnv: false });
  });

  it("rancher-desktop adds its boot script to the provision list of Rancher Desktop's Lima", async () => {
    const p = await planFor(
      synthesize(lima.rancherMac({ override: 'provision: []\n', vmProxy: null })),
      'rancher-desktop',
    );
    const doc = parseYaml(p.changes[0]!.after) as { provision: { mode: string; script: string }[] };
    expect(doc.provision).toEqual([
      { mode: 'system', script: expect.stringContaining('/etc/conf.d/docker') },
    ]);
  });
});
