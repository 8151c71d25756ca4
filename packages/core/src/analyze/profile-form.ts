// The intended proxy in two more shapes: the fields of a form (the wizard's network screen, typed text and
// switches) and the command-line flags (what the docs print beside an example). One module maps between them
// and ProfileInput, so a new flag cannot be forgotten by one face; a round-trip test holds the three together.
import { proxyOnLoopback } from '../proxy/url.js';
import type { Profile, ProfileInput } from './types.js';

export interface ProfileForm {
  /** the HTTP proxy, or the one proxy for both */
  proxy: string;
  separateHttps: boolean;
  httpsProxy: string;
  noProxy: string;
  /** lists as typed: comma- or space-separated */
  registries: string;
  mirrors: string;
  tlsInspect: boolean;
  caCert: string;
  /** the proxy listens on this host's loopback (--proxy-on-host) */
  loopback: boolean;
}

export const EMPTY_PROFILE_FORM: ProfileForm = {
  proxy: '',
  separateHttps: false,
  httpsProxy: '',
  noProxy: '',
  registries: '',
  mirrors: '',
  tlsInspect: false,
  caCert: '',
  loopback: false,
};

/** A list field as typed: entries separated by commas or white space. */
export function listField(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function profileFromForm(f: ProfileForm): ProfileInput {
  const input: ProfileInput = {};
  if (f.separateHttps && f.httpsProxy) {
    input.httpProxy = f.proxy;
    input.httpsProxy = f.httpsProxy;
  } else if (f.proxy) input.proxy = f.proxy;
  if (f.noProxy) input.noProxy = f.noProxy;
  const registries = listField(f.registries);
  if (registries.length) input.registries = registries;
  const mirrors = listField(f.mirrors);
  if (mirrors.length) input.mirrors = mirrors;
  if (f.tlsInspect && f.caCert) input.caCert = f.caCert;
  if (f.loopback) input.proxyOnHost = true;
  return input;
}

/**
 * The proxy fields for a profile input, by plan's rule (resolveProfile): HTTP is --http-proxy or --proxy, HTTPS is
 * --https-proxy or --proxy, each falling back to the other. Nothing given: no proxy fields at all.
 */
function proxyFields(input: ProfileInput): Partial<ProfileForm> {
  const http = input.httpProxy ?? input.proxy;
  const https = input.httpsProxy ?? input.proxy;
  if (!http && !https) return {};
  const proxy = (http ?? https)!;
  const separate = !!https && https !== proxy;
  return { proxy, separateHttps: separate, httpsProxy: separate ? https! : '' };
}

/** What the user gave (flags): the fields it fills. An empty field means "not given", as the wizard merges. */
export function formFromInput(input: ProfileInput): Partial<ProfileForm> {
  return {
    ...proxyFields(input),
    noProxy: input.noProxy ?? '',
    registries: (input.registries ?? []).join(','),
    mirrors: (input.mirrors ?? []).join(','),
    loopback: input.proxyOnHost ?? false,
    tlsInspect: !!input.caCert,
    caCert: input.caCert ?? '',
  };
}

/** What was found on the machine (the resolved profile): the form the wizard starts from. */
export function formFromProfile(profile: Profile): ProfileForm {
  const proxy = profile.httpProxy ?? profile.httpsProxy ?? '';
  const separate = !!profile.httpsProxy && !!profile.httpProxy && profile.httpsProxy !== profile.httpProxy;
  return {
    ...EMPTY_PROFILE_FORM,
    proxy,
    separateHttps: separate,
    httpsProxy: profile.httpsProxy && profile.httpsProxy !== profile.httpProxy ? profile.httpsProxy : '',
    noProxy: profile.noProxy.join(','),
    loopback: proxyOnLoopback(proxy),
  };
}

/** The flags that give this profile to `buildproxy doctor`, `plan` or the wizard, in the order --help lists them. */
export function profileFlags(p: ProfileInput): string[] {
  const out: string[] = [];
  if (p.proxy) out.push('--proxy', p.proxy);
  if (p.httpProxy) out.push('--http-proxy', p.httpProxy);
  if (p.httpsProxy) out.push('--https-proxy', p.httpsProxy);
  if (p.noProxy) out.push('--no-proxy', p.noProxy);
  for (const r of p.registries ?? []) out.push('--registry', r);
  for (const m of p.mirrors ?? []) out.push('--mirror', m);
  if (p.caCert) out.push('--ca-cert', p.caCert);
  if (p.proxyOnHost) out.push('--proxy-on-host');
  return out;
}
