// Argument parsing on node:util parseArgs, with errors that say which flag is wrong and what it expects.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isUsageError, UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON: Options = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'no-color': { type: 'boolean' },
};

export const PROFILE: Options = {
  proxy: { type: 'string' },
  'http-proxy': { type: 'string' },
  'https-proxy': { type: 'string' },
  'no-proxy': { type: 'string' },
  registry: { type: 'string', multiple: true },
  mirror: { type: 'string', multiple: true },
  'proxy-on-host': { type: 'boolean' },
  'ca-cert': { type: 'string' },
};

export const EVIDENCE: Options = {
  from: { type: 'string' },
  root: { type: 'string' },
  file: { type: 'string', short: 'f' },
  timeout: { type: 'string' },
  probes: { type: 'string' },
  command: { type: 'string' },
};

export function parse(command: string, argv: string[], options: Options, allowPositionals = 0) {
  try {
    const r = parseArgs({
      args: argv,
      options: { ...COMMON, ...options },
      allowPositionals: allowPositionals > 0,
      strict: true,
    });
    if (r.positionals.length > allowPositionals) {
      throw new UsageError(
        `unexpected argument "${r.positionals[allowPositionals]}"`,
        `see: buildproxy ${command} --help`,
      );
    }
    return r;
  } catch (e) {
    if (isUsageError(e)) throw e;
    const msg =
      e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw new UsageError(
      msg.replace(/^Unknown option/, 'unknown option'),
      `see: buildproxy ${command} --help`,
    );
  }
}

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
