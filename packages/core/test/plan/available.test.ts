// availableTargets (issue #12, knot 6): the one answer to "which targets fit this machine", with the label the
// wizard shows and the reason it applies. The example machines cover systemd, rootless, daemon.json and a
// docker-container builder.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import * as fixtures from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { availableTargets } from '../../src/plan/available.js';
import { TARGETS } from '../../src/targets.js';

const choices = (m: Parameters<typeof synthesize>[0]) => availableTargets(analyze(synthesize(m)));

describe('availableTargets', () => {
  it.each(Object.entries(fixtures.GOOD_MACHINES))(
    '%s: real targets, each once, each with a reason',
    (_n, m) => {
      const c = choices(m);
      expect(c.length).toBeGreaterThanOrEqual(2);
      for (const x of c) {
        expect(TARGETS).toContain(x.value);
        expect(x.label).not.toBe('');
        expect(x.reason).not.toBe('');
      }
      expect(new Set(c.map((x) => x.value)).size).toBe(c.length);
      // RUN steps and the shell are always there: every docker build has them.
      expect(c.map((x) => x.value).slice(-2)).toEqual(['docker-cli-config', 'client-shell']);
    },
  );

  it('the daemon target follows how dockerd runs', () => {
    expect(choices(fixtures.GOOD_DOCKER)[0]).toMatchObject({
      value: 'docker-systemd',
      reason: expect.stringContaining('systemd unit docker.service'),
    });
    expect(choices(fixtures.GOOD_ROOTLESS)[0]?.value).toBe('docker-systemd-rootless');
    expect(choices(fixtures.GOOD_CONTAINER).map((x) => x.value)).toContain('buildx-docker-container');
  });

  it('no docker: no daemon target', () => {
    const c = choices({ docker: false });
    expect(c.map((x) => x.value)).toEqual(['docker-cli-config', 'client-shell']);
  });
});
