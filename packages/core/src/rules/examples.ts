// Every rule's examples, by id: a machine it fires on and one it does not. Run as tests, shown by `explain` and
// the docs; never loaded by the doctor, whose analysis has no use for them (building them cost every start).

import { examples as allProxyOnly } from './all-proxy-only/examples.js';
import { examples as buildArgsOnly } from './build-args-only/examples.js';
import { examples as builderConfigStale } from './builder-config-stale/examples.js';
import { examples as builderNotInherited } from './builder-not-inherited/examples.js';
import { examples as builderProxyMissing } from './builder-proxy-missing/examples.js';
import { examples as clientTokenProxy } from './client-token-proxy/examples.js';
import { examples as colimaLoopbackProxy } from './colima-loopback-proxy/examples.js';
import { examples as configFileInvalid } from './config-file-invalid/examples.js';
import { examples as daemonJsonFlagConflict } from './daemon-json-flag-conflict/examples.js';
import { examples as daemonJsonOverridesEnv } from './daemon-json-overrides-env/examples.js';
import { examples as daemonJsonUnsupported } from './daemon-json-unsupported/examples.js';
import { examples as daemonUnreachable } from './daemon-unreachable/examples.js';
import { examples as desktopIgnoresDaemonJson } from './desktop-ignores-daemon-json/examples.js';
import { examples as desktopLoopbackProxy } from './desktop-loopback-proxy/examples.js';
import { examples as dockerBuildVsBuildxBuild } from './docker-build-vs-buildx-build/examples.js';
import { examples as envProxyInImage } from './env-proxy-in-image/examples.js';
import { examples as fileUnreadable } from './file-unreadable/examples.js';
import { examples as gitContextProxy } from './git-context-proxy/examples.js';
import { examples as httpsProxyMissing } from './https-proxy-missing/examples.js';
import { examples as httpsProxyScheme } from './https-proxy-scheme/examples.js';
import { examples as ignoredConfigFile } from './ignored-config-file/examples.js';
import { examples as limaSystemProxy } from './lima-system-proxy/examples.js';
import { examples as loopbackProxyUnreachable } from './loopback-proxy-unreachable/examples.js';
import { examples as noProxyDirectOnly } from './no-proxy-direct-only/examples.js';
import { examples as noProxyMissingRegistry } from './no-proxy-missing-registry/examples.js';
import { examples as noProxySyntax } from './no-proxy-syntax/examples.js';
import { examples as pacProxyNotUsed } from './pac-proxy-not-used/examples.js';
import { examples as pacStaticProxy } from './pac-static-proxy/examples.js';
import { examples as pacUnusable } from './pac-unusable/examples.js';
import { examples as podmanAddUrlNoProxy } from './podman-add-url-no-proxy/examples.js';
import { examples as podmanComposeNoProxy } from './podman-compose-no-proxy/examples.js';
import { examples as podmanEngineEnvInRun } from './podman-engine-env-in-run/examples.js';
import { examples as podmanHttpProxyIgnored } from './podman-http-proxy-ignored/examples.js';
import { examples as podmanMachineLoopbackProxy } from './podman-machine-loopback-proxy/examples.js';
import { examples as podmanMachineProxyStale } from './podman-machine-proxy-stale/examples.js';
import { examples as podmanRemoteRunNoProxy } from './podman-remote-run-no-proxy/examples.js';
import { examples as proxyArgDeclared } from './proxy-arg-declared/examples.js';
import { examples as proxyAuthRequired } from './proxy-auth-required/examples.js';
import { examples as proxyCaseMismatch } from './proxy-case-mismatch/examples.js';
import { examples as proxyCredentialsExposed } from './proxy-credentials-exposed/examples.js';
import { examples as proxyForbidsHost } from './proxy-forbids-host/examples.js';
import { examples as proxyNetworkBypass } from './proxy-network-bypass/examples.js';
import { examples as proxyUnknown } from './proxy-unknown/examples.js';
import { examples as proxyUnreachable } from './proxy-unreachable/examples.js';
import { examples as proxyUrlInvalid } from './proxy-url-invalid/examples.js';
import { examples as runProxyMissing } from './run-proxy-missing/examples.js';
import { examples as sudoEnvReset } from './sudo-env-reset/examples.js';
import { examples as syntaxFrontendPull } from './syntax-frontend-pull/examples.js';
import { examples as systemdEnvironmentQuoting } from './systemd-environment-quoting/examples.js';
import { examples as systemdPercentEscape } from './systemd-percent-escape/examples.js';
import { examples as tlsInspectionCa } from './tls-inspection-ca/examples.js';
import { examples as tlsInspectionUntrusted } from './tls-inspection-untrusted/examples.js';
import type { RuleExamples } from './types.js';
import { examples as wslAutoproxyHttpsMissing } from './wsl-autoproxy-https-missing/examples.js';
import { examples as wslNatLoopbackProxy } from './wsl-nat-loopback-proxy/examples.js';

