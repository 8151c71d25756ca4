// The rule catalogue, in the order the report lists findings of equal severity.
import { allProxyOnly } from './all-proxy-only/check.js';
import { buildArgsOnly } from './build-args-only/check.js';
import { builderConfigStale } from './builder-config-stale/check.js';
import { builderNotInherited } from './builder-not-inherited/check.js';
import { builderProxyMissing } from './builder-proxy-missing/check.js';
import { clientTokenProxy } from './client-token-proxy/check.js';
import { colimaLoopbackProxy } from './colima-loopback-proxy/check.js';
import { configFileInvalid } from './config-file-invalid/check.js';
import { daemonJsonFlagConflict } from './daemon-json-flag-conflict/check.js';
import { daemonJsonOverridesEnv } from './daemon-json-overrides-env/check.js';
import { daemonJsonUnsupported } from './daemon-json-unsupported/check.js';
import { daemonUnreachable } from './daemon-unreachable/check.js';
import { desktopIgnoresDaemonJson } from './desktop-ignores-daemon-json/check.js';
import { desktopLoopbackProxy } from './desktop-loopback-proxy/check.js';
import { dockerBuildVsBuildxBuild } from './docker-build-vs-buildx-build/check.js';
import { envProxyInImage } from './env-proxy-in-image/check.js';
import { fileUnreadable } from './file-unreadable/check.js';
import { gitContextProxy } from './git-context-proxy/check.js';
import { httpsProxyMissing } from './https-proxy-missing/check.js';
import { httpsProxyScheme } from './https-proxy-scheme/check.js';
import { ignoredConfigFile } from './ignored-config-file/check.js';
import { limaSystemProxy } from './lima-system-proxy/check.js';
import { loopbackProxyUnreachable } from './loopback-proxy-unreachable/check.js';
import { noProxyDirectOnly } from './no-proxy-direct-only/check.js';
import { noProxyMissingRegistry } from './no-proxy-missing-registry/check.js';
import { noProxySyntax } from './no-proxy-syntax/check.js';
import { pacProxyNotUsed } from './pac-proxy-not-used/check.js';
import { pacStaticProxy } from './pac-static-proxy/check.js';
import { pacUnusable } from './pac-unusable/check.js';
import { podmanAddUrlNoProxy } from './podman-add-url-no-proxy/check.js';
import { podmanComposeNoProxy } from './podman-compose-no-proxy/check.js';
import { podmanEngineEnvInRun } from './podman-engine-env-in-run/check.js';
import { podmanHttpProxyIgnored } from './podman-http-proxy-ignored/check.js';
import { podmanMachineLoopbackProxy } from './podman-machine-loopback-proxy/check.js';
import { podmanMachineProxyStale } from './podman-machine-proxy-stale/check.js';
import { podmanRemoteRunNoProxy } from './podman-remote-run-no-proxy/check.js';
import { proxyArgDeclared } from './proxy-arg-declared/check.js';
import { proxyAuthRequired } from './proxy-auth-required/check.js';
import { proxyCaseMismatch } from './proxy-case-mismatch/check.js';
import { proxyCredentialsExposed } from './proxy-credentials-exposed/check.js';
import { proxyForbidsHost } from './proxy-forbids-host/check.js';
import { proxyNetworkBypass } from './proxy-network-bypass/check.js';
import { proxyUnknown } from './proxy-unknown/check.js';
import { proxyUnreachable } from './proxy-unreachable/check.js';
import { proxyUrlInvalid } from './proxy-url-invalid/check.js';
import { runProxyMissing } from './run-proxy-missing/check.js';
import { sudoEnvReset } from './sudo-env-reset/check.js';
import { syntaxFrontendPull } from './syntax-frontend-pull/check.js';
import { systemdEnvironmentQuoting } from './systemd-environment-quoting/check.js';
import { systemdPercentEscape } from './systemd-percent-escape/check.js';
import { tlsInspectionCa } from './tls-inspection-ca/check.js';
import { tlsInspectionUntrusted } from './tls-inspection-untrusted/check.js';
import type { Rule } from './types.js';
import { wslAutoproxyHttpsMissing } from './wsl-autoproxy-https-missing/check.js';
import { wslNatLoopbackProxy } from './wsl-nat-loopback-proxy/check.js';

export const RULES: readonly Rule[] = [
  daemonUnreachable,
  proxyUnreachable,
  proxyAuthRequired,
  proxyForbidsHost,
  tlsInspectionUntrusted,
  noProxyDirectOnly,
  configFileInvalid,
  fileUnreadable,
  builderProxyMissing,
  buildArgsOnly,
  builderNotInherited,
  builderConfigStale,
  daemonJsonUnsupported,
  daemonJsonOverridesEnv,
  daemonJsonFlagConflict,
  desktopIgnoresDaemonJson,
  desktopLoopbackProxy,
  wslAutoproxyHttpsMissing,
  wslNatLoopbackProxy,
  pacProxyNotUsed,
  pacUnusable,
  pacStaticProxy,
  ignoredConfigFile,
  syntaxFrontendPull,
  clientTokenProxy,
  runProxyMissing,
  loopbackProxyUnreachable,
  envProxyInImage,
  proxyArgDeclared,
  proxyCredentialsExposed,
  httpsProxyMissing,
  httpsProxyScheme,
  proxyUrlInvalid,
  systemdPercentEscape,
  systemdEnvironmentQuoting,
  noProxyMissingRegistry,
  noProxySyntax,
  proxyCaseMismatch,
  allProxyOnly,
  tlsInspectionCa,
  dockerBuildVsBuildxBuild,
  gitContextProxy,
  proxyNetworkBypass,
  proxyUnknown,
  sudoEnvReset,
  podmanMachineLoopbackProxy,
  colimaLoopbackProxy,
  podmanRemoteRunNoProxy,
  podmanHttpProxyIgnored,
  podmanComposeNoProxy,
  podmanAddUrlNoProxy,
  podmanEngineEnvInRun,
  podmanMachineProxyStale,
  limaSystemProxy,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Edit distance, for "did you mean" on unknown rule ids. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length]![b.length]!;
}

export function closestRules(id: string, n = 3): string[] {
  const q = id.toLowerCase();
  return RULES.map((r) => ({ id: r.id, score: r.id.includes(q) || q.includes(r.id) ? 0 : distance(q, r.id) }))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, n)
    .map((r) => r.id);
}

export type { Finding, Rule, RuleExample, Severity } from './types.js';
