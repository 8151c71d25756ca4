// Which routes `doctor --network` probes, decided from the analysed machine: Go's choice per actor with its own
// NO_PROXY (curl's for RUN), credentials kept for the prober only, the user's proxy added, direct once.
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/analyze/profile.js';
import { analyze } from '../../src/analyze/state.js';
import type { ProfileInput } from '../../src/analyze/types.js';
import { DROP_IN, dropIn, GOOD_DOCKER, variant } from '../../src/machines/fixtures.js';
import type { MachineSpec } from '../../src/machines/synth.js';
import { synthesize } from '../../src/machines/synth.js';
import { DOCKER_HUB_HOSTS, MAX_PROBE_HOSTS, planNetworkProbes } from '../../src/network/probe-plan.js';

function planOn(spec: MachineSpec, input: ProfileInput = {}) {
  const state = analyze(synthesize(spec));
  return planNetworkProbes(state, resolveProfile(input, state.layers, state.client));
}

describe('planNetworkProbes', () => {
  it('one route per distinct proxy, the actors using it, and the direct route last with every host', () => {
    const routes = planOn(GOOD_DOCKER);
    expect(routes.at(-1)!.proxy).toBeNull();
    expect(routes.at(-1)!.hosts.map((h) => h.host)).toEqual(DOCKER_HUB_HOSTS);
    const proxied = routes.slice(0, -1);
    expect(proxied).toHaveLength(1);
    expect(proxied[0]!.actors.sort()).toEqual(['builder', 'client', 'run', 'runtime']);
    expect(proxied[0]!.hosts.map((h) => `${h.host}:${h.port}`)).toEqual(
      DOCKER_HUB_HOSTS.map((h) => `${h}:443`),
    );
  });

  it('a host in the runtime NO_PROXY is not probed through the proxy for the runtime (Go semantics)', () => {
    const spec = variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn('http://proxy.corp.example:3128', 'localhost,.docker.io') },
    });
    const routes = planOn(spec, { registries: ['registry.corp.example:5000'] });
    const p = routes.find((r) => r.actors.includes('runtime'));
    expect(p?.hosts.find((h) => h.host === 'registry-1.docker.io')?.actors ?? []).not.toContain('runtime');
    const direct = routes.at(-1)!;
    expect(direct.hosts.find((h) => h.host === 'registry-1.docker.io')!.actors).toContain('runtime');
    expect(direct.hosts.some((h) => h.host === 'registry.corp.example' && h.port === 5000)).toBe(true);
  });

  it('credentials are decoded for the prober, and shown masked', () => {
    const spec = variant(GOOD_DOCKER, {
      env: { HTTPS_PROXY: 'http://CORP%5Calice:p%40ss%25w@proxy.corp.example:8080' },
    });
    const r = planOn(spec).find((x) => x.actors.includes('client'))!;
    expect(r).toMatchObject({
      username: 'CORP\\alice',
      password: 'p@ss%w',
      dialHost: 'proxy.corp.example',
      dialPort: 8080,
    });
    expect(r.shown).not.toContain('p%40ss');
  });

  it("the user's proxy (flags) is probed as intended even when no actor uses it yet", () => {
    const r = planOn(GOOD_DOCKER, { proxy: 'http://new-proxy.corp.example:3128' });
    expect(r.find((x) => x.intended)?.dialHost).toBe('new-proxy.corp.example');
  });

  it('thousands of NO_PROXY entries and many registries stay bounded', () => {
    const huge = Array.from({ length: 5000 }, (_, i) => `host${i}.corp.example`).join(',');
    const spec = variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn('http://proxy.corp.example:3128', huge) },
    });
    const registries = Array.from({ length: 100 }, (_, i) => `reg${i}.corp.example`);
    const routes = planOn(spec, { registries });
    for (const r of routes) expect(r.hosts.length).toBeLessThanOrEqual(MAX_PROBE_HOSTS);
  });
});

describe('hostile registry values', () => {
  it('a registry with CR/LF or spaces never becomes a probe host (it would go into the CONNECT line)', () => {
    const routes = planOn(GOOD_DOCKER, {
      registries: [
        'evil.example\r\nProxy-Authorization: Basic x',
        'a b.example',
        'ok.corp.example:5000',
        '[::1]:5000',
      ],
    });
    const hosts = routes.at(-1)!.hosts.map((h) => `${h.host}:${h.port}`);
    expect(hosts).toContain('ok.corp.example:5000');
    expect(hosts).toContain('::1:5000');
    expect(hosts.some((h) => /[\r\n ]/.test(h))).toBe(false);
  });
});
