// A registry as NO_PROXY sees it: host:port, with the port Docker assumes (443) when none is given.

/** The hosts every docker.io pull needs: the registry, the token service and the blob CDN. */
export const DOCKER_HUB_HOSTS = [
  'registry-1.docker.io',
  'auth.docker.io',
  'production.cloudflare.docker.com',
];

/** "registry.corp" → "registry.corp:443"; "https://registry.corp:5000/v2" → "registry.corp:5000". */
export function registryHostport(registry: string): string {
  const r = registry.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  return /:\d+$/.test(r) || /^\[.*\]:\d+$/.test(r) ? r : `${r}:443`;
}
