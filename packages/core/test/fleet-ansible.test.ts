// plan --format ansible, the pure part: which changes a playbook may carry to many hosts, and how. JSON files
// travel as edits, never as this machine's after-image; a file with other lines of its own is left out and
// named; paths and values can never be templated by Ansible. (The playbook is run for real, with Debian's
// ansible-core, in packages/tui/test/ansible.test.ts and test/e2e/ansible.e2e.ts.)
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DROP_IN, GOOD_DOCKER, variant } from '../src/machines/fixtures.js';
import { synthesize } from '../src/machines/synth.js';
import { ansibleFromPlan, jsonEdits } from '../src/plan/ansible.js';
import { makePlan } from '../src/plan/index.js';
import type { FileChange, Plan } from '../src/plan/types.js';

const PROXY = 'http://bob:p%7B%7Bw@proxy.corp.example:3128';
// Ansible's !unsafe tag, read as the string it marks.
const customTags = [{ tag: '!unsafe', resolve: (s: string) => s }];
const play = (text: string) => parse(text, { customTags })[0];

function planFor(daemonJson: string | null) {
  const m = variant(GOOD_DOCKER, {
    removeFiles: [DROP_IN],
    ...(daemonJson ? { files: { '/etc/docker/daemon.json': daemonJson } } : {}),
  });
  return makePlan(synthesize(m), { proxy: PROXY }, { targets: ['docker-systemd', 'docker-daemon-json'] })
    .plan;
}

describe('jsonEdits', () => {
  it('sets changed leaves, keeps untouched keys out, removes dropped ones', () => {
    expect(
      jsonEdits(
        { debug: true, proxies: { 'http-proxy': 'old', 'no-proxy': 'x' }, gone: 1 },
        { debug: true, proxies: { 'http-proxy': 'new', 'no-proxy': 'x' }, added: [1, 2] },
      ),
    ).toEqual({
      set: [
        [['proxies', 'http-proxy'], 'new'],
        [['added'], [1, 2]],
      ],
      unset: [['gone']],
    });
    expect(jsonEdits(undefined, { auths: {}, a: { b: 'c' } })).toEqual({
      set: [[['a', 'b'], 'c']],
      unset: [],
    });
  });
});

