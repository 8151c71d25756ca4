// Run a fetched PAC file's FindProxyForURL for the hosts a build needs, never in Node itself: pac-resolver compiles
// it into a QuickJS VM (quickjs-wasi, WebAssembly) with no require, process, fetch or file access. Every run is
// bounded: a wall-clock deadline checked by QuickJS's interrupt handler (infinite loops), a memory limit, a
// stack limit, and a timer for a result that never settles. The PAC functions that touch the network are
// replaced by synchronous stubs over a table this file fills with a bounded resolver between two passes, so the
// script never waits on DNS and never opens a socket (pac-resolver's own myIpAddress dials 8.8.8.8).
import { isIPv4 } from 'node:net';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import type { PacAnswer } from '../../evidence/pac.js';
import { quickJsModule } from './wasm.js';

export interface PacEvalOptions {
  /** per FindProxyForURL call, and for the script's top level (default 2000 ms) */
  timeoutMs?: number;
  /** the QuickJS heap (default 32 MiB) */
  memoryBytes?: number;
  /** resolve one name to an IPv4 address; called at most MAX_NAMES times, each raced against timeoutMs */
  resolve?: (name: string) => Promise<string | null>;
  /** what myIpAddress() returns (default 127.0.0.1: the capture never dials out to learn it) */
  myIp?: string | null;
}

export interface PacEvaluation {
  /** why nothing could be evaluated: the script does not compile, has no FindProxyForURL, its top level hangs */
  error: string | null;
  answers: PacAnswer[];
  dns: Record<string, string | null>;
  myIp: string | null;
}

const MAX_NAMES = 32;
/** one pass over all the hosts may take this many calls' timeouts */
const BUDGET_CALLS = 4;
const MAX_ANSWER = 512;
const NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})$/;

function ipv4Int(ip: string): number | null {
  if (!isIPv4(ip)) return null;
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

/** isInNet's check: ip & mask == pattern & mask, all dotted IPv4; false for anything else. */
export function inNet(ip: string | null, pattern: string, mask: string): boolean {
  const [a, p, m] = [ip ?? '', String(pattern), String(mask)].map(ipv4Int);
  if (a == null || p == null || m == null) return false;
  // >>> 0: JavaScript's & is signed 32-bit; compare as unsigned
  return (a & m) >>> 0 === (p & m) >>> 0;
}

/** isInNetEx's check (Microsoft's IPv6-aware extension): "10.0.0.0/8". IPv4 only here. */
function inPrefix(ip: string | null, prefix: string): boolean {
  const [net, bits] = String(prefix).split('/');
  const b = Number(bits);
  if (!net || !Number.isInteger(b) || b < 0 || b > 32) return false;
  const mask =
    b === 0 ? '0.0.0.0' : [24, 16, 8, 0].map((s) => ((0xffffffff << (32 - b)) >>> s) & 255).join('.');
  return inNet(ip, net, mask);
}

function message(e: unknown): string {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as Error).name) : 'Error';
  const text = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
  return `${name}: ${text}`.replace(/[\x00-\x1f\x7f-\x9f]/g, ' ').slice(0, 300);
}

function describeFailure(e: unknown, timeoutMs: number): string {
  const m = message(e);
  if (/interrupted/.test(m) || m === 'Error: pac-timeout')
    return `did not finish within ${timeoutMs} ms (an endless loop, or a script too slow to use)`;
  if (/out of memory/.test(m)) return 'ran out of memory (the sandbox allows 32 MiB)';
  if (/Maximum call stack/.test(m)) return 'recursed too deep (stack overflow)';
  return `threw ${m}`;
}

interface Pass {
  error: string | null;
  answers: PacAnswer[];
  asked: Set<string>;
}

