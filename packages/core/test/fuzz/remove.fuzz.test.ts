// Issue 11 properties over generated hostile input (FUZZ_RUNS=10000 under `pnpm fuzz`): what a capture keeps of
// systemd Environment= lines, and plan --remove taking buildproxy's proxy keys out of any config.json again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepAllowedEnvironment } from '../../src/evidence/allow.js';
import { environmentFromAssignments, parseUnitFile } from '../../src/formats/systemd.js';
import { CONFIG_JSON, GOOD_DOCKER, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { makePlan } from '../../src/plan/index.js';
import { makeRemovalPlan } from '../../src/plan/remove.js';
import { withFiles } from '../../src/plan/simulate.js';
import { isRelevantVar } from '../../src/proxy/env.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** What systemd would give the unit: the allowed variables and their values, by systemd's own rules. */
const allowedVars = (text: string) =>
  Object.fromEntries(
    [...environmentFromAssignments(parseUnitFile('/etc/systemd/system/docker.service.d/x.conf', text)).vars]
      .filter(([k]) => isRelevantVar(k))
      .map(([k, v]) => [k, v.value]),
  );

describe('capture allow-list (property)', () => {
  it('property: for hostile Environment= lines, the allowed variables systemd sees are unchanged and no other value survives', () => {
    const name = fc.oneof(
      fc.constantFrom('HTTP_PROXY', 'https_proxy', 'NO_PROXY', 'DOCKER_HOST', 'BUILDKIT_HOST'),
      fc.constantFrom('TOKEN', 'DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'X'),
    );
    const value = fc.stringMatching(/^[a-z0-9:/@%'" \\,.$#?&=<>`-]{0,12}$/);
    const word = fc
      .tuple(name, value, fc.constantFrom('plain', 'dq', 'sq'))
      .map(([n, v, q]) =>
        q === 'dq'
          ? `"${n}=${v.replace(/["\\]/g, '')}"`
          : q === 'sq'
            ? `'${n}=${v.replace(/'/g, '')}'`
            : `${n}=${v.replace(/[\s"'\\]/g, '')}`,
      );
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), (lines) => {
        const text = `[Service]\n${lines.map((l) => `Environment=${l.join(' ')}`).join('\n')}\n`;
        const kept = keepAllowedEnvironment(text);
        expect(allowedVars(kept)).toEqual(allowedVars(text));
        expect(kept.split('\n')).toHaveLength(text.split('\n').length);
        const parsed = environmentFromAssignments(parseUnitFile('/x.conf', kept)).vars;
        for (const k of parsed.keys()) expect(isRelevantVar(k), k).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('plan --remove (property)', () => {
  const key = fc.oneof(
    fc.constantFrom(
      'auths',
      'credsStore',
      'proxies',
      'default',
      'httpProxy',
      'noProxy',
      'ftpProxy',
      '__proto__',
    ),
    fc.string({ maxLength: 6 }),
  );
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      tie('object'),
    ),
    object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  }));
  const base = synthesize(variant(GOOD_DOCKER, { removeFiles: [CONFIG_JSON] }));
  it(
    'apply then remove gives back the user’s config.json, whatever it held (or is refused, never mangled)',
    () => {
      fc.assert(
        fc.property(json.object, fc.constantFrom(0, 1, 2, '\t'), (user, indent) => {
          const text = `${JSON.stringify(user, null, indent as number | string)}\n`;
          const ev = { ...base, files: { ...base.files, [CONFIG_JSON]: text } };
          const on = makePlan(
            ev,
            { proxy: 'http://u:p%40@proxy.corp:3128' },
            { targets: ['docker-cli-config'] },
          );
          if (on.plan.refused?.length) return; // a proxies value of the wrong type: refused, never rewritten
          const applied = withFiles(ev, on.plan);
          const off = makeRemovalPlan(applied, { targets: ['docker-cli-config'] });
          expect(off.plan.refused).toEqual([]);
          const after = withFiles(applied, off.plan).files[CONFIG_JSON]!;
          // The model: apply puts the three keys in proxies.default; remove takes them out again, and then
          // proxies.default and proxies if that left them empty (empty before apply too: nothing tells them apart).
          const expected = structuredClone(user) as Record<string, unknown>;
          const proxies = (expected.proxies ?? {}) as Record<string, Record<string, unknown>>;
          const def = proxies.default ?? {};
          for (const k of ['httpProxy', 'httpsProxy', 'noProxy']) delete def[k];
          if (Object.keys(def).length) proxies.default = def;
          else delete proxies.default;
          if (Object.keys(proxies).length) expected.proxies = proxies;
          else delete expected.proxies;
          expect(JSON.parse(after)).toEqual(expected);
        }),
        // each case plans and analyses twice: 50 in the unit suite, FUZZ_RUNS under pnpm fuzz
        { numRuns: process.env.FUZZ_RUNS ? RUNS : 50 },
      );
    }, // 10 000 cases plan and analyse 20 000 times: minutes on a loaded machine
    process.env.FUZZ_RUNS ? 1_800_000 : undefined,
  );
});
