// `plan --ca-cert` through the built CLI: tls-inspection-ca is said once, fixed for the host and the builder,
// with its RUN part named as still open and the Dockerfile snippet that fixes it (issue 15).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { machineFrom, runCli } from './helpers.js';

const { GOOD_CONTAINER, PROXY } = fixtures;

describe('plan --ca-cert', () => {
  it('lists tls-inspection-ca once: partly, with the actors fixed and the RUN step still open', async () => {
    const m = machineFrom(synthesize(GOOD_CONTAINER), { buildxPlugin: true });
    const ca = join(m.dir, 'corp-ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const args = ['plan', '--root', m.root, '--proxy', PROXY, '--ca-cert', ca];
    const r = await runCli([...args, '--no-color'], { m });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const summary = lines.filter((l) => /^(Resolves|Still open|Partly resolved)/.test(l));
    const naming = summary.filter((l) => l.includes('tls-inspection-ca'));
    expect(naming).toEqual([
      'Partly resolved: tls-inspection-ca: fixed for runtime, builder after the commands run; not for:',
    ]);
    const at = lines.indexOf(naming[0]!);
    expect(lines[at + 1]).toMatch(
      /^ {4}run: RUN steps trust only the CAs inside the image: add .*corp-ca\.pem/,
    );
    // the snippet the open part asks for is in the same plan
    expect(r.stdout).toContain('RUN steps: add to your Dockerfile (buildproxy never edits it)');
    expect(r.stdout).toContain('RUN update-ca-certificates');
    // the JSON says the same, structured
    const j = JSON.parse((await runCli([...args, '--json'], { m })).stdout);
    expect(j.resolves.partly).toEqual([
      expect.objectContaining({
        rule: 'tls-inspection-ca',
        fixed: ['runtime', 'builder'],
        when: 'afterCommands',
      }),
    ]);
    for (const k of ['now', 'afterCommands', 'remaining'])
      expect(j.resolves[k]).not.toContain('tls-inspection-ca');
  });
});
