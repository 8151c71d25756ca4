// The core API for the PAC part of `doctor --network`: find the PAC file the machine names, fetch it (bounded),
// run it in the sandbox for every host a build needs, and return the evidence to attach to the bundle.
import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { pacSourceOf } from '../../analyze/pac.js';
import { resolveProfile } from '../../analyze/profile.js';
import { analyze } from '../../analyze/state.js';
import type { Profile, ProfileInput } from '../../analyze/types.js';
import type { PacEvidence } from '../../evidence/pac.js';
import type { Evidence } from '../../evidence/schema.js';
import { neededHosts } from '../../network/probe-plan.js';
import { PACKAGE_HOSTS } from '../../pac/hosts.js';
import { redactValue } from '../../proxy/redact.js';
import { evaluatePac } from './evaluate.js';
import { fetchPac } from './fetch.js';

export interface PacCaptureOptions {
  /** a PAC URL given by the user; else the one the machine names */
  url?: string;
  /** the fetch's whole deadline, and each evaluation's and DNS answer's (default 3000 ms) */
  timeoutMs?: number;
  /** default: the system resolver (getaddrinfo), IPv4 */
  resolve?: (name: string) => Promise<string | null>;
  /** default: this host's first non-internal IPv4 address */
  myIp?: string | null;
}

/** The URLs FindProxyForURL is asked about: docker.io's three hosts, the registries and mirrors, package hosts. */
export function pacTargets(profile: Profile): { host: string; url: string }[] {
  const out = neededHosts(profile).map((h) => {
    const host = h.host.includes(':') ? `[${h.host}]` : h.host;
    return { host: h.host, url: h.port === 443 ? `https://${host}/v2/` : `https://${host}:${h.port}/v2/` };
  });
  for (const p of PACKAGE_HOSTS) if (!out.some((o) => o.host === p.host)) out.push(p);
  return out;
}

function firstIpv4(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

async function systemResolve(name: string): Promise<string | null> {
  return (await lookup(name, { family: 4 })).address;
}

/** Null when the machine names no PAC file and none was given. */
export async function capturePac(
  evidence: Evidence,
  input: ProfileInput = {},
  opts: PacCaptureOptions = {},
): Promise<PacEvidence | null> {
  const state = analyze(evidence);
  const src = opts.url ? { url: opts.url, source: 'the --pac option' } : pacSourceOf(state);
  if (!src) return null;
  const profile = resolveProfile(input, state.layers, state.client);
  const timeoutMs = opts.timeoutMs ?? 3000;
  const fetched = await fetchPac(src.url, { timeoutMs });
  const base = { url: redactValue(src.url), source: src.source, fetch: fetched.fetch };
  if (fetched.script === null) return { ...base, error: null, answers: [], dns: {}, myIp: null };
  const ev = await evaluatePac(fetched.script, pacTargets(profile), {
    timeoutMs: Math.min(timeoutMs, 2000),
    resolve: opts.resolve ?? systemResolve,
    myIp: opts.myIp === undefined ? firstIpv4() : opts.myIp,
  });
  return { ...base, ...ev };
}
