// ADD <url> under podman/buildah: fetched by the podman/buildah process (or the remote service) with its own proxy,
// and ignored entirely by buildah 1.38–1.41 (podman 5.3–5.6). Sources: buildah add.go@v1.37.0 (http.Get),
// add.go@v1.38.0 (http.Transport without Proxy), add.go@v1.42.0 (Proxy: http.ProxyFromEnvironment);
// podman go.mod at v5.3.0 (buildah v1.38.0), v5.6.0 (v1.41.3), v5.7.0 (v1.42.0); containers/buildah#5869.
import { describe, expect, it } from 'vitest';
import { ENGINE_CMD } from '../../src/evidence/engines-cmd.js';
import { BUILDAH_VERSION_JSON, podmanLocal, podmanMachine } from '../../src/machines/engines.js';
import { HOME, PROXY } from '../../src/machines/fixtures.js';
import type { MachineSpec } from '../../src/machines/synth.js';
import { synthesize } from '../../src/machines/synth.js';
import { buildReport } from '../../src/report.js';
import { addIgnoresProxy } from '../../src/rules/podman-add-url-no-proxy/check.js';

const ADD_HTTPS = `FROM alpine:3.20\nARG V=1\nADD https://github.com/org/tool/releases/download/v1/tool.tgz /opt/\n`;

const local = (
  env: Record<string, string>,
  o: { version?: string; dockerfile?: string; commandLine?: string; buildah?: string } = {},
): MachineSpec => {
  const commands = podmanLocal({ version: o.version ?? '4.3.1', buildah: true }).map((c) =>
    o.buildah && c.argv.join(' ') === ENGINE_CMD.buildahVersion.join(' ')
      ? { ...c, stdout: BUILDAH_VERSION_JSON.replace('"1.28.2"', JSON.stringify(o.buildah)) }
      : c,
  );
  return {
    home: HOME,
    env,
    docker: false,
    commands,
    dockerfile: o.dockerfile ?? ADD_HTTPS,
    ...(o.commandLine ? { commandLine: o.commandLine } : {}),
  };
};

const mac = (server: string, vmEnv: Record<string, string> | null): MachineSpec => ({
  home: HOME.replace('/home/', '/Users/'),
  platform: 'darwin',
  env: { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY },
  docker: false,
  commands: podmanMachine({ client: server, server, vmEnv }),
  dockerfile: ADD_HTTPS,
});

const found = (m: MachineSpec) =>
  buildReport(synthesize(m)).report.findings.filter((f) => f.rule === 'podman-add-url-no-proxy');

describe('podman-add-url-no-proxy', () => {
  it('fires when the podman process has no HTTPS_PROXY for an https ADD (measured: ADD uses the process env)', () => {
    const f = found(local({ HTTP_PROXY: PROXY }));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('line 3');
    expect(f[0]!.message).toContain('podman 4.3.1');
    expect(f[0]!.message).toContain('no HTTPS_PROXY for github.com');
    expect(f[0]!.evidence).toContain('Dockerfile:3');
  });

  it('does not fire when the process has the proxy for the scheme (podman < 5.3 honours it)', () => {
    expect(found(local({ HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY }))).toEqual([]);
    expect(found(local({ HTTP_PROXY: PROXY, https_proxy: PROXY }, { version: '5.2.5' }))).toEqual([]);
  });

  it('does not fire for a host NO_PROXY sends direct, without ADD <url>, or without any proxy', () => {
    // podman 5.4 ignores the proxy, but NO_PROXY asks for a direct connection to github.com anyway; Go's
    // ".github.com" matches subdomains only (net/http/httpproxy), so it still needs the proxy
    const both = { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY };
    expect(found(local({ ...both, NO_PROXY: 'github.com' }, { version: '5.4.0' }))).toEqual([]);
    expect(found(local({ ...both, NO_PROXY: '.github.com' }, { version: '5.4.0' }))).toHaveLength(1);
    expect(
      found(local({ HTTP_PROXY: PROXY }, { dockerfile: 'FROM alpine\nADD ./tool.tgz /opt/\n' })),
    ).toEqual([]);
    expect(found(local({}))).toEqual([]);
  });

  it('http:// ADD needs HTTP_PROXY, not HTTPS_PROXY (Go ProxyFromEnvironment picks by scheme)', () => {
    const df = 'FROM alpine\nADD http://mirror.example.org/a.tgz /a.tgz\n';
    expect(found(local({ HTTPS_PROXY: PROXY }, { dockerfile: df }))[0]!.message).toContain('no HTTP_PROXY');
    expect(found(local({ HTTP_PROXY: PROXY }, { dockerfile: df }))).toEqual([]);
  });

  it('podman 5.3–5.6 ignore even a set proxy; 5.7 honours it again', () => {
    const both = { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY };
    for (const v of ['5.3.0', '5.4.2', '5.6.2']) {
      const f = found(local(both, { version: v }));
      expect(f, v).toHaveLength(1);
      expect(f[0]!.message).toContain('ignores its proxy');
    }
    expect(found(local(both, { version: '5.7.0' }))).toEqual([]);
    expect(found(local(both, { version: '5.2.5' }))).toEqual([]);
  });

  it('buildah bud uses buildah’s version: 1.38–1.41 ignore the proxy', () => {
    const both = { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY };
    const bud = { commandLine: 'buildah bud -t x .' };
    expect(found(local(both, { ...bud, buildah: '1.28.2' }))).toEqual([]);
    expect(found(local(both, { ...bud, buildah: '1.39.4' }))[0]!.message).toContain('buildah 1.39.4');
    expect(found(local(both, { ...bud, buildah: '1.42.0' }))).toEqual([]);
  });

  it('remote podman: the machine (service) environment decides, not the client shell', () => {
    const f = found(mac('5.7.0', null));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('the podman service in machine podman-machine-default');
    expect(found(mac('5.7.0', { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY }))).toEqual([]);
    // server 5.4 ignores the machine's proxy
    expect(found(mac('5.4.0', { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY }))[0]!.message).toContain('ignores');
  });

  it('version ranges follow add.go at each tag', () => {
    expect(addIgnoresProxy('buildah', [1, 37, 9])).toBe(false);
    expect(addIgnoresProxy('buildah', [1, 38, 0])).toBe(true);
    expect(addIgnoresProxy('buildah', [1, 41, 9])).toBe(true);
    expect(addIgnoresProxy('buildah', [1, 42, 0])).toBe(false);
    expect(addIgnoresProxy('podman', [5, 2, 9])).toBe(false);
    expect(addIgnoresProxy('podman', [5, 3, 0])).toBe(true);
    expect(addIgnoresProxy('podman', [5, 7, 0])).toBe(false);
    expect(addIgnoresProxy('podman', null)).toBe(false);
  });
});
