// What a capture keeps: allowed variables only, everything else dropped (not masked).
import { describe, expect, it } from 'vitest';
import {
  dropDockerfileValues,
  keepAllowedEnvironment,
  keepAllowedLines,
  keepAllowedShow,
} from '../../src/evidence/allow.js';
import { maskEvidence } from '../../src/evidence/mask.js';
import { environmentFromAssignments, parseUnitFile } from '../../src/formats/systemd.js';
import { GOOD_DOCKER } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { isRelevantVar, pickRelevant } from '../../src/proxy/env.js';

/** What systemd would give the unit: the allowed variables and their values, by systemd's own rules. */
const allowedVars = (text: string) =>
  Object.fromEntries(
    [...environmentFromAssignments(parseUnitFile('/etc/systemd/system/docker.service.d/x.conf', text)).vars]
      .filter(([k]) => isRelevantVar(k))
      .map(([k, v]) => [k, v.value]),
  );

describe('capture allow-lists', () => {
  it('environment records keep proxy and tool variables, drop credential-shaped ones', () => {
    const env = {
      HTTPS_PROXY: 'x',
      no_proxy: 'y',
      DOCKER_HOST: 'unix:///s',
      BUILDX_BUILDER: 'b',
      BUILDKIT_HOST: 'tcp://b',
      DOCKERD_ROOTLESS_ROOTLESSKIT_NET: 'slirp4netns',
      REQUEST_METHOD: 'GET',
      DOCKER_PASSWORD: 's',
      DOCKER_AUTH_CONFIG: 's',
      BUILDKIT_TOKEN: 's',
      BUILDX_SECRET: 's',
      NPM_TOKEN: 's',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_ACCESS_KEY_ID: 's',
      SIGNING_KEY: 's',
    };
    expect(Object.keys(pickRelevant(env)).sort()).toEqual([
      'BUILDKIT_HOST',
      'BUILDX_BUILDER',
      'DOCKERD_ROOTLESS_ROOTLESSKIT_NET',
      'DOCKER_HOST',
      'HTTPS_PROXY',
      'REQUEST_METHOD',
      'no_proxy',
    ]);
  });

  it('environment files: other lines and comments emptied, line numbers kept', () => {
    const text =
      'PATH=/bin\n# password: hunter2\nexport HTTPS_PROXY=http://p:3128\nAWS_SECRET_ACCESS_KEY=k\nno_proxy=.corp\n';
    expect(keepAllowedLines(text)).toBe('\n\nexport HTTPS_PROXY=http://p:3128\n\nno_proxy=.corp\n');
  });

  it('a Dockerfile keeps every ARG and ENV name, and values only for allowed ones', () => {
    const df =
      'FROM a\nARG NPM_TOKEN=s3cret\nARG HTTPS_PROXY=http://p:1\nENV GITHUB_TOKEN s3cret\nARG PLAIN\nRUN echo ok\n';
    expect(dropDockerfileValues(df)).toBe(
      'FROM a\nARG NPM_TOKEN\nARG HTTPS_PROXY=http://p:1\nENV GITHUB_TOKEN\nARG PLAIN\nRUN echo ok\n',
    );
  });

  it('systemd drop-ins: Environment= keeps only allowed variables; comments that assign are emptied', () => {
    const text = [
      '[Service]',
      '# old: Environment=DB_PASSWORD=hunter2',
      'Environment="HTTPS_PROXY=http://p:3128" "DB_PASSWORD=hunter2" NO_PROXY=.corp',
      'Environment=AWS_SECRET_ACCESS_KEY=k1 \\',
      '  NPM_TOKEN=k2 \\',
      '  http_proxy=http://p:3128',
      'Environment=GITHUB_TOKEN=k3',
      'EnvironmentFile=-/etc/default/docker',
      'ExecStart=/usr/bin/dockerd',
      '',
    ].join('\n');
    const kept = keepAllowedEnvironment(text);
    expect(kept.split('\n')).toEqual([
      '[Service]',
      '',
      'Environment="HTTPS_PROXY=http://p:3128" NO_PROXY=.corp',
      'Environment=http_proxy=http://p:3128',
      '',
      '',
      '',
      'EnvironmentFile=-/etc/default/docker',
      'ExecStart=/usr/bin/dockerd',
      '',
    ]);
    expect(allowedVars(kept)).toEqual(allowedVars(text));
    // A badly quoted NO_PROXY keeps the words systemd split off it: the quoting rule must still see them.
    const bad = '[Service]\nEnvironment=NO_PROXY=a, b TOKEN=s3cret\n';
    expect(keepAllowedEnvironment(bad)).toBe('[Service]\nEnvironment=NO_PROXY=a, b\n');
  });

  it('systemctl show: the Environment= property keeps only allowed variables', () => {
    const out =
      'Environment=HTTPS_PROXY=http://p:3128 DB_PASSWORD=hunter2 "NO_PROXY=a b"\nFragmentPath=/lib/systemd/system/docker.service\n';
    expect(keepAllowedShow(out)).toBe(
      'Environment=HTTPS_PROXY=http://p:3128 "NO_PROXY=a b"\nFragmentPath=/lib/systemd/system/docker.service\n',
    );
  });

  it('a capture of a drop-in and of systemctl show holds no other variable, whatever its value', () => {
    const ev = synthesize(GOOD_DOCKER);
    const path = '/etc/systemd/system/docker.service.d/secrets.conf';
    const masked = maskEvidence({
      ...ev,
      files: { ...ev.files, [path]: '[Service]\nEnvironment="API_KEY=canary-1" HTTP_PROXY=http://p:1\n' },
      commands: ev.commands.map((c) =>
        c.argv[0] === 'systemctl' ? { ...c, stdout: `Environment=SECRET=canary-2\n${c.stdout}` } : c,
      ),
    });
    const all = JSON.stringify(masked);
    expect(all).not.toContain('canary');
    expect(masked.files[path]).toBe('[Service]\nEnvironment=HTTP_PROXY=http://p:1\n');
  });
});

describe('cntlm.conf in a capture', () => {
  // The cntlm-relay target reads /etc/cntlm.conf, so a capture carries it; Debian's sample ships a Password line.
  it('keeps the file but masks its Password and Pass* hash lines', () => {
    const ev = synthesize(GOOD_DOCKER);
    const conf =
      'Username alice\nPassword\tHunter2!\nPassNTLMv2 D5826E9C665C37C80B53397D5C07BBCB\nListen 127.0.0.1:3128\n';
    const masked = maskEvidence({ ...ev, files: { ...ev.files, '/etc/cntlm.conf': conf } });
    const kept = masked.files['/etc/cntlm.conf'] ?? '';
    expect(kept).toContain('Username alice');
    expect(kept).toContain('Listen 127.0.0.1:3128');
    expect(kept).toContain('Password\t*******!');
    expect(kept).not.toContain('Hunter2');
    expect(kept).not.toContain('D5826E9C');
  });
});
