// The built CLI against fake podman executables answering with podman 4.3.1's captured outputs: the capture runs
// the engines' probes (containers.conf under --root, `podman machine ssh … cat` only for a running machine), the
// analysis reads them, and --command accepts a podman build.
import { engines, fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
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
