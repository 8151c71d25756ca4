// A proxy on this host's loopback must not be copied into RUN steps: plan --target docker-cli-config writes an
// address build containers can reach, the run-proxy-missing hint suggests it, and re-analysis of the machine as
// planned no longer finds the loopback problem. Listener facts come from /proc/net (evidence.net).
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/evidence/schema.js';
import type { HostNetEvidence } from '../../src/formats/proc-net.js';
import {
  CONFIG_JSON,
  DROP_IN,
  dropIn,
  GOOD_DOCKER,
  HOME,
  shellEnv,
  variant,
} from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { makePlan } from '../../src/plan/index.js';
import { buildReport } from '../../src/report.js';

const LOCAL = 'http://127.0.0.1:3128';
const machine = variant(GOOD_DOCKER, {
  env: shellEnv(LOCAL),
  files: { [DROP_IN]: dropIn(LOCAL) },
  removeFiles: [CONFIG_JSON],
});
const withNet = (net?: HostNetEvidence): Evidence => ({ ...synthesize(machine), ...(net ? { net } : {}) });
const ALL: HostNetEvidence = {
  listeners: [{ addr: '0.0.0.0', port: 3128 }],
  ifaces: { docker0: '172.18.0.1' },
};
const LOOP: HostNetEvidence = {
  listeners: [{ addr: '127.0.0.1', port: 3128 }],
  ifaces: { docker0: '172.18.0.1' },
};

function cliConfig(ev: Evidence) {
  const { plan } = makePlan(ev, {}, { targets: ['docker-cli-config'] });
  const c = plan.changes.find((x) => x.path === `${HOME}/.docker/config.json`)!;
  return { plan, c, proxies: JSON.parse(c.after).proxies.default };
}

describe('docker-cli-config with a proxy on 127.0.0.1', () => {
  it("writes docker0's address when the proxy listens on all interfaces, and re-analysis agrees", () => {
    const { plan, c, proxies } = cliConfig(withNet(ALL));
    expect(proxies.httpProxy).toBe('http://172.18.0.1:3128');
    expect(proxies.httpsProxy).toBe('http://172.18.0.1:3128');
    expect(JSON.stringify(plan)).not.toContain('"http://127.0.0.1:3128"');
    expect(c.why).toMatch(/bridge address 172\.18\.0\.1/);
    expect(plan.resolves?.now).toContain('run-proxy-missing');
    expect(plan.resolves?.remaining ?? []).not.toContain('loopback-proxy-unreachable');
  });

  it('falls back to 172.17.0.1 (and says so) when /proc/net was not captured', () => {
    const { c, proxies } = cliConfig(withNet());
    expect(proxies.httpProxy).toBe('http://172.17.0.1:3128');
    expect(c.why).toMatch(/unless dockerd runs with --bip/);
  });

  it('says the proxy listens on loopback only and gives the rebind settings', () => {
    const { c } = cliConfig(withNet(LOOP));
    expect(c.why).toMatch(/listens on 127\.0\.0\.1:3128 only/);
    // The bridge gateway of this machine, for the bridge subnet only: never an open relay for the user's
    // corporate credentials (all interfaces, cntlm's "Gateway yes").
    expect(c.why).toMatch(/cntlm: "Listen 172\.18\.0\.1:3128"/);
    expect(c.why).toMatch(/"Deny 0\/0"/);
    expect(c.why).toMatch(/allow-lan: true" with "bind-address: 172\.18\.0\.1"/);
    expect(c.why).toMatch(/never "Gateway yes"/);
    expect(c.why).not.toMatch(/0\.0\.0\.0|all interfaces/);
  });
});

describe('build-command with a proxy on 127.0.0.1', () => {
  it('the docker build snippet passes the reachable address as build args', () => {
    const { plan } = makePlan(withNet(ALL), {}, { targets: ['build-command'] });
    const docker = plan.snippets.find((x) => x.title.startsWith('docker build'))!;
    expect(docker.text).toContain('--build-arg HTTP_PROXY=http://172.18.0.1:3128');
    expect(docker.text).not.toContain('127.0.0.1:3128');
  });
});

describe('findings', () => {
  it('run-proxy-missing suggests a reachable --build-arg, never 127.0.0.1', () => {
    const f = buildReport(withNet(ALL)).report.findings.find((x) => x.rule === 'run-proxy-missing');
    expect(f?.message).toMatch(/--build-arg HTTP_PROXY=http:\/\/172\.18\.0\.1:3128/);
    expect(f?.message).not.toMatch(/127\.0\.0\.1/);
  });

  it('loopback-proxy-unreachable names a loopback-only listener', () => {
    const ev = {
      ...synthesize(
        variant(machine, { files: { [CONFIG_JSON]: `{"proxies":{"default":{"httpProxy":"${LOCAL}"}}}` } }),
      ),
      net: LOOP,
    };
    const f = buildReport(ev).report.findings.filter((x) => x.rule === 'loopback-proxy-unreachable');
    expect(f.length).toBeGreaterThan(0);
    expect(f.some((x) => /listens on 127\.0\.0\.1:3128 only/.test(x.message))).toBe(true);
  });
});
