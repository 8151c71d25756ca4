// The plan check for Docker Desktop: its engine runs in Desktop's VM and takes its proxy from Desktop's settings
// only when Desktop (re)starts, so a desktop-settings plan resolves desktop-loopback-proxy and its kin after its
// `docker desktop restart|start`, not once its files are written. At that command the check:
// - takes the plan's steps in Desktop's window as done (Desktop saves them in settings-store.json), unless the plan
//   edits that file itself (Desktop was stopped);
// - reads Desktop's settings as the doctor does; with a manual proxy the engine gets Desktop's internal proxy, which
//   `docker info` shows as http.docker.internal:3128 whatever the upstream is (docker/for-win#14818); with
//   manual-and-blank, none;
// - keeps docker info as it was when WSL still hands the Windows proxy to Desktop's VM (mirrored networking with
//   autoProxy on: docker/for-win#14706, #14818), which is why the rule's fix is .wslconfig's autoProxy=false too. A
//   .wslconfig the plan writes counts: its `wsl --shutdown` step comes before Desktop starts again.
// System mode is left as it was: the upstream then is the system proxy, which the plan does not change.
import { readDesktopSettings } from '../analyze/desktop-settings.js';
import { analyzeWsl, platformContext } from '../analyze/platform.js';
import { desktopFiles } from '../evidence/platforms.js';
import type { Evidence } from '../evidence/schema.js';
import { withInfoProxies } from './simulate-engines.js';
import { DESKTOP_STEPS_TITLE, stepsValues, storeWithProxy } from './targets/desktop-settings.js';
import type { Plan } from './types.js';

const INTERNAL = 'http.docker.internal:3128';
const INTERNAL_NO_PROXY = 'hubproxy.docker.internal';

export function restartDesktop(ev: Evidence, plan: Plan): Evidence {
  const files = desktopFiles(platformContext(ev));
  // the store the target writes: inside WSL Desktop runs on Windows, the last candidate
  const store = (ev.host.wsl ? files[files.length - 1] : files[0])?.store;
  let out = ev;
  const steps = plan.snippets.find((s) => s.target === 'desktop-settings' && s.title === DESKTOP_STEPS_TITLE);
  const values = steps ? stepsValues(steps.text) : null;
  if (store && values && !plan.changes.some((c) => c.path === store)) {
    const before = out.files[store];
    try {
      out = { ...out, files: { ...out.files, [store]: storeWithProxy(before ?? null, values) } };
    } catch {
      // a store the doctor cannot read stays as it is: its finding says so
    }
  }
  const s = readDesktopSettings(out.files, files)?.effective;
  if (!s || (s.mode !== 'manual' && s.mode !== 'none')) return out;
  const wsl = analyzeWsl(out);
  if (wsl && wsl.networkingMode === 'mirrored' && wsl.autoProxy) return out;
  return s.mode === 'none'
    ? withInfoProxies(out, {})
    : withInfoProxies(out, { http: INTERNAL, https: INTERNAL, no: INTERNAL_NO_PROXY });
}
