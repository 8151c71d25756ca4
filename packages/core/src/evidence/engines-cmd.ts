// The exact argv the engines' probes record (ARCHITECTURE.md "Platforms evidence contract" §4), named for the
// engines' code. The contract's own definitions are in platforms.ts; this file only picks them out (and adds the
// podman.service show, the same form as docker's).
import { SYSTEMCTL_PROPS } from './canonical.js';
import {
  COLIMA_VM_FILES,
  colimaSsh,
  PLATFORM_CMD,
  PODMAN_MACHINE_FILES,
  podmanMachineCat,
  podmanMachineInspect,
} from './platforms.js';

export const ENGINE_CMD = {
  podmanVersion: PLATFORM_CMD.podmanVersion,
  podmanInfo: PLATFORM_CMD.podmanInfo,
  podmanConnections: PLATFORM_CMD.podmanConnections,
  podmanMachines: PLATFORM_CMD.podmanMachines,
  buildahVersion: PLATFORM_CMD.buildahVersion,
  buildahInfo: PLATFORM_CMD.buildahInfo,
  colimaVersion: PLATFORM_CMD.colimaVersion,
  colimaStatus: PLATFORM_CMD.colimaStatus,
  contextInspect: PLATFORM_CMD.contextInspect,
} as const;

export { COLIMA_VM_FILES, PODMAN_MACHINE_FILES };
export const podmanMachineInspectArgv = podmanMachineInspect;
export const podmanMachineCatArgv = podmanMachineCat;
export const colimaSshArgv = colimaSsh;

export function podmanServiceShow(user: boolean): string[] {
  return user
    ? ['systemctl', '--user', 'show', 'podman.service', SYSTEMCTL_PROPS]
    : ['systemctl', 'show', 'podman.service', SYSTEMCTL_PROPS];
}
