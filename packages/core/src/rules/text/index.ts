// Every rule's prose, by id: loaded by `explain`, the wizard's explanations and the docs, never by the doctor.
import type { RuleText } from '../types.js';
import * as allProxyOnly from './all-proxy-only.js';
import * as buildArgsOnly from './build-args-only.js';
import * as builderConfigStale from './builder-config-stale.js';
import * as builderNotInherited from './builder-not-inherited.js';
import * as builderProxyMissing from './builder-proxy-missing.js';
import * as clientTokenProxy from './client-token-proxy.js';
import * as configFileInvalid from './config-file-invalid.js';
import * as daemonJsonFlagConflict from './daemon-json-flag-conflict.js';
import * as daemonJsonOverridesEnv from './daemon-json-overrides-env.js';
import * as daemonJsonUnsupported from './daemon-json-unsupported.js';
import * as daemonUnreachable from './daemon-unreachable.js';
import * as desktopIgnoresDaemonJson from './desktop-ignores-daemon-json.js';
import * as dockerBuildVsBuildxBuild from './docker-build-vs-buildx-build.js';
import * as envProxyInImage from './env-proxy-in-image.js';
import * as fileUnreadable from './file-unreadable.js';
import * as gitContextProxy from './git-context-proxy.js';
import * as httpsProxyMissing from './https-proxy-missing.js';
import * as httpsProxyScheme from './https-proxy-scheme.js';
import * as ignoredConfigFile from './ignored-config-file.js';
import * as loopbackProxyUnreachable from './loopback-proxy-unreachable.js';
import * as noProxyMissingRegistry from './no-proxy-missing-registry.js';
import * as noProxySyntax from './no-proxy-syntax.js';
import * as proxyArgDeclared from './proxy-arg-declared.js';
import * as proxyCaseMismatch from './proxy-case-mismatch.js';
import * as proxyCredentialsExposed from './proxy-credentials-exposed.js';
import * as proxyNetworkBypass from './proxy-network-bypass.js';
import * as proxyUrlInvalid from './proxy-url-invalid.js';
import * as runProxyMissing from './run-proxy-missing.js';
import * as syntaxFrontendPull from './syntax-frontend-pull.js';
import * as systemdEnvironmentQuoting from './systemd-environment-quoting.js';
import * as systemdPercentEscape from './systemd-percent-escape.js';
import * as tlsInspectionCa from './tls-inspection-ca.js';

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
  'proxy-url-invalid': proxyUrlInvalid,
  'run-proxy-missing': runProxyMissing,
  'syntax-frontend-pull': syntaxFrontendPull,
  'systemd-environment-quoting': systemdEnvironmentQuoting,
  'systemd-percent-escape': systemdPercentEscape,
  'tls-inspection-ca': tlsInspectionCa,
};
