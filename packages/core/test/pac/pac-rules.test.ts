// The PAC rules on machines: which actor goes direct where the PAC says PROXY (Go's choice with the actor's own
// NO_PROXY, curl's for RUN steps), registries given with a port, and no finding where the actor has the proxy.
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
