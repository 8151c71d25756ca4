// Docker Desktop's restart in the plan and its check. Desktop's engine takes a new proxy only when Desktop restarts,
// as dockerd takes a drop-in only when it restarts: a desktop-settings plan carries `docker desktop restart` (or
// `start`, when Desktop is stopped and the plan edits its settings-store.json), which apply's declarations admit,
// and the check counts desktop-loopback-proxy as resolved after the commands, never once written. WSL's mirrored
// networking with autoProxy on keeps handing the Windows loopback proxy to Desktop's VM, so there the finding stays
// open unless the plan also sets autoProxy=false.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import { HOME } from '../../src/machines/fixtures.js';
import { type MachineSpec, synthesize } from '../../src/machines/synth.js';
import { checkPlan } from '../../src/node/apply/plan-guard.js';
import { makePlan } from '../../src/plan/index.js';
import { withCommands, withFiles } from '../../src/plan/simulate.js';
import type { Target } from '../../src/plan/types.js';
import { examples } from '../../src/rules/desktop-loopback-proxy/examples.js';

const LOCAL = 'http://127.0.0.1:10809';
const STORE = `${HOME}/.docker/desktop/settings-store.json`;
const WIN_STORE = '/mnt/c/Users/alice/AppData/Roaming/Docker/settings-store.json';
const WSLCONFIG = '/mnt/c/Users/alice/.wslconfig';
// Desktop on Linux, docker info showing a loopback proxy in the VM (the rule's own example)
const DESKTOP = examples.bad.machine as MachineSpec;
const plan = (m: MachineSpec, targets: Target[]) =>
  makePlan(synthesize(m), { proxy: LOCAL }, { targets }).plan;
const wslDesktop = (wslconfig: string): MachineSpec => ({
  ...DESKTOP,
  wsl: { distro: 'Ubuntu', windowsHome: '/mnt/c/Users/alice' },
  env: { WSL_DISTRO_NAME: 'Ubuntu' },
  files: { [WSLCONFIG]: wslconfig },
});

describe('desktop-settings: the restart is a command, and the check applies the settings there', () => {
  it('Desktop running: the steps, then `docker desktop restart`; the loopback proxy is fixed after the commands', () => {
    const p = plan(DESKTOP, ['desktop-settings']);
    expect(p.changes).toEqual([]);
    expect(p.snippets.map((s) => s.title)).toContain('In Docker Desktop: Settings > Resources > Proxies');
    expect(p.commands).toEqual([
      expect.objectContaining({ argv: ['docker', 'desktop', 'restart'], disruptive: true, needsRoot: false }),
    ]);
    expect(p.resolves?.afterCommands).toContain('desktop-loopback-proxy');
    expect(p.resolves?.now).not.toContain('desktop-loopback-proxy');
    expect(p.resolves?.remaining).not.toContain('desktop-loopback-proxy');
    expect(checkPlan(p, { homes: [HOME], dockerConfigs: [`${HOME}/.docker`], sudoUser: null })).toEqual([]);
  });

  it('the restart is what fixes it: without the command the finding stays, with it docker info shows the internal proxy', () => {
    const ev = synthesize(DESKTOP);
    const p = plan(DESKTOP, ['desktop-settings']);
    const written = withCommands(withFiles(ev, p), { ...p, commands: [] });
    expect(analyze(written).platform.desktop?.loopbackInVm).toBe(LOCAL);
    const restarted = analyze(withCommands(withFiles(ev, p), p));
    expect(restarted.platform.desktop).toMatchObject({ loopbackInVm: null, internalProxy: true });
    // the steps' values, as Desktop saves them
    expect(restarted.platform.desktop?.settings?.effective).toMatchObject({ mode: 'manual', https: LOCAL });
  });

  it('Desktop stopped: settings-store.json edited, then `docker desktop start` (not disruptive)', () => {
    const stopped: MachineSpec = {
      ...DESKTOP,
      docker: { ...(DESKTOP.docker as object), daemon: 'down' },
    };
    const p = plan(stopped, ['desktop-settings']);
    expect(p.changes.map((c) => c.path)).toEqual([STORE]);
    expect(JSON.parse(p.changes[0]!.after)).toMatchObject({
      ProxyHTTPMode: 'manual',
      OverrideProxyHTTPS: LOCAL,
    });
    expect(p.commands).toEqual([
      expect.objectContaining({ argv: ['docker', 'desktop', 'start'], disruptive: false }),
    ]);
    expect(checkPlan(p, { homes: [HOME], dockerConfigs: [`${HOME}/.docker`], sudoUser: null })).toEqual([]);
    // its settings not captured: the steps in the window, and still a start, never a restart of a stopped Desktop
    const unread = plan({ ...stopped, files: {} }, ['desktop-settings']);
    expect(unread.changes).toEqual([]);
    expect(unread.commands.map((c) => c.argv.join(' '))).toEqual(['docker desktop start']);
  });

  it('WSL mirrored with autoProxy on: Desktop’s settings alone leave the finding open; with autoProxy=false it resolves after the commands', () => {
    const m = wslDesktop('[wsl2]\r\nnetworkingMode=mirrored\r\n');
    const alone = plan(m, ['desktop-settings']);
    expect(alone.commands.map((c) => c.argv.join(' '))).toEqual(['docker desktop restart']);
    expect(alone.resolves?.remaining).toContain('desktop-loopback-proxy');
    const both = plan(m, ['desktop-settings', 'wslconfig']);
    expect(both.changes.find((c) => c.path === WSLCONFIG)?.after).toContain('autoProxy=false');
    expect(both.resolves?.afterCommands).toContain('desktop-loopback-proxy');
    // inside WSL, Desktop's settings are the Windows ones
    const restarted = analyze(withCommands(withFiles(synthesize(m), both), both));
    expect(restarted.platform.desktop?.settings?.path).toBe(WIN_STORE);
  });
});
