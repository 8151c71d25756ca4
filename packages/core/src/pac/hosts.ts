// The hosts a PAC file is asked about besides the registries: the package hosts RUN steps commonly fetch from.

/** Debian/Ubuntu/Alpine packages, npm, PyPI: host and a URL of the kind a RUN step requests. */
export const PACKAGE_HOSTS = [
  { host: 'deb.debian.org', url: 'http://deb.debian.org/debian/' },
  { host: 'archive.ubuntu.com', url: 'http://archive.ubuntu.com/ubuntu/' },
  { host: 'dl-cdn.alpinelinux.org', url: 'https://dl-cdn.alpinelinux.org/alpine/' },
  { host: 'registry.npmjs.org', url: 'https://registry.npmjs.org/' },
  { host: 'pypi.org', url: 'https://pypi.org/simple/' },
];
