// Example machines for plain Lima (limactl with the docker template), which cannot run here: its files and
// outputs follow the sources named at each printer.
import { CMD } from '../evidence/canonical.js';
import { contextInspect } from './engines.js';
import { commandOk as ok } from './printers.js';
import type { MachineSpec } from './synth.js';

export const LIMA_HOME_DIR = '/Users/alice';

/**
 * Lima's docker template on a Mac, instance `docker`: the context the template's message tells the user to create
 * (`docker context create lima-docker --docker "host=unix://{{.Dir}}/sock/docker.sock"`, lima-vm/lima
 * templates/docker.yaml), and docker info of its rootless dockerd, whose proxy is the VM's /etc/environment
 * (Lima restarts the user session after writing it, pkg/cidata boot/07-etc-environment.sh).
 */
export function limaDocker(o: { vmProxy: string | null; instance?: string }): MachineSpec['commands'] {
  const inst = o.instance ?? 'docker';
  return [
    contextInspect(`lima-${inst}`, `unix://${LIMA_HOME_DIR}/.lima/${inst}/sock/docker.sock`),
    ok(
      CMD.dockerInfo,
      JSON.stringify({
        ServerVersion: '27.3.1',
        OperatingSystem: 'Ubuntu 24.04.1 LTS',
        Name: `lima-${inst}`,
        HttpProxy: o.vmProxy ?? '',
        HttpsProxy: o.vmProxy ?? '',
        NoProxy: '',
        SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless', 'name=cgroupns'],
      }),
    ),
  ];
}

/** A Mac with plain Lima's docker instance, its override.yaml as given (null: absent). */
export function limaMachine(o: {
  override: string | null;
  vmProxy: string | null;
  env?: Record<string, string>;
}): MachineSpec {
  return {
    home: LIMA_HOME_DIR,
    platform: 'darwin',
    env: o.env ?? {},
    docker: { engine: '27.3.1', systemd: false, buildx: false },
    files: {
      [`${LIMA_HOME_DIR}/.lima/_config/override.yaml`]: o.override,
      [`${LIMA_HOME_DIR}/.lima/_config/default.yaml`]: null,
    },
    commands: limaDocker({ vmProxy: o.vmProxy }),
  };
}

/**
 * Rancher Desktop on a Mac with the moby engine: its context endpoint ~/.rd/docker.sock, docker info of dockerd in
 * its Alpine VM (the VM is Lima's `0`-instance "rancher-desktop"), settings.json as Rancher Desktop writes it
 * (compact JSON, pkg/rancher-desktop/config/settingsImpl.ts; the proxy defaults of config/settings.ts), and the
 * override.yaml of its Lima as given (null: absent).
 */
export function rancherMac(o: { override: string | null; vmProxy: string | null }): MachineSpec {
  const settings = {
    version: 14,
    containerEngine: { name: 'moby' },
    experimental: {
      virtualMachine: {
        proxy: {
          enabled: false,
          address: '',
          password: '',
          port: 3128,
          username: '',
          noproxy: ['10.0.0.0/8'],
        },
      },
    },
  };
  return {
    home: LIMA_HOME_DIR,
    platform: 'darwin',
    env: {},
    docker: { engine: '27.3.1', systemd: false, buildx: false },
    files: {
      [`${LIMA_HOME_DIR}/Library/Preferences/rancher-desktop/settings.json`]: JSON.stringify(settings),
      [`${LIMA_HOME_DIR}/Library/Application Support/rancher-desktop/lima/_config/override.yaml`]: o.override,
    },
    commands: [
      contextInspect('rancher-desktop', `unix://${LIMA_HOME_DIR}/.rd/docker.sock`),
      ok(
        CMD.dockerInfo,
        JSON.stringify({
          ServerVersion: '27.3.1',
          OperatingSystem: 'Alpine Linux v3.20',
          Name: 'lima-rancher-desktop',
          HttpProxy: o.vmProxy ?? '',
          HttpsProxy: o.vmProxy ?? '',
          NoProxy: '',
          SecurityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
        }),
      ),
    ],
  };
}
