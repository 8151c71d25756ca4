declare const __BUILDPROXY_VERSION__: string;
