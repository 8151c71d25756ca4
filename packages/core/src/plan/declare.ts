// What a target may produce, declared beside the code that produces it. `apply` treats a plan file as untrusted
// input (anyone may edit it between `plan` and `sudo apply`): every file change must match one of its target's
// path templates with that template's mode, and every command one of its target's command shapes. Templates are
// resolved against the live machine (its $HOME, SUDO_USER's home, $DOCKER_CONFIG), never from the plan.

export type FileMode = '0600' | '0644' | '0700' | '0755';

export interface PathTemplate {
  /**
   * Absolute path; `{home}` is a home of the user running apply (or of SUDO_USER), `{dockerConfig}` that user's
   * $DOCKER_CONFIG or {home}/.docker, `*` one plain name segment.
   */
  path: string;
  mode: FileMode;
  /** the file holds the proxy password (an existing looser mode is tightened) */
  credential?: boolean;
}

/** null when argv has this shape; otherwise why not. */
export type CommandShape = (argv: readonly string[]) => string | null;

export interface TargetDeclaration {
  files: PathTemplate[];
  commands: CommandShape[];
}

/** A command that is exactly these words. */
export function exactly(...words: string[]): CommandShape {
  return (argv) =>
    argv.length === words.length && words.every((w, i) => argv[i] === w) ? null : `not "${words.join(' ')}"`;
}

/** A name buildx accepts for a builder or node (buildx's own rule: letters, digits, _ . -). */
export const BUILDER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export const SNIPPETS_ONLY: TargetDeclaration = { files: [], commands: [] };

/** The files a systemd drop-in target writes: its env file (the password) and *.conf drop-ins it adds or edits. */
export function systemdFiles(unit: 'docker' | 'buildkit', user: boolean): PathTemplate[] {
  const dirs = user
    ? [`{home}/.config/systemd/user/${unit}.service.d`]
    : [
        `/etc/systemd/system/${unit}.service.d`,
        `/run/systemd/system/${unit}.service.d`,
        `/usr/lib/systemd/system/${unit}.service.d`,
        `/lib/systemd/system/${unit}.service.d`,
      ];
  return [
    { path: `${dirs[0]}/http-proxy.env`, mode: '0600', credential: true },
    // http-proxy.conf, and the other drop-ins whose proxy lines are commented out
    ...dirs.map((d) => ({ path: `${d}/*.conf`, mode: '0644' as const })),
  ];
}

export function systemctl(user: boolean, unit: 'docker' | 'buildkit'): CommandShape[] {
  const sc = user ? ['systemctl', '--user'] : ['systemctl'];
  return [exactly(...sc, 'daemon-reload'), exactly(...sc, 'restart', unit)];
}

/** Both daemon.json places: the system one and rootless dockerd's. */
export const DAEMON_JSON: PathTemplate[] = [
  { path: '/etc/docker/daemon.json', mode: '0644' },
  { path: '{home}/.config/docker/daemon.json', mode: '0644' },
];
