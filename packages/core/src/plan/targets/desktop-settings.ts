// desktop-settings: Docker Desktop's proxy (Settings > Resources > Proxies). Given as the steps in Desktop's
// window, and as an edit of settings-store.json only while Desktop's engine is down: Desktop rewrites the file
// from memory while it runs, so an edit then is lost (or undone at quit).

import { platformContext } from '../../analyze/platform.js';
import { desktopFiles } from '../../evidence/platforms.js';
import type { Target } from '../../targets.js';
import { change, malformedJson, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { setJsonPath } from '../json-edit.js';
import type { FileChange, PlanSnippet, TargetResult } from '../types.js';

const KEYS = ['ProxyHTTPMode', 'OverrideProxyHTTP', 'OverrideProxyHTTPS', 'OverrideProxyExclude'] as const;

function desktopSettings(ctx: PlanContext, target: Target): TargetResult {
  const ev = ctx.evidence;
  const files = desktopFiles(platformContext(ev));
  // Inside WSL Desktop runs on Windows: its settings are the /mnt/c ones, the last candidate
  const where = ev.host.wsl ? files[files.length - 1]! : files[0]!;
  const admin = ctx.state.platform.desktop?.settings?.admin;
  if (admin?.locked)
    return refuse(
      `your administrator locked Docker Desktop's proxy in ${admin.from}; ask them to change it there`,
    );
  const exclude = ctx.proxy.noProxy.join(',');
  const steps: PlanSnippet = {
    title: 'In Docker Desktop: Settings > Resources > Proxies',
    language: 'text',
    text: [
      'Manual proxy configuration: on',
      `Web Server (HTTP): ${ctx.proxy.http}`,
      `Secure Web Server (HTTPS): ${ctx.proxy.https}`,
      `Bypass proxy settings for these hosts & domains: ${exclude}`,
      'Apply & restart',
    ].join('\n'),
    target,
  };
  const changes: (FileChange | null)[] = [];
  const running = ctx.state.docker.daemon === 'up';
  const before = ev.files[where.store];
  if (!running && before !== undefined) {
    const problem = malformedJson(
      where.store,
      before ?? null,
      KEYS.map((k) => [k]),
    );
    if (problem) return refuse(problem);
    let after = before ?? '{}\n';
    const values: Record<(typeof KEYS)[number], string> = {
      ProxyHTTPMode: 'manual',
      OverrideProxyHTTP: ctx.proxy.http,
      OverrideProxyHTTPS: ctx.proxy.https,
      OverrideProxyExclude: exclude,
    };
    for (const k of KEYS) after = setJsonPath(after, [k], values[k]);
    changes.push(
      change(ctx, {
        path: where.store,
        mode: '0644',
        needsRoot: false,
        after,
        target,
        why: "Docker Desktop's proxy (its engine is not running, so the file may be edited; start Desktop afterwards)",
      }),
    );
  }
  return ok(changes, [], [steps]);
}

export const desktopSettingsTarget: TargetDefinition<'desktop-settings'> = {
  id: 'desktop-settings',
  generate: desktopSettings,
  declares: {
    files: [
      { path: '{home}/.docker/desktop/settings-store.json', mode: '0644' },
      { path: '{home}/Library/Group Containers/group.com.docker/settings-store.json', mode: '0644' },
    ],
    commands: [],
  },
};
