// podman-machine-loopback-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { podmanMachine } from '../../machines/engines.js';
import { HOME } from '../../machines/fixtures.js';
import type { MachineSpec } from '../../machines/synth.js';
import type { RuleExamples } from '../types.js';

const machine = (vmProxy: string): MachineSpec => ({
  home: HOME.replace('/home/', '/Users/'),
  platform: 'darwin',
  env: { HTTP_PROXY: 'http://127.0.0.1:3128', HTTPS_PROXY: 'http://127.0.0.1:3128' },
  docker: false,
  commands: podmanMachine({
    client: '4.0.2',
    server: '4.0.3',
    vmEnv: { HTTP_PROXY: vmProxy, HTTPS_PROXY: vmProxy },
  }),
});

export const examples: RuleExamples = {
  bad: {
    title: 'podman 4.0: the shell proxy copied verbatim (containers/podman#14087)',
    machine: machine('http://127.0.0.1:3128'),
  },
  good: {
    title: 'podman ≥ 4.6 rewrote it to host.containers.internal',
    machine: machine('http://host.containers.internal:3128'),
  },
};
