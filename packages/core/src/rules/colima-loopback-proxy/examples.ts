// colima-loopback-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { colimaMachine, colimaYaml } from '../../machines/engines.js';
import { HOME } from '../../machines/fixtures.js';
import type { MachineSpec } from '../../machines/synth.js';
import type { RuleExamples } from '../types.js';

const GATEWAY = 'http://192.168.5.2:9000';

const LOCAL = 'http://127.0.0.1:9000';

const machine = (version: string, daemonJsonProxy: string): MachineSpec => ({
  home: HOME.replace('/home/', '/Users/'),
  platform: 'darwin',
  env: { HTTP_PROXY: LOCAL, HTTPS_PROXY: LOCAL },
  docker: { engine: '27.1.1', systemd: false, buildx: false },
  files: { [`${HOME.replace('/home/', '/Users/')}/.colima/default/colima.yaml`]: colimaYaml() },
  commands: colimaMachine({ version, daemonJsonProxy, vmEnvProxy: GATEWAY }),
});

export const examples: RuleExamples = {
  bad: {
    title: 'colima 0.7.5 and a proxy on 127.0.0.1:9000 (abiosoft/colima#1144)',
    machine: machine('0.7.5', LOCAL),
  },
  good: { title: 'colima 0.8.1 rewrote it to the host gateway', machine: machine('0.8.1', GATEWAY) },
};
