// The kubernetes target's Deployment patch, checked against the Kubernetes API schema offline: the patch is applied
// (strategic merge: containers and env merged by name, as `kubectl patch` does) to BuildKit's own example
// Deployment, and the result is validated by kubernetes-models, whose validators are generated from the
// Kubernetes OpenAPI spec (v1.27). Hostile proxy values (quotes, `#`, `: `, backslashes, `%`, non-ASCII) must
// come out of the YAML as the same strings, and a broken patch must be caught, so the check can fail.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GOOD_DOCKER } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { makePlan } from '../../src/plan/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = readFileSync(join(here, '..', 'fixtures', 'kubernetes', 'buildkitd-deployment.yaml'), 'utf8');

type Env = { name: string; value?: string };
type Container = { name: string; env?: Env[]; [k: string]: unknown };
type Doc = { spec: { template: { spec: { containers: Container[] } } } };

/** Strategic merge of a Deployment patch's containers (key: name) and their env (key: name). */
function strategicMerge(base: Doc, patch: Doc): Doc {
  const out = structuredClone(base);
  const containers = out.spec.template.spec.containers;
  for (const pc of patch.spec.template.spec.containers) {
    const c = containers.find((x) => x.name === pc.name);
    if (!c) {
      containers.push(pc);
      continue;
    }
    const env = c.env ?? [];
    for (const e of pc.env ?? []) {
      const i = env.findIndex((x) => x.name === e.name);
      if (i >= 0) env[i] = e;
      else env.push(e);
    }
    c.env = env;
  }
  return out;
}

function patchFor(proxy: string, noProxy?: string): string {
  const { plan } = makePlan(
    synthesize(GOOD_DOCKER),
    { proxy, ...(noProxy ? { noProxy } : {}) },
    { targets: ['kubernetes'] },
  );
  const s = plan.snippets.find((x) => x.target === 'kubernetes' && x.language === 'yaml');
  expect(s, 'the kubernetes target prints a YAML patch').toBeDefined();
  return s!.text;
}

function validated(patchText: string): Env[] {
  const merged = strategicMerge(parse(BASE) as Doc, parse(patchText) as Doc);
  new Deployment(merged as unknown as ConstructorParameters<typeof Deployment>[0]).validate(); // throws on a schema error
  const c = merged.spec.template.spec.containers.find((x) => x.name === 'buildkitd')!;
  for (const e of c.env ?? []) expect(Object.keys(e).sort()).toEqual(['name', 'value']); // no stray fields
  return c.env ?? [];
}

describe('kubernetes target against the Kubernetes schema', () => {
  it('patches BuildKit’s example Deployment into a valid apps/v1 Deployment', () => {
    const env = validated(patchFor('http://proxy.corp.example:3128', 'localhost,.corp.example'));
    const byName = Object.fromEntries(env.map((e) => [e.name, e.value]));
    expect(byName.HTTPS_PROXY).toBe('http://proxy.corp.example:3128');
    expect(byName.no_proxy).toMatch(/^localhost,.*\.corp\.example,\.svc,\.cluster\.local$/);
    expect(env.map((e) => e.name)).toEqual([
      'HTTP_PROXY',
      'HTTPS_PROXY',
      'NO_PROXY',
      'http_proxy',
      'https_proxy',
      'no_proxy',
    ]);
  });

  it('keeps hostile proxy values as the same strings, still valid', () => {
    for (const proxy of [
      'http://u%3Aser:p%40ss%22%23%20%5C@proxy.corp.example:3128',
      "http://o'brien:x%25y@proxy.corp.example:8080",
      'http://[fd00::1]:3128',
      'http://xn--prxy-6qa.example:3128',
    ]) {
      const env = validated(patchFor(proxy));
      expect(env.find((e) => e.name === 'HTTP_PROXY')!.value, proxy).toBe(proxy);
    }
  });

  it('catches a patch the API server would reject (the check can fail)', () => {
    const good = patchFor('http://proxy.corp.example:3128');
    // a number where a string belongs: YAML `value: 3128` is what an unquoted port-only value would become
    const numeric = good.replace(/value: .*$/m, 'value: 3128');
    expect(() => validated(numeric)).toThrow(/env\/\d+\/value must be string/);
    const nameless = good.replace(/- name: HTTP_PROXY\n\s+value:/, '- value:');
    expect(() => validated(nameless)).toThrow(/must have required property 'name'|required property name/);
  });
});