export const RULE_EXAMPLES: Record<string, RuleExamples> = {
  'all-proxy-only': allProxyOnly,
  'build-args-only': buildArgsOnly,
  'builder-config-stale': builderConfigStale,
  'builder-not-inherited': builderNotInherited,
  'builder-proxy-missing': builderProxyMissing,
  'client-token-proxy': clientTokenProxy,
  'colima-loopback-proxy': colimaLoopbackProxy,
  'config-file-invalid': configFileInvalid,
  'daemon-json-flag-conflict': daemonJsonFlagConflict,
  'daemon-json-overrides-env': daemonJsonOverridesEnv,
  'daemon-json-unsupported': daemonJsonUnsupported,
  'daemon-unreachable': daemonUnreachable,
  'desktop-ignores-daemon-json': desktopIgnoresDaemonJson,
  'desktop-loopback-proxy': desktopLoopbackProxy,
  'docker-build-vs-buildx-build': dockerBuildVsBuildxBuild,
  'env-proxy-in-image': envProxyInImage,
  'file-unreadable': fileUnreadable,
  'git-context-proxy': gitContextProxy,
  'https-proxy-missing': httpsProxyMissing,
  'https-proxy-scheme': httpsProxyScheme,
  'ignored-config-file': ignoredConfigFile,
  'lima-system-proxy': limaSystemProxy,
  'loopback-proxy-unreachable': loopbackProxyUnreachable,
  'no-proxy-direct-only': noProxyDirectOnly,
  'no-proxy-missing-registry': noProxyMissingRegistry,
  'no-proxy-syntax': noProxySyntax,
  'pac-proxy-not-used': pacProxyNotUsed,
  'pac-static-proxy': pacStaticProxy,
  'pac-unusable': pacUnusable,
  'podman-add-url-no-proxy': podmanAddUrlNoProxy,
  'podman-compose-no-proxy': podmanComposeNoProxy,
  'podman-engine-env-in-run': podmanEngineEnvInRun,
  'podman-http-proxy-ignored': podmanHttpProxyIgnored,
  'podman-machine-loopback-proxy': podmanMachineLoopbackProxy,
  'podman-machine-proxy-stale': podmanMachineProxyStale,
  'podman-remote-run-no-proxy': podmanRemoteRunNoProxy,
  'proxy-arg-declared': proxyArgDeclared,
  'proxy-auth-required': proxyAuthRequired,
  'proxy-case-mismatch': proxyCaseMismatch,
  'proxy-credentials-exposed': proxyCredentialsExposed,
  'proxy-forbids-host': proxyForbidsHost,
  'proxy-network-bypass': proxyNetworkBypass,
  'proxy-unknown': proxyUnknown,
  'proxy-unreachable': proxyUnreachable,
  'proxy-url-invalid': proxyUrlInvalid,
  'run-proxy-missing': runProxyMissing,
  'sudo-env-reset': sudoEnvReset,
  'syntax-frontend-pull': syntaxFrontendPull,
  'systemd-environment-quoting': systemdEnvironmentQuoting,
  'systemd-percent-escape': systemdPercentEscape,
  'tls-inspection-ca': tlsInspectionCa,
  'tls-inspection-untrusted': tlsInspectionUntrusted,
  'wsl-autoproxy-https-missing': wslAutoproxyHttpsMissing,
  'wsl-nat-loopback-proxy': wslNatLoopbackProxy,
};

/** The examples of a rule; every rule has them (checked by test/rules/catalogue.test.ts). */
export function examplesOf(rule: { id: string }): RuleExamples {
  const e = RULE_EXAMPLES[rule.id];
  if (!e) throw new Error(`no examples for rule ${rule.id}`);
  return e;
}
