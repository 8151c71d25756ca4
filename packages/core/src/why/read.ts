// readError: one reading of a pasted error — who asked (actor), what went wrong (cause), the fragment that says
// so, and, with the analysed machine at hand, the requester by name ("builder "ci" (docker-container)").
import type { Actor, State } from '../analyze/types.js';
import type { ScanCounter } from '../proxy/redact.js';
import type { DialAddress } from './address.js';
import * as O from './causes-other.js';
import type { CauseHit } from './causes-proxy.js';
import * as P from './causes-proxy.js';
import { explain } from './explain.js';
import { findRequester } from './requester.js';
import { type RequesterFacts, requesterFacts } from './requester-label.js';
import { errorText, excerpt, has, metered, touch } from './text.js';
import { CAUSE_ORDER, CAUSES, type CauseFamily, type CauseId, FAMILY_IS_PROXY } from './vocabulary.js';

export interface ErrorReading {
  recognised: boolean;
  actor: Actor | null;
  /** the requester as named for a person (with the machine's builder when known) */
  requester: string | null;
  cause: CauseId | null;
  family: CauseFamily | null;
  /** false for the not-proxy family: no proxy setting fixes it */
  proxyProblem: boolean;
  title: string | null;
  explanation: string;
  rules: string[];
  /** the sanitised fragment the cause was read from */
  excerpt: string;
  /** the address Go or the tool dialled, when the text names one */
  address: string | null;
  /** other causes in the same text that the first one does not cover */
  also: CauseId[];
}

const DETECTORS: Record<CauseId, (lower: string) => CauseHit | null> = {
  'systemd-specifier': O.systemdSpecifier,
  'daemon-json-unknown': O.daemonJsonUnknown,
  'daemon-flag-conflict': O.daemonFlagConflict,
  'driver-opt-csv': O.driverOptCsv,
  'driver-opt-env-unsupported': O.driverOptEnv,
  'host-gateway-unsupported': O.hostGateway,
  'build-arg-flag': O.buildArgFlag,
  'socks-unsupported': O.socksUnsupported,
  'proxy-url-no-scheme': O.proxyNoScheme,
  'client-config-proxies': O.clientConfigProxies,
  'daemon-down': O.daemonDown,
  'buildkitd-unreachable': O.buildkitdUnreachable,
  'pac-rejected': P.pacRejected,
  'pac-socks-disabled': P.pacSocksDisabled,
  'rootless-host-loopback': P.rootlessLoopback,
  'double-scheme': P.doubleScheme,
  'proxy-url-empty': P.proxyUrlEmpty,
  'proxy-tls-mismatch': P.proxyTlsMismatch,
  'proxy-auth': P.proxyAuth,
  'proxy-unreachable': P.proxyUnreachable,
  'proxy-refused': P.proxyRefused,
  'client-certificate': O.clientCertificate,
  'tls-inspection': P.tlsInspection,
  'registry-auth': O.registryAuth,
  direct: O.direct,
  timeout: O.timeout,
};

/** A specific cause covers the generic ones of these families (they describe the same failure less well). */
const COVERS: Partial<Record<CauseFamily, CauseFamily[]>> = {
  proxyconnect: ['direct', 'timeout'],
  'proxy-url': ['proxyconnect', 'direct', 'timeout'],
  rootless: ['proxyconnect', 'direct', 'timeout'],
  pac: ['direct', 'timeout'],
  'proxy-auth': ['proxy-refused', 'timeout'],
  'proxy-refused': ['timeout', 'not-proxy'],
  direct: ['timeout'],
  'not-proxy': ['direct', 'timeout', 'proxy-refused'],
  'builder-option': ['direct', 'timeout'],
};

const NONE: ErrorReading = {
  recognised: false,
  actor: null,
  requester: null,
  cause: null,
  family: null,
  proxyProblem: false,
  title: null,
  explanation: 'No known build-network failure in that text.',
  rules: [],
  excerpt: '',
  address: null,
  also: [],
};

/**
 * What only the machine can tell: a loopback proxy that refused rootless dockerd (pulling, or building with the
 * docker driver) was RootlessKit's own loopback, not a proxy that is down; the rootless cause carries its fix.
 */
function onThisMachine(
  hit: CauseHit,
  actor: Actor | null,
  who: RequesterFacts | null,
  state?: State | null,
): CauseId {
  if (hit.cause !== 'proxy-unreachable' || !hit.address?.loopback) return hit.cause;
  if (!state?.docker.rootless || state.docker.desktop) return hit.cause;
  const inDockerd =
    actor === 'runtime' ||
    (actor === 'builder' && !who?.standaloneBuildkitd && who?.builder?.driver === 'docker');
  return inDockerd ? 'rootless-host-loopback' : hit.cause;
}

/**
 * `counter`, when given, counts the characters every search touches (the security suite's linearity proof).
 * `shell`: without a machine, the reader's own shell still says where buildctl goes (BUILDKIT_HOST).
 */
export function readError(
  raw: string,
  state?: State | null,
  counter?: ScanCounter,
  shell?: { BUILDKIT_HOST?: string | undefined },
): ErrorReading {
  return metered(counter, () => reading(raw, state, shell));
}

function reading(
  raw: string,
  state?: State | null,
  shell?: { BUILDKIT_HOST?: string | undefined },
): ErrorReading {
  const t = errorText(raw);
  const hits: CauseHit[] = [];
  for (const id of CAUSE_ORDER) {
    const h = DETECTORS[id](t.lower);
    if (h) hits.push(h);
  }
  const first = hits[0];
  if (!first) return { ...NONE };
  const found = findRequester(t.lower, first.at, first.tool);
  const actor = found?.actor ?? CAUSES[first.cause].actor ?? null;
  const who = actor ? requesterFacts(actor, state, shell?.BUILDKIT_HOST) : null;
  const cause = onThisMachine(first, actor, who, state);
  const family = CAUSES[cause].family;
  const covered = new Set<CauseFamily>([family, ...(COVERS[family] ?? [])]);
  const also = hits.slice(1).filter((h) => !covered.has(CAUSES[h.cause].family));
  touch(t.lower.length);
  const syntaxFrontend = /resolve image config for (docker-image:\/\/)?[a-z0-9./-]{0,80}dockerfile/.test(
    t.lower,
  );
  const gitSource = actor === 'builder' && has(t.lower, 'unable to access') && has(t.lower, '.git');
  const ctx = { actor, who, address: first.address, syntaxFrontend, gitSource };
  const { explanation, rules } = explain(cause, ctx);
  const address: DialAddress | undefined = first.address;
  return {
    recognised: true,
    actor,
    requester: who?.label ?? null,
    cause,
    family,
    proxyProblem: FAMILY_IS_PROXY[family],
    title: CAUSES[cause].title,
    explanation,
    rules: family === 'not-proxy' ? [] : rules,
    excerpt: excerpt(t, Math.min(first.at, found && found.at < first.at ? found.at : first.at), first.end),
    address: address?.text ?? null,
    also: [...new Set(also.map((h) => h.cause))],
  };
}
