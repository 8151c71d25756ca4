// `podman machine inspect` read with the shapes podman really prints, and the rule that uses it: a running machine
// keeps the proxy of the shell that started it (containers/podman#22898), compared with this shell, naming LastUp.
import { describe, expect, it } from 'vitest';
import { parseMachineInspect } from '../../src/analyze/podman.js';
import { podmanMachineInspectArgv } from '../../src/evidence/engines-cmd.js';
import { podmanMachine } from '../../src/machines/engines.js';
import type { MachineSpec } from '../../src/machines/synth.js';
import { synthesize } from '../../src/machines/synth.js';
import { buildReport } from '../../src/report.js';

// podman 5.x on macOS, the example of containers/podman docs/source/markdown/podman-machine-inspect.1.md
const PODMAN5_APPLEHV = `[
     {
          "ConfigDir": {
               "Path": "/Users/jacksparrow/.config/containers/podman/machine/applehv"
          },
          "ConnectionInfo": {
               "PodmanSocket": {
                    "Path": "/var/folders/9r/n3056v597wv2cq8s2j80bdnw0000gn/T/podman/podman-machine-default-api.sock"
               },
               "PodmanPipe": null
          },
          "Created": "2025-02-11T14:12:48.231836+05:30",
          "LastUp": "2025-08-12T19:31:19.391294+05:30",
          "Name": "podman-machine-default",
          "Resources": {
               "CPUs": 6,
               "DiskSize": 100,
               "Memory": 6144,
               "USBs": []
          },
          "SSHConfig": {
               "IdentityPath": "/Users/jacksparrow/.local/share/containers/podman/machine/machine",
               "Port": 53298,
               "RemoteUsername": "core"
          },
          "State": "running",
          "UserModeNetworking": true,
          "Rootful": false,
          "Rosetta": true
     }
]
`;
// podman 4.2: ConfigPath (a file under machine/qemu) and ConnectionInfo.PodmanSocket, as benoitf printed it in
// containers/podman#14448 (the rest of that output is elided there, so here)
const PODMAN4_QEMU = `[
     {
          "ConfigPath": {
               "Path": "/Users/benoitf/.config/containers/podman/machine/qemu/a.json"
          },
          "ConnectionInfo": {
               "PodmanSocket": {
                    "Path": "/Users/benoitf/.local/share/containers/podman/machine/a/podman.sock"
               }
          }
     }
]`;
// podman 5 on Windows: ConnectionConfig has PodmanPipe (containers/podman pkg/machine/config.go@v5.4.0); a machine that
// never booted prints Go's zero time as LastUp (as seen in a public podman 5 walkthrough's `machine inspect`)
const PODMAN5_WSL_NEVER_UP = JSON.stringify([
  {
    ConfigDir: { Path: 'C:\\Users\\alice\\.config\\containers\\podman\\machine\\wsl' },
    ConnectionInfo: {
      PodmanSocket: {
        Path: 'C:\\Users\\alice\\AppData\\Local\\Temp\\podman\\podman-machine-default-api.sock',
      },
      PodmanPipe: { Path: '\\\\.\\pipe\\podman-machine-default' },
    },
    LastUp: '0001-01-01T00:00:00Z',
    Name: 'podman-machine-default',
    State: 'stopped',
    UserModeNetworking: false,
    Rootful: true,
  },
]);

describe('podman machine inspect', () => {
  it('reads state, LastUp and the provider from every shape podman has printed', () => {
    expect(parseMachineInspect(PODMAN5_APPLEHV)).toEqual({
      state: 'running',
      lastUp: '2025-08-12T19:31:19.391294+05:30',
      provider: 'applehv',
      userModeNetworking: true,
      rootful: false,
    });
    expect(parseMachineInspect(PODMAN4_QEMU)).toMatchObject({ provider: 'qemu', state: null, lastUp: null });
    expect(parseMachineInspect(PODMAN5_WSL_NEVER_UP)).toEqual({
      state: 'stopped',
      lastUp: null,
      provider: 'wsl',
      userModeNetworking: false,
      rootful: true,
    });
  });

  it('hostile output is nothing, never an exception', () => {
    for (const text of [
      '',
      'Error: podman-machine-default: VM does not exist',
      '{}',
      '[]',
      '[null]',
      '[1]',
      '[{"State": {"toString": 0}, "ConfigDir": {"Path": 7}, "LastUp": []}]',
      `[{"ConfigDir": {"Path": "${'/machine'.repeat(10_000)}"}}]`,
      `[${'['.repeat(5000)}`,
      `[{"State": "running", "Name": "${'x'.repeat(1024 * 1024)}"}]`,
    ]) {
      const r = parseMachineInspect(text);
      expect(r === null || typeof r === 'object').toBe(true);
      if (r) expect(r.state === null || typeof r.state === 'string').toBe(true);
    }
    expect(parseMachineInspect(`[{"State": "running", "Name": "${'x'.repeat(1024 * 1024)}"}]`)).toBeNull();
  });
});

