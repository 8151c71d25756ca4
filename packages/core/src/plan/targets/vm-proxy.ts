// A proxy on this host's loopback, rewritten for a VM: inside the VM 127.0.0.1 is the VM itself.
import { formatProxyUrl, isLoopbackHost, parseProxyUrl } from '../../proxy/url.js';

/** The URL with a loopback host replaced by `gateway` (the name the VM resolves to this host); others unchanged. */
export function forVm(value: string, gateway: string): string {
  const p = parseProxyUrl(value);
  if (!p.ok || !isLoopbackHost(p.url.host)) return value;
  return formatProxyUrl({ ...p.url, host: gateway });
}
