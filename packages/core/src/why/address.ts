// The host:port a Go "dial tcp" fragment names, and what kind of address it is. Bounded token reads, no regex
// backtracking: the input is untrusted.
import { tokenAt } from './text.js';

export interface DialAddress {
  text: string; // "127.0.0.1:3128", "[::1]:443", "proxy.corp:8080", ":0"
  host: string;
  port: string;
  loopback: boolean;
}

export function splitHostPort(token: string): DialAddress {
  const t = token.replace(/[.:]+$/, (m) => (m.startsWith(':') && m.length === 1 ? m : ''));
  let host = t;
  let port = '';
  if (t.startsWith('[')) {
    const close = t.indexOf(']');
    host = close > 0 ? t.slice(1, close) : t.slice(1);
    port = close > 0 && t[close + 1] === ':' ? t.slice(close + 2) : '';
  } else {
    const colon = t.lastIndexOf(':');
    if (colon >= 0) {
      host = t.slice(0, colon);
      port = t.slice(colon + 1);
    }
  }
  const h = host.toLowerCase();
  const loopback = h === 'localhost' || h === '::1' || h.startsWith('127.');
  return { text: t, host, port, loopback };
}

/** The address after `dial tcp ` at `at` (the index just past that prefix), up to the next ": ". */
export function dialAddressAt(lower: string, at: number): DialAddress | null {
  const token = tokenAt(lower, at);
  // "dial tcp 1.2.3.4:443: i/o timeout" → token "1.2.3.4:443:"; drop the fragment separator
  const t = token.endsWith(':') ? token.slice(0, -1) : token;
  if (!t || t === 'lookup' || t.startsWith('lookup')) return null;
  return splitHostPort(t);
}

/** Ports a proxy is unlikely to listen on: a refused 80/443 is the target itself, anything else a proxy. */
export function isWebPort(port: string): boolean {
  return port === '80' || port === '443' || port === 'http' || port === 'https' || port === '';
}
