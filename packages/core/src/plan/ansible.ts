// `plan --format ansible`: the plan as an Ansible playbook, for a fleet nobody runs a wizard on. Pure: it returns
// the folder's files as text; the CLI writes them (0600: they hold the proxy credentials).
// What a playbook may carry from a plan made on one machine to many:
// - a file buildproxy owns whole (it is new, or starts with buildproxy's header: drop-ins, env files) is copied with
//   `backup: yes`, its mode and an owner: root, or the owner of the home it lives in;
// - a JSON file (daemon.json, config.json) is NEVER copied: this machine's after-image would wipe each host's own
//   keys. The playbook carries the edits (leaves set or removed, read off this plan's before/after) and the
//   buildproxy_json module applies them to each host's own file, refusing malformed or duplicate-key files;
// - any other edit (a line in someone's .bashrc, a key in a TOML file) is left out and named: its after-image
//   holds this machine's own lines. Run `buildproxy apply` on such hosts instead.
// Restarts are handlers, run only where ansible_service_mgr is systemd (and not under a test root), with `serial`
// so the fleet is not restarted at once; --check --diff shows every change first.
// parseDocument only: in the built CLI 'yaml' is the on-demand shim (tui/src/yaml-on-demand.ts), which has no classes.
import { type Document, parseDocument, type Scalar } from 'yaml';
import type { Target } from '../targets.js';
import { ANSIBLE_JSON_MODULE } from './ansible-module.js';
import type { FileChange, Plan, PlanCommand } from './types.js';

export interface AnsibleFile {
  /** relative to the output folder */
  path: string;
  text: string;
}

export interface AnsibleLeftOut {
  /** a file path, or the command line */
  what: string;
  target: Target;
  reason: string;
}

export interface AnsibleBundle {
  files: AnsibleFile[];
  leftOut: AnsibleLeftOut[];
}

/** The header buildproxy writes at the top of every file it owns whole. */
const OWN_HEADER = '# Written by buildproxy';
const ROOT = "{{ buildproxy_root | default('') }}";
/** Never restart the real daemon for files written under a test root. */
const ON_SYSTEMD = "ansible_service_mgr == 'systemd' and (buildproxy_root | default('')) == ''";

const HANDLERS: { argv: string[]; name: string; task: Record<string, unknown> }[] = [
  {
    argv: ['systemctl', 'daemon-reload'],
    name: 'buildproxy daemon-reload',
    task: { 'ansible.builtin.systemd': { daemon_reload: true } },
  },
  {
    argv: ['systemctl', 'restart', 'docker'],
    name: 'buildproxy restart docker',
    task: { 'ansible.builtin.systemd': { name: 'docker', state: 'restarted' } },
  },
  {
    argv: ['systemctl', 'restart', 'buildkit'],
    name: 'buildproxy restart buildkit',
    task: { 'ansible.builtin.systemd': { name: 'buildkit', state: 'restarted' } },
  },
];

function handlerOf(c: PlanCommand): string | undefined {
  return HANDLERS.find((h) => h.argv.length === c.argv.length && h.argv.every((w, i) => c.argv[i] === w))
    ?.name;
}

