// `podman machine inspect` as podman prints it, for the example machines (machines/engines.ts podmanMachine).

/** `podman machine inspect NAME` as podman 5 prints it (5-space indent; the example in podman-machine-inspect.1.md). */
export function machineInspectJson(name: string, o: { provider: string; lastUp: string }): string {
  const win = o.provider === 'wsl' || o.provider === 'hyperv';
  const home = win ? 'C:\\Users\\alice' : '/Users/alice';
  const j = (...p: string[]) => p.join(win ? '\\' : '/');
  return `${JSON.stringify(
    [
      {
        ConfigDir: { Path: j(home, '.config', 'containers', 'podman', 'machine', o.provider) },
        ConnectionInfo: win
          ? {
              PodmanSocket: { Path: j(home, 'AppData', 'Local', 'Temp', 'podman', `${name}-api.sock`) },
              PodmanPipe: { Path: `\\\\.\\pipe\\${name}` },
            }
          : { PodmanSocket: { Path: `/var/folders/9r/T/podman/${name}-api.sock` }, PodmanPipe: null },
        Created: '2026-11-20T09:00:00.000000+01:00',
        LastUp: o.lastUp,
        Name: name,
        Resources: { CPUs: 4, DiskSize: 100, Memory: 2048, USBs: [] },
        SSHConfig: {
          IdentityPath: j(home, '.local', 'share', 'containers', 'podman', 'machine', 'machine'),
          Port: 53298,
          RemoteUsername: 'core',
        },
        State: 'running',
        UserModeNetworking: true,
        Rootful: false,
        Rosetta: o.provider === 'applehv',
      },
    ],
    null,
    5,
  )}\n`;
}
