import { sentence } from '../sentences.js';
// desktop-settings: Docker Desktop's proxy (Settings > Resources > Proxies). Given as the steps in Desktop's
// window, and as an edit of settings-store.json only while Desktop's engine is down: Desktop rewrites the file
// from memory while it runs, so an edit then is lost (or undone at quit).
// Either way Desktop's engine takes the new proxy only when Desktop (re)starts, as dockerd takes a drop-in only when
// it restarts: the plan says so with a command (`docker desktop restart|start`, Desktop 4.37+), and the plan check
// (simulate-desktop.ts) applies the settings at that command, not when the files are written.

import { platformContext } from '../../analyze/platform.js';
import { desktopFiles } from '../../evidence/platforms.js';
import type { Target } from '../../targets.js';
import { change, malformedJson, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { exactly } from '../declare.js';
import { setJsonPath } from '../json-edit.js';
import type { FileChange, PlanCommand, PlanSnippet, TargetResult } from '../types.js';

const KEYS = ['ProxyHTTPMode', 'OverrideProxyHTTP', 'OverrideProxyHTTPS', 'OverrideProxyExclude'] as const;
export type DesktopProxyValues = Record<(typeof KEYS)[number], string>;

export const DESKTOP_STEPS_TITLE = sentence('desktop-settings.docker-desktop-settings-resources');
/** Each field of Desktop's Proxies page as the steps name it: written and read back with one table. */
const FIELDS = [
  ['OverrideProxyHTTP', 'Web Server (HTTP): '],
  ['OverrideProxyHTTPS', 'Secure Web Server (HTTPS): '],
  ['OverrideProxyExclude', 'Bypass proxy settings for these hosts & domains: '],
] as const;

/** settings-store.json with Desktop's proxy set to these values; every other key kept. */
export function storeWithProxy(before: string | null, values: DesktopProxyValues): string {
  let after = before ?? '{}\n';
  for (const k of KEYS) after = setJsonPath(after, [k], values[k]);
  return after;
}

/** The values the plan's steps give, read back from their text (the plan check applies them at the restart). */
export function stepsValues(text: string): DesktopProxyValues | null {
  const lines = text.split('\n');
  const values: DesktopProxyValues = {
    ProxyHTTPMode: 'manual',
    OverrideProxyHTTP: '',
    OverrideProxyHTTPS: '',
    OverrideProxyExclude: '',
  };
  for (const [key, label] of FIELDS) {
    const line = lines.find((l) => l.startsWith(label));
    if (line === undefined) return null;
    values[key] = line.slice(label.length);
  }
  return values;
}

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
  const values: DesktopProxyValues = {
    ProxyHTTPMode: 'manual',
    OverrideProxyHTTP: ctx.proxy.http,
    OverrideProxyHTTPS: ctx.proxy.https,
    OverrideProxyExclude: exclude,
  };
  const steps: PlanSnippet = {
    title: DESKTOP_STEPS_TITLE,
    language: 'text',
    text: [
      'Manual proxy configuration: on',
      ...FIELDS.map(([key, label]) => `${label}${values[key]}`),
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
    changes.push(
      change(ctx, {
        path: where.store,
        mode: '0644',
        needsRoot: false,
        after: storeWithProxy(before ?? null, values),
        target,
        why: "Docker Desktop's proxy (its engine is not running, so the file may be edited; start Desktop afterwards)",
      }),
    );
  }
  // running: the steps, then a restart (even when the settings already match: an engine still on the old proxy
  // needs it); stopped: the file (or, unread, the steps) and a start
  const restart: PlanCommand = running
    ? {
        argv: ['docker', 'desktop', 'restart'],
        why: sentence('desktop-settings.docker-desktop-gives-engine'),
        needsRoot: false,
        disruptive: true,
        target,
      }
    : {
        argv: ['docker', 'desktop', 'start'],
        why: sentence('desktop-settings.docker-desktop-reads-settings'),
        needsRoot: false,
        disruptive: false,
        target,
      };
  return ok(changes, [restart], [steps]);
}

export const desktopSettingsTarget: TargetDefinition<'desktop-settings'> = {
  id: 'desktop-settings',
  generate: desktopSettings,
  declares: {
    files: [
      { path: '{home}/.docker/desktop/settings-store.json', mode: '0644' },
      { path: '{home}/Library/Group Containers/group.com.docker/settings-store.json', mode: '0644' },
    ],
    commands: [exactly('docker', 'desktop', 'restart'), exactly('docker', 'desktop', 'start')],
  },
};