describe('podman-machine-proxy-stale', () => {
  const CORP = 'http://proxy.corp.example:3128';
  const mac = (o: {
    shell: Record<string, string>;
    vm: Record<string, string> | null;
    client?: string;
    provider?: string;
  }): MachineSpec => ({
    home: '/Users/alice',
    platform: 'darwin',
    env: o.shell,
    docker: false,
    commands: podmanMachine({
      client: o.client ?? '5.4.0',
      vmEnv: o.vm,
      inspect: { provider: o.provider ?? 'applehv', lastUp: '2026-11-27T08:12:40.391294+01:00' },
    }),
  });
  const findings = (m: MachineSpec) => buildReport(synthesize(m)).report.findings;

  it('fires when the machine has no proxy or another one, naming when it booted', () => {
    const none = findings(mac({ shell: { HTTPS_PROXY: CORP }, vm: null })).find(
      (f) => f.rule === 'podman-machine-proxy-stale',
    );
    expect(none?.message).toMatch(
      /since it booted at 2026-11-27T08:12:40.*HTTPS_PROXY: the machine has none/,
    );
    expect(none?.evidence).toContain(podmanMachineInspectArgv('podman-machine-default').join(' '));
    const other = findings(
      mac({ shell: { HTTPS_PROXY: CORP }, vm: { HTTPS_PROXY: 'http://old.corp.example:8080' } }),
    );
    expect(other.map((f) => f.rule)).toContain('podman-machine-proxy-stale');
  });

  it('stays quiet when the machine has this shell’s proxy, or podman’s own rewrite of a loopback one', () => {
    expect(
      findings(mac({ shell: { HTTPS_PROXY: CORP }, vm: { HTTPS_PROXY: CORP } })).map((f) => f.rule),
    ).not.toContain('podman-machine-proxy-stale');
    // podman ≥ 4.6 (not WSL) writes 127.0.0.1 as host.containers.internal: that is the expected value
    const rewritten = findings(
      mac({
        shell: { HTTPS_PROXY: 'http://127.0.0.1:3128' },
        vm: { HTTPS_PROXY: 'http://host.containers.internal:3128' },
      }),
    ).map((f) => f.rule);
    expect(rewritten).not.toContain('podman-machine-proxy-stale');
    expect(rewritten).not.toContain('podman-machine-loopback-proxy');
    // a loopback value in the VM is the loopback rule's finding, not this one
    const loop = findings(
      mac({
        shell: { HTTPS_PROXY: 'http://127.0.0.1:3128' },
        vm: { HTTPS_PROXY: 'http://127.0.0.1:3128' },
        client: '5.4.0',
        provider: 'wsl',
      }),
    ).map((f) => f.rule);
    expect(loop).toContain('podman-machine-loopback-proxy');
    expect(loop).not.toContain('podman-machine-proxy-stale');
  });

  it('on WSL podman copies a loopback proxy verbatim, so host.containers.internal there differs from this shell', () => {
    const wsl = findings(
      mac({
        shell: { HTTPS_PROXY: 'http://127.0.0.1:3128' },
        vm: { HTTPS_PROXY: 'http://host.containers.internal:3128' },
        provider: 'wsl',
      }),
    ).find((f) => f.rule === 'podman-machine-proxy-stale');
    expect(wsl?.message).toMatch(/this shell http:\/\/127\.0\.0\.1:3128/);
  });
});
