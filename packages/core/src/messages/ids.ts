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