/** A string Ansible must never template: a proxy URL or password holding `{{` stays text. */
function unsafeIn(doc: Document) {
  return (s: string): Scalar => {
    const n = doc.createNode(s) as Scalar;
    n.tag = '!unsafe';
    return n;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: Json | undefined): v is { [k: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface JsonEdits {
  set: [string[], Json][];
  unset: string[][];
}

/** The leaves `after` sets or changes, and the keys it drops, relative to `before`. */
export function jsonEdits(before: Json | undefined, after: Json, at: string[] = []): JsonEdits {
  const out: JsonEdits = { set: [], unset: [] };
  if (!isObject(after)) {
    out.set.push([at, after]);
    return out;
  }
  const old = isObject(before) ? before : undefined;
  for (const [k, v] of Object.entries(after)) {
    const prev = old?.[k];
    if (isObject(v) && (prev === undefined || isObject(prev))) {
      const sub = jsonEdits(prev, v, [...at, k]);
      out.set.push(...sub.set);
      out.unset.push(...sub.unset);
      // a new empty object (e.g. "auths": {}) carries nothing to merge
    } else if (JSON.stringify(v) !== JSON.stringify(prev)) out.set.push([[...at, k], v]);
  }
  for (const k of Object.keys(old ?? {})) if (!(k in after)) out.unset.push([...at, k]);
  return out;
}

/** Why a path cannot go into a playbook safely, or null. Ansible templates paths: `{{` would run code. */
function pathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'not an absolute path';
  if (/[{}%#]{2}|\{[{%#]|[\u0000-\u001f\u007f]/.test(path))
    return 'its name holds a template or control character; refused';
  return null;
}

const HOME = /^(\/root|\/home\/[^/]+|\/Users\/[^/]+)\//;
const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

function fileName(i: number, path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]/g, '_');
  return `files/${String(i + 1).padStart(2, '0')}-${base}`;
}

/** How one change travels to every host: copied whole, merged as JSON edits, or left out (and why). */
function carried(c: FileChange): { edits?: JsonEdits } | { left: string } {
  if (c.remove)
    return { left: 'plan --remove is not carried into a playbook; run buildproxy apply on each host' };
  const bad = pathProblem(c.path);
  if (bad) return { left: bad };
  if (!c.needsRoot && !HOME.test(c.path))
    return { left: 'a file outside any home that is not root’s; run buildproxy apply there' };
  if (c.path.endsWith('.json')) {
    try {
      return { edits: jsonEdits(c.before === null ? undefined : JSON.parse(c.before), JSON.parse(c.after)) };
    } catch {
      return { left: 'not JSON on this machine; fix it and plan again' };
    }
  }
  if (c.before === null || c.after.startsWith(OWN_HEADER)) return {};
  return {
    left: "it edits a file whose other lines are this machine's own; run buildproxy apply on each host instead",
  };
}

export function ansibleFromPlan(plan: Plan): AnsibleBundle {
  const doc: Document = parseDocument('') as unknown as Document;
  const unsafe = unsafeIn(doc);
  const files: AnsibleFile[] = [];
  const leftOut: AnsibleLeftOut[] = [];
  const tasks: Record<string, unknown>[] = [];
  const notifyFor = (target: Target) => {
    const names = plan.commands.filter((c) => c.target === target).map(handlerOf);
    return HANDLERS.map((h) => h.name).filter((n) => names.includes(n));
  };
  const homes = new Map<string, string>();
  const folders = new Set<string>();
  const lookups: Record<string, unknown>[] = [];
  const preflight: Record<string, unknown>[] = [];
  for (const [i, c] of plan.changes.entries()) {
    const how = carried(c);
    if ('left' in how) {
      leftOut.push({ what: c.path, target: c.target, reason: how.left });
      continue;
    }
    const edits = how.edits;
    // Owner: root, or whoever owns the home the file is in (looked up on each host). By number: the owner of a
    // home may have no name in that host's passwd (LDAP, a removed account), and stat then gives no pw_name.
    let owner: { owner: string; group: string } = { owner: 'root', group: 'root' };
    const when: string[] = [];
    const home = HOME.exec(c.path)?.[1];
    if (home && !c.needsRoot) {
      let reg = homes.get(home);
      if (!reg) {
        reg = `buildproxy_home_${homes.size + 1}`;
        homes.set(home, reg);
        lookups.push({
          name: `buildproxy: who owns ${home}`,
          'ansible.builtin.stat': { path: `${ROOT}${home}` },
          register: reg,
        });
      }
      owner = { owner: `{{ ${reg}.stat.uid }}`, group: `{{ ${reg}.stat.gid }}` };
      when.push(`${reg}.stat.exists`);
    }
    const whenOf = when.length ? { when: when.join(' and ') } : {};
    const notify = notifyFor(c.target);
    if (!folders.has(dirOf(c.path))) {
      folders.add(dirOf(c.path));
      tasks.push({
        name: `buildproxy: the folder ${dirOf(c.path)}`,
        ...whenOf,
        'ansible.builtin.file': { path: `${ROOT}${dirOf(c.path)}`, state: 'directory', ...owner },
      });
    }
    const base = { name: `buildproxy: ${c.path} (${c.target})`, ...whenOf };
    const notifying = notify.length ? { notify } : {};
    if (edits) {
      // Checked before anything is written on the host: a file it must refuse fails the host untouched.
      preflight.push({
        name: `buildproxy: can ${c.path} be merged`,
        ...whenOf,
        buildproxy_json: { path: `${ROOT}${c.path}`, edits: unsafe(JSON.stringify(edits)), mode: c.mode },
        check_mode: true,
        changed_when: false,
      });
      tasks.push({
        ...base,
        buildproxy_json: {
          path: `${ROOT}${c.path}`,
          edits: unsafe(JSON.stringify(edits)),
          mode: c.mode,
          credential: c.mode === '0600',
          ...owner,
          backup: true,
        },
        ...notifying,
      });
    } else {
      const src = fileName(i, c.path);
      files.push({ path: src, text: c.after });
      tasks.push({
        ...base,
        'ansible.builtin.copy': { src, dest: `${ROOT}${c.path}`, mode: c.mode, ...owner, backup: true },
        // a credential file's diff would print the password: its change is shown, its text is not
        ...(c.mode === '0600' ? { diff: false } : {}),
        ...notifying,
      });
    }
  }
  const usedHandlers = new Set(tasks.flatMap((t) => (t.notify as string[] | undefined) ?? []));
  for (const c of plan.commands) {
    if (!handlerOf(c))
      leftOut.push({
        what: c.argv.join(' '),
        target: c.target,
        reason: 'not run by the playbook; run it on each host',
      });
  }
  const handlers = HANDLERS.filter((h) => usedHandlers.has(h.name)).map((h) => ({
    name: h.name,
    ...h.task,
    when: ON_SYSTEMD,
  }));
  const play = {
    name: 'buildproxy: proxy settings for docker builds',
    hosts: "{{ buildproxy_hosts | default('all') }}",
    become: true,
    gather_facts: true,
    gather_subset: ['!all', 'min'],
    serial: "{{ buildproxy_serial | default('25%') }}",
    max_fail_percentage: 0,
    tasks: [...lookups, ...preflight, ...tasks],
    ...(handlers.length ? { handlers } : {}),
  };
  doc.contents = doc.createNode([play]);
  doc.commentBefore = [
    ' Written by buildproxy plan --format ansible. It holds the proxy credentials: keep it private.',
    ' First:  ansible-playbook -i INVENTORY playbook.yml --check --diff',
    ' Then:   ansible-playbook -i INVENTORY playbook.yml',
    ' Variables: buildproxy_hosts (default all), buildproxy_serial (default 25%: hosts restarted at a time),',
    ' buildproxy_root (write under this folder instead of /, for a test run; no restarts then).',
    // JSON-quoted: a path holding a newline must not end the comment and start YAML
    ...leftOut.map((l) => ` Left out: ${JSON.stringify(l.what)} (${l.target}): ${l.reason}`),
  ].join('\n');
  files.unshift(
    { path: 'playbook.yml', text: doc.toString({ lineWidth: 0 }) },
    { path: 'library/buildproxy_json.py', text: ANSIBLE_JSON_MODULE },
  );
  return { files, leftOut };
}
