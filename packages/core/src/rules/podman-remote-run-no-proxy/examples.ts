// podman-remote-run-no-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { podmanMachine } from '../../machines/engines.js';
import { HOME, PROXY } from '../../machines/fixtures.js';
import type { MachineSpec } from '../../machines/synth.js';
import type { RuleExamples } from '../types.js';

const machine = (client: string): MachineSpec => ({
  home: HOME.replace('/home/', '/Users/'),
  platform: 'darwin',
  env: { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY },
  docker: false,
  commands: podmanMachine({ client, server: '4.3.1', vmEnv: { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY } }),
});

export const examples: RuleExamples = {
  bad: { title: 'macOS podman 4.3.1 client, machine with a proxy', machine: machine('4.3.1') },
  good: { title: 'podman 4.4 client: RUN gets the service proxy', machine: machine('4.4.0') },
};