async function runPass(
  script: string,
  targets: { host: string; url: string }[],
  known: Map<string, string | null>,
  myIp: string,
  opts: { timeoutMs: number; memoryBytes: number },
): Promise<Pass> {
  const asked = new Set<string>();
  const lookup = (h: unknown): string | null => {
    const name = String(h ?? '');
    if (isIPv4(name)) return name;
    if (known.has(name)) return known.get(name) ?? null;
    if (NAME.test(name) && asked.size < MAX_NAMES) asked.add(name);
    return null;
  };
  let deadline = Date.now() + opts.timeoutMs;
  const vm = await QuickJS.create({
    wasm: await quickJsModule(),
    memoryLimit: opts.memoryBytes,
    maxStackSize: 256 * 1024,
    interruptHandler: () => Date.now() > deadline,
  });
  const sandbox = {
    dnsResolve: (h: unknown) => lookup(h),
    dnsResolveEx: (h: unknown) => lookup(h) ?? '',
    isResolvable: (h: unknown) => lookup(h) !== null,
    isResolvableEx: (h: unknown) => lookup(h) !== null,
    isInNet: (h: unknown, p: unknown, m: unknown) => inNet(lookup(h), String(p), String(m)),
    isInNetEx: (h: unknown, prefix: unknown) => inPrefix(lookup(h), String(prefix)),
    myIpAddress: () => myIp,
    myIpAddressEx: () => myIp,
    alert: () => undefined,
  };
  try {
    let find: ReturnType<typeof createPacResolver>;
    // The script's own time starts here: loading the WebAssembly and creating the VM above is ours, and on a
    // loaded machine it alone could use up the budget and blame the file ("did not finish") for it.
    deadline = Date.now() + opts.timeoutMs;
    try {
      find = createPacResolver(vm, script, { filename: 'proxy.pac', sandbox });
    } catch (e) {
      return { error: `the PAC file ${describeFailure(e, opts.timeoutMs)}`, answers: [], asked };
    }
    const answers: PacAnswer[] = [];
    // one call that ran out of time stops the rest: a looping script would otherwise cost timeoutMs per host
    let stuck: string | null = null;
    // and a slow script that never quite times out still gets one budget for all the hosts of a pass
    const budgetEnd = Date.now() + opts.timeoutMs * BUDGET_CALLS;
    for (const t of targets) {
      if (stuck === null && Date.now() > budgetEnd)
        stuck = 'the hosts before it (the time for all of them ran out)';
      if (stuck !== null) {
        answers.push({ ...t, answer: null, error: `was not asked: the call for ${stuck} did not finish` });
        continue;
      }
      deadline = Date.now() + opts.timeoutMs;
      let timer: NodeJS.Timeout | undefined;
      try {
        const r = await Promise.race([
          find(t.url, t.host),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('pac-timeout')), opts.timeoutMs);
          }),
        ]);
        answers.push(
          typeof r === 'string'
            ? { ...t, answer: r.slice(0, MAX_ANSWER), error: null }
            : { ...t, answer: null, error: `returned ${r === null ? 'null' : typeof r}, not a string` },
        );
      } catch (e) {
        const why = describeFailure(e, opts.timeoutMs);
        if (why.startsWith('did not finish')) stuck = t.host;
        answers.push({ ...t, answer: null, error: why });
      } finally {
        clearTimeout(timer);
      }
    }
    return { error: null, answers, asked };
  } finally {
    try {
      vm.dispose();
    } catch {
      // a VM left mid-call by the timer race may refuse to dispose; it is garbage either way
    }
  }
}

async function resolveAll(
  names: Iterable<string>,
  resolve: (name: string) => Promise<string | null>,
  timeoutMs: number,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  await Promise.all(
    [...names].slice(0, MAX_NAMES).map(async (n) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((r) => {
        timer = setTimeout(() => r(null), timeoutMs);
      });
      try {
        const ip = await Promise.race([resolve(n).catch(() => null), late]);
        out.set(n, ip && isIPv4(ip) ? ip : null);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return out;
}

/**
 * FindProxyForURL for each target. The first pass records the names the script resolves; the bounded resolver
 * answers them (in parallel, each raced against the timeout); the second pass runs with those answers.
 */
export async function evaluatePac(
  script: string,
  targets: { host: string; url: string }[],
  options: PacEvalOptions = {},
): Promise<PacEvaluation> {
  const opts = { timeoutMs: options.timeoutMs ?? 2000, memoryBytes: options.memoryBytes ?? 32 * 1024 * 1024 };
  const myIp = options.myIp && isIPv4(options.myIp) ? options.myIp : '127.0.0.1';
  const known = new Map<string, string | null>();
  let pass = await runPass(script, targets, known, myIp, opts);
  if (pass.error === null && pass.asked.size > 0 && options.resolve) {
    for (const [n, ip] of await resolveAll(pass.asked, options.resolve, opts.timeoutMs)) known.set(n, ip);
    pass = await runPass(script, targets, known, myIp, opts);
  } else for (const n of pass.asked) known.set(n, null);
  for (const n of pass.asked) if (!known.has(n)) known.set(n, null);
  return { error: pass.error, answers: pass.answers, dns: Object.fromEntries(known), myIp };
}
