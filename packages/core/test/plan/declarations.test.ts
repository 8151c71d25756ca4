// The declarations apply checks plans against must admit every plan buildproxy itself makes (on every fixture
// machine, for every target, with a password in the proxy, with existing builders and drop-ins), and nothing else.
import { describe, expect, it } from 'vitest';
import {
  DROP_IN,
  GOOD_DOCKER,
  GOOD_MACHINES,
  HOME,
  REFERENCE_MACHINE,
  variant,
} from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { checkPlan, type LiveUser } from '../../src/node/apply/plan-guard.js';
import { makePlan, PlanError } from '../../src/plan/index.js';
import { buildxCreate } from '../../src/plan/targets/buildx-docker-container.js';
import { TARGETS } from '../../src/plan/types.js';

const live: LiveUser = { homes: [HOME], dockerConfigs: [`${HOME}/.docker`], sudoUser: null };
const machines = {
  ...GOOD_MACHINES,
  reference: REFERENCE_MACHINE,
  'no drop-in': variant(GOOD_DOCKER, { removeFiles: [DROP_IN] }),
};

describe('every plan buildproxy makes passes its own declarations', () => {
  for (const [name, spec] of Object.entries(machines)) {
    for (const proxy of ['http://proxy.corp.example:3128', 'http://al%40ice:p%27w@proxy.corp.example:3128']) {
      it(`${name}, ${proxy.includes('@') ? 'with' : 'without'} a password`, () => {
        const ev = synthesize(spec);
        let planned = 0;
        for (const t of TARGETS) {
          let plan: ReturnType<typeof makePlan>['plan'];
          try {
            plan = makePlan(ev, { httpProxy: proxy, caCert: '/etc/ssl/corp.pem' }, { targets: [t] }).plan;
          } catch (e) {
            if (e instanceof PlanError) continue;
            throw e;
          }
          planned += plan.changes.length + plan.commands.length;
          expect(checkPlan(plan, live), `${t} on ${name}`).toEqual([]);
        }
        expect(planned).toBeGreaterThan(0);
      });
    }
  }
});

describe('buildx create shape', () => {
  const ok = ['docker', 'buildx', 'create', '--name', 'ci', '--driver', 'docker-container'];
  it('admits what recreateArgv builds', () => {
    expect(
      buildxCreate([...ok, '--driver-opt', 'env.HTTP_PROXY=http://p:3128', '--use', '--bootstrap']),
    ).toBeNull();
    expect(
      buildxCreate([...ok, '--platform', 'linux/amd64,linux/arm64/v8', '--bootstrap', 'unix:///run/d.sock']),
    ).toBeNull();
  });
  it.each([
    [['docker', 'buildx', 'create', '--name', 'x;id']],
    [[...ok, '--driver-opt', 'env.LD_PRELOAD=/tmp/x.so']],
    [[...ok, '--config', '/etc/shadow']],
    [[...ok, '--buildkitd-flags', '--allow-insecure-entitlement security.insecure; id']],
    [[...ok, '--buildkitd-config', '/etc/shadow']],
    [[...ok, '--driver', 'remote']],
  ])('refuses %j', (argv) => {
    expect(buildxCreate(argv)).not.toBeNull();
  });
});
