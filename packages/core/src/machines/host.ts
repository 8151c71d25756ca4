// host of a synthesised bundle: the platforms contract's host.platform, uid (null on win32) and host.wsl.
import type { WslHost } from '../evidence/platforms.js';
import type { Evidence } from '../evidence/schema.js';

export function hostOf(
  spec: { platform?: string; uid?: number; wsl?: WslHost | null },
  home: string,
): Evidence['host'] {
  return {
    platform: spec.platform ?? 'linux',
    home,
    uid: spec.platform === 'win32' ? null : (spec.uid ?? 1000),
    ...(spec.wsl !== undefined ? { wsl: spec.wsl } : {}),
  };
}
