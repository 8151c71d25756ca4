// With the analysed machine at hand, the reading names the requester and picks the fix for it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import {
  containerBuilder,
  GOOD_DOCKER,
  GOOD_ROOTLESS,
  REFERENCE_MACHINE,
  variant,
} from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { readError } from '../../src/why/index.js';

const state = (spec: Parameters<typeof synthesize>[0]) => analyze(synthesize(spec));

const LOOPBACK_BUILDER =
  'ERROR: failed to solve: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3.20": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused';
const TIMEOUT_BUILDER =
  'ERROR: failed to solve: DeadlineExceeded: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3.20": dial tcp 3.94.224.37:443: i/o timeout';

// microsoft/WSL#13172: dockerd's pull through a loopback proxy that refused.
const LOOPBACK_RUNTIME =
  'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:10809: connect: connection refused';

describe('readError with evidence', () => {
  it('a loopback proxy refused to rootless dockerd: the rootless cause and its fix, not "the proxy is down"', () => {
    const r = readError(LOOPBACK_RUNTIME, state(GOOD_ROOTLESS));
    expect(r.requester).toBe('rootless dockerd');
    expect(r.cause).toBe('rootless-host-loopback');
    expect(r.family).toBe('rootless');
    expect(r.explanation).toContain("RootlessKit's own loopback");
    expect(r.explanation).toContain('DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false');
    expect(r.rules).toEqual(['loopback-proxy-unreachable']);
  });

  it('the same pull by dockerd on the host: the proxy is down', () => {
    const r = readError(LOOPBACK_RUNTIME, state(GOOD_DOCKER));
    expect(r.cause).toBe('proxy-unreachable');
    expect(r.explanation).toContain('the proxy is not running');
  });

  it("rootless dockerd's own BuildKit (docker driver) is in the same namespace", () => {
    const r = readError(LOOPBACK_BUILDER, state(GOOD_ROOTLESS));
    expect(r.requester).toMatch(/docker driver/);
    expect(r.cause).toBe('rootless-host-loopback');
  });

  it('a docker-container builder on a rootless machine has a namespace of its own: not the rootless fix', () => {
    const s = state(
      variant(GOOD_ROOTLESS, {
        docker: { engine: '26.1.5', rootless: true, builders: [containerBuilder('ci', null)], current: 'ci' },
      }),
    );
    const r = readError(LOOPBACK_BUILDER, s);
    expect(r.requester).toBe('builder "ci" (docker-container)');
    expect(r.cause).toBe('proxy-unreachable');
  });

  it('proxyconnect to 127.0.0.1 from a docker-container builder: names the builder, its namespace and the fix', () => {
    const r = readError(LOOPBACK_BUILDER, state(REFERENCE_MACHINE));
    expect(r.requester).toBe('builder "ci" (docker-container)');
    expect(r.cause).toBe('proxy-unreachable');
    expect(r.address).toBe('127.0.0.1:3128');
    expect(r.explanation).toContain('its own network namespace');
    expect(r.rules).toEqual(['loopback-proxy-unreachable']);
  });

  it('the same error from dockerd on the host (docker driver): the proxy is down, not another namespace', () => {
    const r = readError(LOOPBACK_BUILDER, state(GOOD_DOCKER));
    expect(r.requester).toMatch(/^dockerd \(builder "default", docker driver\)$/);
    expect(r.explanation).toContain('the proxy is not running');
    expect(r.rules).toEqual([]);
  });

  it('without evidence it says which it can be', () => {
    const r = readError(LOOPBACK_BUILDER);
    expect(r.requester).toContain('dockerd for the docker driver, buildkitd otherwise');
    expect(r.rules).toEqual(['loopback-proxy-unreachable']);
  });

  it('BUILDKIT_HOST set: a failed solve names buildkitd, not dockerd', () => {
    const s = state(
      variant(GOOD_DOCKER, { env: { ...GOOD_DOCKER.env, BUILDKIT_HOST: 'tcp://buildkitd:1234' } }),
    );
    const r = readError(TIMEOUT_BUILDER, s);
    expect(r.cause).toBe('direct');
    expect(r.requester).toBe('buildkitd at tcp://buildkitd:1234 (BUILDKIT_HOST)');
    expect(r.explanation).not.toContain('dockerd');
  });

  it('a builder on the host network has no namespace of its own', () => {
    const s = state(
      variant(REFERENCE_MACHINE, {
        docker: {
          engine: '26.1.5',
          builders: [containerBuilder('hostnet', null, undefined, { driverOpts: { network: 'host' } })],
          current: 'hostnet',
        },
      }),
    );
    const r = readError(LOOPBACK_BUILDER, s);
    expect(r.requester).toBe('builder "hostnet" (docker-container)');
    expect(r.explanation).toContain('the proxy is not running');
  });
});
