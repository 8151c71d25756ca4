// buildx's record of a builder it created, as buildx 0.13 writes it ($DOCKER_CONFIG/buildx/instances/NAME).
import { describe, expect, it } from 'vitest';
import { parseBuildxInstance } from '../../src/formats/docker-output.js';

describe('parseBuildxInstance', () => {
  it('reads the platforms chosen at creation, per node, as os/arch[/variant]', () => {
    const text = JSON.stringify({
      Name: 'ci',
      Driver: 'docker-container',
      Nodes: [
        {
          Name: 'ci0',
          Endpoint: 'unix:///var/run/docker.sock',
          Platforms: [
            { architecture: 'amd64', os: 'linux' },
            { architecture: 'arm64', os: 'linux', variant: 'v8' },
          ],
          Flags: ['--allow-insecure-entitlement=network.host'],
          DriverOpts: { image: 'moby/buildkit:v0.13.2' },
          Files: null,
        },
        { Name: 'ci1', Endpoint: 'ssh://arm-box', Platforms: null },
      ],
      Dynamic: false,
    });
    expect(parseBuildxInstance(text)).toEqual([
      { name: 'ci0', platforms: ['linux/amd64', 'linux/arm64/v8'] },
      { name: 'ci1', platforms: [] },
    ]);
  });

  it('anything else is not a record', () => {
    expect(parseBuildxInstance('not json')).toBeNull();
    expect(parseBuildxInstance('{"Name":"x"}')).toBeNull();
    expect(parseBuildxInstance('{"Nodes":[{"Name":"n","Platforms":[{"os":1}]}]}')).toEqual([
      { name: 'n', platforms: [] },
    ]);
  });
});
