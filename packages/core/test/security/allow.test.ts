// What a capture keeps: allowed variables only, everything else dropped (not masked).
import { describe, expect, it } from 'vitest';
import { dropDockerfileValues, keepAllowedLines } from '../../src/evidence/allow.js';
import { pickRelevant } from '../../src/proxy/env.js';

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
});
