// long because: the typed vocabulary of the findings' messages, one entry per sentence a rule can print, with the
// values it carries. Grouped by rule; the English (en.ts) and Chinese (zh-cn.ts) templates are typed by it.
// Values are verbatim (paths, URLs, hosts, variable names, commands: shown as code, masked as the English is);
// a `MsgRef` value is a phrase of its own, rendered in the same language; `label` values are core's fixed names.
import type { MsgRef } from './ref.js';

export interface MessageValues {
  'proxy-unknown.none': Record<string, never>;
  'env-proxy-in-image.env': { at: string; name: string };
  'proxy-arg-declared.arg': { at: string; name: string };
  'https-proxy-scheme.tls': { names: string; value: string };
  'desktop-ignores-daemon-json.proxies': { path: string };
  'daemon-json-unsupported.proxies': { path: string; engine: string };
  'client-token-proxy.unset': { desktop: boolean; proxy: string };
  'daemon-unreachable.absent': Record<string, never>;
  'daemon-unreachable.timeout': Record<string, never>;
  'daemon-unreachable.down': { error: string; buildctl: boolean };
  'run-proxy-missing.buildctl': { proxy: string; mistakes: string[] };
  'run-proxy-missing.config': { path: string; proxy: string; note: MsgRef | null };
  'all-proxy-only.only': { layer: string; var: string; go: boolean };
  'build-args-only.buildctl': { builder: MsgRef; commands: string[]; fix: MsgRef | null };
  'build-args-only.config': { path: string; builder: MsgRef; commands: string[] };
  'builder-not-inherited.created': { builder: MsgRef; commands: string[] };
  'builder-proxy-missing.none': {
    builder: MsgRef;
    commands: string[];
    proxy: string;
    source: string | null;
    fix: MsgRef | null;
  };
  'config-file-invalid.parse': { at: string; error: string };
  'daemon-json-flag-conflict.both': { key: string; path: string };
  'daemon-json-overrides-env.overrides': { path: string; set: string; env: string; at: string };
  'desktop-loopback-proxy.vm': { proxy: string; mirrored: string | null };
  'docker-build-vs-buildx-build.differ': {
    good: string;
    goodBuilder: MsgRef;
    bad: string;
    badBuilder: MsgRef;
  };
  'file-unreadable.theirs': { path: string; user: string };
  'file-unreadable.denied': { path: string };
  'file-unreadable.oversize': { path: string };
  'git-context-proxy.old': { at: string; builder: string; version: string };
  'https-proxy-missing.http-only': { actor: string; var: string };
  'ignored-config-file.export': { path: string; names: string[] };
  'ignored-config-file.unread': { path: string; names: string[] };
  'lima-system-proxy.system': { colima: boolean; vars: string[] };
  'loopback-proxy-unreachable.uses': {
    actor: string;
    proxy: string;
    from: string;
    netns: string;
    /** the proxy's port when it listens on loopback only */
    port: string | null;
    gateway: string;
  };
  'no-proxy-direct-only.direct': { actor: string; hosts: string[]; proxy: string; results: string[] };
  'no-proxy-missing-registry.through': { actor: string; registry: string; noProxy: string };
  'no-proxy-syntax.problems': { names: string; problems: MsgRef[] };
  'no-proxy.quoted': Record<string, never>;
  'no-proxy.semicolon': Record<string, never>;
  'no-proxy.space': { entry: string };
  'no-proxy.scheme': { entry: string };
  'no-proxy.cidr': { entry: string };
  'no-proxy.wildcard': { entry: string };
  'no-proxy.curl-wildcard': { entry: string; fixed: string };
  'no-proxy.curl-port': { entry: string };
  'pac-unusable.failed': { url: string; source: string; failure: MsgRef | null };
  'pac-unusable.answers': { url: string; source: string; hosts: { host: string; problem: MsgRef | null }[] };
  'pac-proxy-not-used.direct': {
    source: string;
    answer: string;
    hosts: string[];
    actor: string;
    proxy: string;
  };
  'pac-static-proxy.static': {
    url: string;
    source: string;
    says: { answer: string; hosts: string[] }[];
    proxy: string | null;
    noProxy: string[];
    other: { host: string; proxy: string }[];
    unusable: string[];
    notes: MsgRef[];
  };
  'podman-add-url-no-proxy.ignores': { line: string; url: string; who: MsgRef; host: string };
  'podman-add-url-no-proxy.none': {
    line: string;
    url: string;
    who: MsgRef;
    name: string;
    invalid: boolean;
    host: string;
    remote: boolean;
  };
  'podman.buildah': { version: string };
  'podman.service': { machine: string | null };
  'podman.podman': { version: string };
  'podman-compose-no-proxy.compose': Record<string, never>;
  'podman-engine-env-in-run.env': {
    at: string;
    used: string[];
    remote: boolean;
    shell: string[];
    engine: string[];
  };
  'podman-machine-proxy-stale.stale': { name: string; since: string | null; vars: MsgRef[] };
  'podman-machine-proxy-stale.var': { name: string; vm: string | null; shell: string; would: string | null };
  'podman-remote-run-no-proxy.remote': { version: string; machine: string | null; service: boolean };
  'podman-http-proxy-ignored.passed': { at: string; names: string[]; from: string[] };
  'podman-machine-loopback-proxy.loopback': { name: string; vars: string[]; from: string };
  'proxy-auth-required.407': {
    actor: string;
    proxy: string;
    host: string;
    schemes: string[];
    advice: 'rejected' | 'basic' | 'go-cannot' | 'none';
  };
  'proxy-case-mismatch.differ': { layer: string; upper: string; lower: string };
  'proxy-credentials-exposed.where': { name: string; layer: string; where: string };
  'proxy-forbids-host.refuses': {
    actor: string;
    proxy: string;
    hosts: { host: string; status: string; product: string | null }[];
  };
  'proxy-network-bypass.toml': { path: string };
  'proxy-unreachable.given': { proxy: string; result: string; detail: string | null; ms: string };
  'proxy-unreachable.uses': {
    actor: string;
    proxy: string;
    result: string;
    detail: string | null;
    ms: string;
  };
  'proxy-url-invalid.invalid': {
    var: string;
    /** the parser's typed problem (proxy/url.ts), or `mangled`: it parses, but Go reads something else */
    code: string;
    /** the parser's English sentence and fix, which the English template prints as they are */
    message: string;
    fix: string;
    go: 'rejects' | 'mangled' | null;
    dial: string | null;
  };
  'builder-config-stale.daemon-json': { path: string; file: string[]; running: string[]; restart: string };
  'builder-config-stale.reload': { names: string[]; sysctl: string };
  'builder-config-stale.started-before': { pid: string; names: string[]; restart: string };
  'builder-config-stale.not-from-drop-ins': { pid: string; names: string[] };
  'builder-config-stale.builder': { name: string; names: string[]; opts: string[] };
  'colima-loopback-proxy.vm': { profile: string; vars: string[] };
  'colima-loopback-proxy.info': { profile: string; vars: string[] };
  'colima-loopback-proxy.verbatim': { profile: string; vars: string[]; from: string };
  'sudo-env-reset.unknown': { user: string; fallback: string[] };
  'sudo-env-reset.dropped': { names: string[]; user: string; preserve: string; keep: string };
  'systemd-percent-escape.dropped': { path: string; lines: string[]; specs: string[] };
  'systemd-percent-escape.replaced': { path: string; lines: string[]; specs: string[] };
  'tls-inspection-ca.host': { ca: string; dockerd: boolean; buildkitd: boolean };
  'tls-inspection-ca.builder': { name: string; driver: string; ca: string };
  'tls-inspection-ca.buildkitd': { ca: string };
  'tls-inspection-ca.run': { ca: string };
  'tls-inspection-untrusted.untrusted': {
    actor: string;
    host: string;
    issuer: string | null;
    error: string | null;
    /** whose CA store: an actor */
    where: string;
    /** the doctor could look there (false: it may not hold the CA) */
    known: boolean;
  };
  'wsl-nat-loopback-proxy.nat': { setting: string; url: string; mode: string; distro: string | null };
  'wsl-autoproxy-https-missing.http-only': { pac: string };
  'syntax-frontend-pull.pull': { at: string; image: string; builders: MsgRef[] };
  'systemd-environment-quoting.quoted': { at: string; variable: string; swallowed: string[] };
  'systemd-environment-quoting.split': { at: string; word: string };
  // what a PAC file's fetch, run or answer came to (analyze/pac.ts, pac/answer.ts)
  'pac.error': { error: string };
  'pac.fetch': { result: string; detail: string | null; ms: string; status: string; bytes: string };
  'pac.not-an-answer': { answer: string };
  'pac.fallback-direct': { answer: string };
  'pac.fallback-first': { answer: string };
  // a rule that threw (report.ts): its error, as the English prints it
  'report.rule-failed': { error: string };
  // a builder as the rules name it (rules/util.ts builderLabel), and the fix for a standalone buildkitd
  'builder.named': { name: string; driver: string };
  'builder.buildkitd': { name: string };
  'buildkitd.fix': { pid: string | null; user: boolean; how: 'kube' | 'systemd' | 'plain' };
  // why RUN steps get another address than the proxy's loopback one (analyze/run-proxy.ts)
  'run-proxy.note': { why: MsgRef; rebind: MsgRef | null };
  'run-proxy.rebind': { port: string; gateway: string };
  'run-proxy.desktop': Record<string, never>;
  'run-proxy.rootless': Record<string, never>;
  'run-proxy.listens': { address: string };
  'run-proxy.bridge': { bridge: string };
  'run-proxy.docker0': Record<string, never>;
}

export type MessageId = keyof MessageValues;
