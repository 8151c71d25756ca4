// Every rule's prose, by id: loaded by `explain`, the wizard's explanations and the docs, never by the doctor.

import * as allProxyOnly from './all-proxy-only/text.js';
import * as buildArgsOnly from './build-args-only/text.js';
import * as builderConfigStale from './builder-config-stale/text.js';
import * as builderNotInherited from './builder-not-inherited/text.js';
import * as builderProxyMissing from './builder-proxy-missing/text.js';
import * as clientTokenProxy from './client-token-proxy/text.js';
import * as colimaLoopbackProxy from './colima-loopback-proxy/text.js';
import * as configFileInvalid from './config-file-invalid/text.js';
import * as daemonJsonFlagConflict from './daemon-json-flag-conflict/text.js';
import * as daemonJsonOverridesEnv from './daemon-json-overrides-env/text.js';
import * as daemonJsonUnsupported from './daemon-json-unsupported/text.js';
import * as daemonUnreachable from './daemon-unreachable/text.js';
import * as desktopIgnoresDaemonJson from './desktop-ignores-daemon-json/text.js';
import * as desktopLoopbackProxy from './desktop-loopback-proxy/text.js';
import * as dockerBuildVsBuildxBuild from './docker-build-vs-buildx-build/text.js';
import * as envProxyInImage from './env-proxy-in-image/text.js';
import * as fileUnreadable from './file-unreadable/text.js';
import * as gitContextProxy from './git-context-proxy/text.js';
import * as httpsProxyMissing from './https-proxy-missing/text.js';
import * as httpsProxyScheme from './https-proxy-scheme/text.js';
import * as ignoredConfigFile from './ignored-config-file/text.js';
import * as limaSystemProxy from './lima-system-proxy/text.js';
import * as loopbackProxyUnreachable from './loopback-proxy-unreachable/text.js';
import * as noProxyDirectOnly from './no-proxy-direct-only/text.js';
import * as noProxyMissingRegistry from './no-proxy-missing-registry/text.js';
import * as noProxySyntax from './no-proxy-syntax/text.js';
import * as pacProxyNotUsed from './pac-proxy-not-used/text.js';
import * as pacStaticProxy from './pac-static-proxy/text.js';
import * as pacUnusable from './pac-unusable/text.js';
import * as podmanAddUrlNoProxy from './podman-add-url-no-proxy/text.js';
import * as podmanComposeNoProxy from './podman-compose-no-proxy/text.js';
import * as podmanEngineEnvInRun from './podman-engine-env-in-run/text.js';
import * as podmanHttpProxyIgnored from './podman-http-proxy-ignored/text.js';
import * as podmanMachineLoopbackProxy from './podman-machine-loopback-proxy/text.js';
import * as podmanMachineProxyStale from './podman-machine-proxy-stale/text.js';
import * as podmanRemoteRunNoProxy from './podman-remote-run-no-proxy/text.js';
import * as proxyArgDeclared from './proxy-arg-declared/text.js';
import * as proxyAuthRequired from './proxy-auth-required/text.js';
import * as proxyCaseMismatch from './proxy-case-mismatch/text.js';
import * as proxyCredentialsExposed from './proxy-credentials-exposed/text.js';
import * as proxyForbidsHost from './proxy-forbids-host/text.js';
import * as proxyNetworkBypass from './proxy-network-bypass/text.js';
import * as proxyUnknown from './proxy-unknown/text.js';
import * as proxyUnreachable from './proxy-unreachable/text.js';
import * as proxyUrlInvalid from './proxy-url-invalid/text.js';
import * as runProxyMissing from './run-proxy-missing/text.js';
import * as sudoEnvReset from './sudo-env-reset/text.js';
import * as syntaxFrontendPull from './syntax-frontend-pull/text.js';
import * as systemdEnvironmentQuoting from './systemd-environment-quoting/text.js';
import * as systemdPercentEscape from './systemd-percent-escape/text.js';
import * as tlsInspectionCa from './tls-inspection-ca/text.js';
import * as tlsInspectionUntrusted from './tls-inspection-untrusted/text.js';
import type { RuleText } from './types.js';
import * as wslAutoproxyHttpsMissing from './wsl-autoproxy-https-missing/text.js';
import * as wslNatLoopbackProxy from './wsl-nat-loopback-proxy/text.js';

export const RULE_TEXTS: Record<string, RuleText> = {
  'all-proxy-only': allProxyOnly,
  'build-args-only': buildArgsOnly,
  'builder-config-stale': builderConfigStale,
  'builder-not-inherited': builderNotInherited,
  'builder-proxy-missing': builderProxyMissing,
  'client-token-proxy': clientTokenProxy,
  'config-file-invalid': configFileInvalid,
  'daemon-json-flag-conflict': daemonJsonFlagConflict,
  'daemon-json-overrides-env': daemonJsonOverridesEnv,
  'daemon-json-unsupported': daemonJsonUnsupported,
  'daemon-unreachable': daemonUnreachable,
  'desktop-ignores-daemon-json': desktopIgnoresDaemonJson,
  'desktop-loopback-proxy': desktopLoopbackProxy,
  'wsl-autoproxy-https-missing': wslAutoproxyHttpsMissing,
  'wsl-nat-loopback-proxy': wslNatLoopbackProxy,
  'pac-proxy-not-used': pacProxyNotUsed,
  'pac-unusable': pacUnusable,
  'pac-static-proxy': pacStaticProxy,
  'docker-build-vs-buildx-build': dockerBuildVsBuildxBuild,
  'env-proxy-in-image': envProxyInImage,
  'file-unreadable': fileUnreadable,
  'git-context-proxy': gitContextProxy,
  'https-proxy-missing': httpsProxyMissing,
  'https-proxy-scheme': httpsProxyScheme,
  'ignored-config-file': ignoredConfigFile,
  'loopback-proxy-unreachable': loopbackProxyUnreachable,
  'no-proxy-missing-registry': noProxyMissingRegistry,
  'no-proxy-syntax': noProxySyntax,
  'proxy-arg-declared': proxyArgDeclared,
  'proxy-case-mismatch': proxyCaseMismatch,
  'proxy-credentials-exposed': proxyCredentialsExposed,
  'proxy-network-bypass': proxyNetworkBypass,
  'proxy-unknown': proxyUnknown,
  'sudo-env-reset': sudoEnvReset,
  'podman-machine-loopback-proxy': podmanMachineLoopbackProxy,
  'podman-machine-proxy-stale': podmanMachineProxyStale,
  'lima-system-proxy': limaSystemProxy,
  'colima-loopback-proxy': colimaLoopbackProxy,
  'podman-remote-run-no-proxy': podmanRemoteRunNoProxy,
  'podman-http-proxy-ignored': podmanHttpProxyIgnored,
  'podman-compose-no-proxy': podmanComposeNoProxy,
  'podman-add-url-no-proxy': podmanAddUrlNoProxy,
  'podman-engine-env-in-run': podmanEngineEnvInRun,
  'proxy-url-invalid': proxyUrlInvalid,
  'run-proxy-missing': runProxyMissing,
  'syntax-frontend-pull': syntaxFrontendPull,
  'systemd-environment-quoting': systemdEnvironmentQuoting,
  'systemd-percent-escape': systemdPercentEscape,
  'tls-inspection-ca': tlsInspectionCa,
  'proxy-unreachable': proxyUnreachable,
  'proxy-auth-required': proxyAuthRequired,
  'proxy-forbids-host': proxyForbidsHost,
  'tls-inspection-untrusted': tlsInspectionUntrusted,
  'no-proxy-direct-only': noProxyDirectOnly,
};
