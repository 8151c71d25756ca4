// The PAC rules on machines: which actor goes direct where the PAC says PROXY (Go's choice with the actor's own
// NO_PROXY, curl's for RUN steps), registries given with a port, and no finding where the actor has the proxy.
// Each PAC finding names every host it is about (a host left unnamed is one the user does not fix), and counts
// the rest only past LIST_MAX, for a capture with a huge number of answers.
import { describe, expect, it } from 'vitest';
import {
  CONFIG_JSON,
  configJson,
  DROP_IN,
  dropIn,
  GOOD_DOCKER,
  HOME,
  variant,
} from '../../src/machines/fixtures.js';
import { PAC_PROXY, pacEvidence } from '../../src/machines/pac.js';
import { synthesize } from '../../src/machines/synth.js';
import { buildReport } from '../../src/report.js';
import { LIST_MAX } from '../../src/rules/util.js';

const corp = 'http://proxy.corp.example:8080';
const found = (m: Parameters<typeof synthesize>[0], registries: string[] = []) =>
  buildReport(synthesize(m), { registries }).report.findings.filter((f) => f.rule.startsWith('pac-'));

describe('pac-proxy-not-used', () => {
  it('an internal registry given with a port is matched by its host', () => {
    const pac = pacEvidence({
      'registry-1.docker.io': 'DIRECT',
      'nexus.corp:5000': 'x',
      'nexus.corp': PAC_PROXY,
    });
    const f = found({ home: HOME, docker: { engine: '28.2.2' }, pac }, ['nexus.corp:5000']);
    const runtime = f.find((x) => x.rule === 'pac-proxy-not-used' && x.actor === 'runtime');
    expect(runtime?.message).toContain('for nexus.corp, but dockerd goes direct');
  });

  it('an actor whose NO_PROXY sends the host direct is named; one with the proxy is not', () => {
    const pac = pacEvidence({ 'registry-1.docker.io': PAC_PROXY, 'auth.docker.io': PAC_PROXY });
    const m = variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn(corp, 'localhost,.docker.io'), [CONFIG_JSON]: configJson(corp) },
    });
    const f = found({ ...m, pac, env: { HTTPS_PROXY: corp } });
    expect(f.filter((x) => x.rule === 'pac-proxy-not-used').map((x) => x.actor)).toEqual([
      'runtime',
      'builder',
    ]);
  });

  it('a PAC that sends everything DIRECT finds nothing to fix', () => {
    const pac = pacEvidence({ 'registry-1.docker.io': 'DIRECT', 'auth.docker.io': 'DIRECT' });
    const f = found({ home: HOME, docker: { engine: '28.2.2' }, pac });
    expect(f.map((x) => x.rule)).toEqual(['pac-static-proxy']);
    expect(f[0]?.message).toContain('the static equivalent is no proxy at all: these hosts go direct');
  });
});

describe('the PAC findings name every host', () => {
  const regs = (n: number) => Array.from({ length: n }, (_, i) => `registry${i + 1}.corp.example`);
  const message = (f: ReturnType<typeof found>, rule: string, actor?: string) =>
    f.find((x) => x.rule === rule && (actor === undefined || x.actor === actor))?.message ?? '';

  it('seven registries the PAC proxies and dockerd reaches direct: all seven named, no count', () => {
    const hosts = regs(7);
    const pac = pacEvidence(Object.fromEntries(hosts.map((h) => [h, PAC_PROXY])));
    const f = found({ home: HOME, docker: { engine: '28.2.2' }, pac }, hosts);
    const notUsed = message(f, 'pac-proxy-not-used', 'runtime');
    expect(notUsed).toContain(`for ${hosts.join(', ')}, but dockerd goes direct`);
    expect(notUsed).not.toContain('more');
    expect(message(f, 'pac-static-proxy')).toContain(`for ${hosts.join(', ')}.`);
  });

  it('five hosts the PAC fails for: each named with its problem', () => {
    const hosts = regs(5);
    const pac = pacEvidence(
      Object.fromEntries(hosts.map((h, i) => [h, i % 2 ? 'BOGUS x' : new Error('boom')])),
    );
    const unusable = message(found({ home: HOME, docker: { engine: '28.2.2' }, pac }, hosts), 'pac-unusable');
    for (const h of hosts) expect(unusable).toContain(`for ${h} it `);
    expect(unusable).not.toContain('more');
  });

  it('a capture with hundreds of answers: the first LIST_MAX named, the rest counted', () => {
    const hosts = regs(300);
    const pac = pacEvidence(Object.fromEntries(hosts.map((h) => [h, PAC_PROXY])));
    const f = found({ home: HOME, docker: { engine: '28.2.2' }, pac }, hosts);
    for (const [rule, actor] of [
      ['pac-proxy-not-used', 'runtime'],
      ['pac-static-proxy', undefined],
    ] as const) {
      const m = message(f, rule, actor);
      expect(m).toContain(`${hosts.slice(0, LIST_MAX).join(', ')}, and ${300 - LIST_MAX} more (300 in all)`);
      expect(m).not.toContain(hosts[LIST_MAX]!);
      expect(m.length).toBeLessThan(4000);
    }
  });
});