describe('ansibleFromPlan', () => {
  it('merges daemon.json on each host and copies the drop-ins whole', () => {
    const plan = planFor('{\n  "log-driver": "journald"\n}\n');
    const { files, leftOut } = ansibleFromPlan(plan);
    expect(leftOut).toEqual([]);
    expect(files.map((f) => f.path)).toEqual([
      'playbook.yml',
      'library/buildproxy_json.py',
      'files/01-http-proxy.env',
      'files/02-http-proxy.conf',
    ]);
    const text = files[0]!.text;
    // the planning machine's own key never travels: only the edits do
    expect(text).not.toContain('journald');
    const p = play(text);
    expect(p.serial).toBe("{{ buildproxy_serial | default('25%') }}");
    expect(p.max_fail_percentage).toBe(0);
    type Task = Record<string, unknown> & { buildproxy_json?: Record<string, unknown> };
    const merges = p.tasks.filter((t: Task) => t.buildproxy_json);
    // first a check-mode pass that fails the host before anything is written, then the merge itself
    expect(merges.map((t: Task) => [t.check_mode, t.changed_when])).toEqual([
      [true, false],
      [undefined, undefined],
    ]);
    expect(p.tasks.indexOf(merges[0])).toBeLessThan(
      p.tasks.findIndex((t: Task) => t['ansible.builtin.copy'] || t['ansible.builtin.file']),
    );
    const merge = merges[1];
    expect(merge.buildproxy_json.path).toBe("{{ buildproxy_root | default('') }}/etc/docker/daemon.json");
    expect(JSON.parse(merge.buildproxy_json.edits)).toEqual({
      set: [
        [['proxies', 'http-proxy'], PROXY],
        [['proxies', 'https-proxy'], PROXY],
        [['proxies', 'no-proxy'], expect.stringContaining('localhost')],
      ],
      unset: [],
    });
    // the password's `{{` (URL-decoded by no one) is marked !unsafe, so Ansible never templates it
    expect(text).toMatch(/edits: !unsafe /);
    const env = p.tasks.find((t: Record<string, { dest?: string }>) =>
      t['ansible.builtin.copy']?.dest?.endsWith('http-proxy.env'),
    );
    expect(env['ansible.builtin.copy']).toMatchObject({ mode: '0600', owner: 'root', backup: true });
    expect(env.diff).toBe(false);
    expect(env.notify).toEqual(['buildproxy daemon-reload', 'buildproxy restart docker']);
    expect(p.handlers.map((h: { name: string }) => h.name)).toEqual([
      'buildproxy daemon-reload',
      'buildproxy restart docker',
    ]);
    for (const h of p.handlers) expect(h.when).toMatch(/^ansible_service_mgr == 'systemd'/);
  });

  it('leaves out what cannot travel, and says why', () => {
    const plan = planFor(null);
    const extra: FileChange[] = [
      {
        path: '/home/alice/.bashrc',
        mode: '0644',
        needsRoot: false,
        before: 'alias ll="ls -l"\n',
        after: 'alias ll="ls -l"\n# >>> buildproxy >>>\n',
        rules: [],
        target: 'client-shell',
        why: '',
      },
      {
        path: "/etc/systemd/system/docker.service.d/{{ lookup('pipe','id') }}.conf",
        mode: '0644',
        needsRoot: true,
        before: null,
        after: 'x',
        rules: [],
        target: 'docker-systemd',
        why: '',
      },
      {
        path: '/etc/systemd/system/docker.service.d/a\nhosts: evil.conf',
        mode: '0644',
        needsRoot: true,
        before: null,
        after: 'x',
        rules: [],
        target: 'docker-systemd',
        why: '',
      },
    ];
    const hostile: Plan = {
      ...plan,
      changes: [...plan.changes, ...extra],
      commands: [
        ...plan.commands,
        {
          argv: ['podman', 'machine', 'stop'],
          why: '',
          needsRoot: false,
          disruptive: true,
          target: 'podman-machine',
        },
      ],
    };
    const { files, leftOut } = ansibleFromPlan(hostile);
    expect(leftOut.map((l) => [l.target, l.reason.slice(0, 30)])).toEqual([
      ['client-shell', 'it edits a file whose other li'],
      ['docker-systemd', 'its name holds a template or c'],
      ['docker-systemd', 'its name holds a template or c'],
      ['podman-machine', 'not run by the playbook; run i'],
    ]);
    const text = files[0]!.text;
    // named in a comment (never templated), nowhere else
    const yamlLines = text.split('\n').filter((l) => !l.startsWith('#'));
    expect(yamlLines.join('\n')).not.toContain("lookup('pipe'");
    expect(text).not.toMatch(/^hosts: evil/m);
    expect(play(text).hosts).toBe("{{ buildproxy_hosts | default('all') }}");
    expect(text).toContain('# Left out: "/etc/systemd/system/docker.service.d/a\\nhosts: evil.conf"');
  });

  it('a home file belongs to the home’s owner on each host', () => {
    const plan: Plan = {
      ...planFor(null),
      changes: [
        {
          path: '/home/alice/.docker/config.json',
          mode: '0600',
          needsRoot: false,
          before: null,
          after: '{"proxies":{"default":{"httpProxy":"http://p:3128"}}}\n',
          rules: [],
          target: 'docker-cli-config',
          why: '',
        },
      ],
      commands: [],
    };
    const p = play(ansibleFromPlan(plan).files[0]!.text);
    expect(p.tasks[0]['ansible.builtin.stat'].path).toBe("{{ buildproxy_root | default('') }}/home/alice");
    const merge = p.tasks.findLast((t: Record<string, unknown>) => t.buildproxy_json);
    expect(merge.buildproxy_json).toMatchObject({
      owner: '{{ buildproxy_home_1.stat.uid }}',
      group: '{{ buildproxy_home_1.stat.gid }}',
      credential: true,
      mode: '0600',
    });
    expect(merge.when).toBe('buildproxy_home_1.stat.exists');
    expect(p.handlers).toBeUndefined();
  });
});
