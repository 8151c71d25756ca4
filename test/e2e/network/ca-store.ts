// A private host CA store for the TLS-inspection scenario: the plan's ca-trust commands (install into
// /usr/local/share/ca-certificates, update-ca-certificates) run for real, but against copies bind-mounted in the
// suite's own mount namespace (netns.sh unshares it with slave propagation), so the machine's real store never
// learns the test's inspecting CA.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E } from '../harness.js';

const STORE = ['/etc/ssl/certs', '/usr/local/share/ca-certificates'];

/** Bind-mount copies over the host store; returns the function that takes them away again. */
export function privateCaStore(): () => void {
  // never in the machine's own mount namespace: there the mounts (and update-ca-certificates) would be real.
  // netns.sh's namespace is the one where /etc/hosts is its bind mount of /etc/netns/NAME/hosts.
  const own = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((l) => {
      const f = l.split(' ');
      return f[4] === '/etc/hosts' && /\/etc\/netns\/[^/]+\/hosts$/.test(f[3] ?? '');
    });
  if (!own)
    throw new Error(
      "privateCaStore: not in netns.sh's mount namespace (run the suite through test/e2e/netns.sh)",
    );
  const base = join(E2E, 'ca-store');
  execFileSync('rm', ['-rf', base]);
  const mounted: string[] = [];
  try {
    STORE.forEach((dir, i) => {
      const copy = join(base, String(i));
      mkdirSync(dir, { recursive: true });
      mkdirSync(base, { recursive: true });
      execFileSync('cp', ['-a', dir, copy]); // symlinks into /usr/share/ca-certificates stay symlinks
      execFileSync('mount', ['--bind', copy, dir]);
      mounted.push(dir);
    });
  } catch (e) {
    for (const d of mounted.reverse()) execFileSync('umount', [d]);
    throw e;
  }
  return () => {
    for (const d of mounted.reverse()) execFileSync('umount', [d]);
    execFileSync('rm', ['-rf', base]);
  };
}
