// Profile flags → ProfileInput, validated up front: a bad --proxy is bad input (exit 2), not a finding.
import { accessSync, constants } from 'node:fs';
import type { ProfileInput } from '@buildproxy/core';
import { parseProxyUrl } from '@buildproxy/core/proxy';
import type { Values } from './args.js';
import { UsageError } from './errors.js';

function checkUrl(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const r = parseProxyUrl(value);
  if (!r.ok) throw new UsageError(`--${flag}: ${r.problem.message}`, `fix: ${r.problem.fix}`);
  return value;
}

export async function profileFromFlags(v: Values): Promise<ProfileInput> {
  const input: ProfileInput = {};
  const proxy = checkUrl('proxy', v.proxy as string | undefined);
  const http = checkUrl('http-proxy', v['http-proxy'] as string | undefined);
  const https = checkUrl('https-proxy', v['https-proxy'] as string | undefined);
  if (proxy) input.proxy = proxy;
  if (http) input.httpProxy = http;
  if (https) input.httpsProxy = https;
  if (typeof v['no-proxy'] === 'string') input.noProxy = v['no-proxy'];
  const regs = (v.registry as string[] | undefined) ?? [];
  for (const r of regs) {
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(r) && !/^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(r)) {
      throw new UsageError(
        `--registry "${r}" is not HOST or HOST:PORT`,
        'fix: give the registry host, e.g. --registry registry.corp:5000',
      );
    }
  }
  if (regs.length) input.registries = regs;
  const mirrors = (v.mirror as string[] | undefined) ?? [];
  for (const r of mirrors) {
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(r))
      throw new UsageError(`--mirror "${r}" is not HOST or HOST:PORT`, 'fix: e.g. --mirror mirror.corp:5000');
  }
  if (mirrors.length) input.mirrors = mirrors;
  if (v['proxy-on-host'] === true) input.proxyOnHost = true;
  const ca = v['ca-cert'] as string | undefined;
  if (ca !== undefined) {
    try {
      accessSync(ca, constants.R_OK);
    } catch {
      throw new UsageError(
        `--ca-cert: cannot read ${ca}`,
        'fix: give the path of the corporate root CA in PEM format',
      );
    }
    input.caCert = ca;
  }
  return input;
}
