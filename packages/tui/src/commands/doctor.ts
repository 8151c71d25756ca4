import type { ProfileInput } from '@buildproxy/core';
import { type Evidence, maskEvidence, type PacEvidence } from '@buildproxy/core/evidence';
import { writePrivateFile } from '@buildproxy/core/node';
import { redactAll } from '@buildproxy/core/proxy';
import { EVIDENCE, PROFILE, parse } from '../args.js';
import { readErrorInput } from '../error-input.js';
import { UsageError } from '../errors.js';
import { getEvidence, timeoutFrom } from '../evidence-source.js';
import type { Io } from '../io.js';
import { profileFromFlags } from '../profile-flags.js';
import { renderReport } from '../render/report.js';
import { sibling } from '../sibling.js';

export const DOCTOR_HELP = `Usage: buildproxy doctor [options]

Capture every actor's proxy state (client, runtime, builder, RUN steps) and diagnose it.

Evidence:
  --from FILE          replay a captured bundle instead of probing this machine
  --capture FILE       also write the evidence bundle (passwords masked) to FILE
  --root DIR           read every absolute path under DIR instead of /, /proc too: the running daemons and
                       listening ports come only from DIR/proc; without it they are "Not captured" (said in
                       the report), never this host's. Commands (docker, systemctl) still run on this host
  -f, --file FILE      the Dockerfile to check (default ./Dockerfile when present)
  --timeout MS         timeout for each probe (default 3000)
  --command STR        the build command you run ("buildctl build …", "docker build …", "docker buildx build …",
                       "docker compose build"): the builder it reaches and the build args it passes
  --network            also ask the network (opt-in): TCP to each actor's proxy, CONNECT to docker.io's hosts
                       and your registries with each actor's NO_PROXY, TLS through the tunnel (inspection),
                       and the same hosts directly; credentials go only to the proxy they belong to
  --save-ca FILE       with --network: save the CA a TLS-inspecting proxy presented (PEM) to FILE
  --pac URL            with --network: the PAC file to run (default: the one the system proxy, Docker
                       Desktop or WSL names); it is fetched directly and run in a sandbox for docker.io's
                       hosts, your registries and package hosts
  --probes MODE        auto (default): ask a local daemon's API directly and run buildx only when it has
                       builders of its own; commands: run every docker command, as you would by hand

The proxy you need (default: inferred from your shell, then from any configured layer):
  --proxy URL          HTTP and HTTPS proxy
  --http-proxy URL     HTTP proxy only
  --https-proxy URL    HTTPS proxy only
  --no-proxy LIST      comma-separated NO_PROXY entries
  --registry HOST[:PORT]  an internal registry (repeatable)
  --mirror HOST[:PORT]    a docker.io mirror (repeatable)
  --proxy-on-host      the proxy listens on this host's 127.0.0.1 (cntlm, px)
  --ca-cert FILE       corporate root CA of a TLS-inspecting proxy

The build error you saw (optional):
  --error FILE|-       read the failing build's output from FILE, or from stdin with -, and say which
                       requester on this machine made the failing request and what fixes it

Output:
  --json               print buildproxy.report/v1 (with --error: an added "errorReading")
  --no-color           plain text (also NO_COLOR=1)

Exit: 0 no errors, 1 at least one error finding (or --error shows a recognised failure), 2 bad usage or
bad input.
`;

/** The PAC part of --network: its sandbox (dist/pac.cjs) is loaded only when a PAC file is named. */
async function capturePacIfNamed(
  ev: Evidence,
  profile: ProfileInput,
  timeoutMs: number,
  url: string | undefined,
): Promise<PacEvidence | null> {
  const { analyze, pacSourceOf } = sibling('./network.cjs') as typeof import('../network-entry.js');
  if (url === undefined && !pacSourceOf(analyze(ev))) return null;
  const { capturePac } = sibling('./pac.cjs') as typeof import('../pac-entry.js');
  return capturePac(ev, profile, { timeoutMs, ...(url !== undefined ? { url } : {}) });
}

export async function doctor(argv: string[], io: Io): Promise<number> {
  const { values } = parse('doctor', argv, {
    ...EVIDENCE,
    ...PROFILE,
    json: { type: 'boolean' },
    capture: { type: 'string' },
    error: { type: 'string' },
    network: { type: 'boolean' },
    'save-ca': { type: 'string' },
    pac: { type: 'string' },
  });
  if (values.help) {
    io.out(DOCTOR_HELP);
    return 0;
  }
  if (values.capture !== undefined && values.from !== undefined) {
    throw new UsageError(
      '--capture and --from cannot be combined',
      'fix: capture on the machine with the problem, replay elsewhere with --from',
    );
  }
  if (values.pac !== undefined && !values.network)
    throw new UsageError('--pac needs --network', 'fix: buildproxy doctor --network --pac URL');
  if (values['save-ca'] !== undefined && !values.network)
    throw new UsageError('--save-ca needs --network', 'fix: buildproxy doctor --network --save-ca FILE');
  if (values.network && values.from !== undefined)
    throw new UsageError(
      '--network probes this machine, --from replays a bundle',
      'fix: drop --network to replay (a bundle captured with --network keeps its results)',
    );
  const profile = await profileFromFlags(values);
  const errorText =
    typeof values.error === 'string'
      ? await readErrorInput(values.error, process.stdin, io.stdinIsTTY)
      : null;
  // Probes first, then load the analysis (its own file) while the daemon answers and probe processes run.
  const evidence = getEvidence(values);
  evidence.catch(() => {}); // awaited below; this only keeps an early rejection from being reported as unhandled
  await new Promise((r) => setImmediate(r)); // let the probes send their requests and start their processes
  const { buildReport, exitCodeFor, renderNetwork, renderReading } = sibling(
    './report.cjs',
  ) as typeof import('../report-entry.js');
  let ev = await evidence;
  if (values.network) {
    const { captureNetwork, inspectingCa } = sibling('./network.cjs') as typeof import('../network-entry.js');
    // Probed with the unmasked evidence: credentials go to their own proxy; the bundle keeps them masked.
    const timeoutMs = timeoutFrom(values);
    const network = await captureNetwork(ev, profile, {
      timeoutMs,
      directTimeoutMs: Math.min(1500, timeoutMs), // direct is a hint: short, never longer than a proxy probe
      root: values.root as string | undefined,
    });
    ev = { ...ev, network };
    const pac = await capturePacIfNamed(ev, profile, timeoutMs, values.pac as string | undefined);
    if (pac) ev = { ...ev, pac };
    if (typeof values['save-ca'] === 'string') {
      const ca = inspectingCa(network);
      if (!ca)
        io.err('--save-ca: no TLS-inspecting CA was seen (every chain verified against the public roots)\n');
      else {
        const w = writePrivateFile(values['save-ca'], ca.pem);
        if (!w.ok) throw new UsageError(`cannot write ${values['save-ca']}: ${w.message}`);
        io.err(
          `Saved the CA "${(ca.issuer ?? '?').replace(/[\x00-\x1f\x7f-\x9f]/g, '?')}" (SHA-256 ${ca.fingerprint ?? '?'}) to ${values['save-ca']}; check the fingerprint with your IT before trusting it.\n`,
        );
      }
    }
  }
  if (typeof values.capture === 'string') {
    const w = writePrivateFile(values.capture, `${JSON.stringify(maskEvidence(ev), null, 2)}\n`);
    if (!w.ok) throw new UsageError(`cannot write ${values.capture}: ${w.message}`);
    for (const n of w.notes) io.err(`${values.capture}: ${n}\n`);
  }
  const { report, state } = buildReport(ev, profile);
  // The pasted error, read with this machine: the requester by name (builder "ci" (docker-container)).
  const reading =
    errorText === null
      ? null
      : (sibling('./reading.cjs') as typeof import('../reading-entry.js')).readError(errorText, state);
  const st = io.style(values['no-color'] === true);
  if (values.json)
    io.out(
      `${redactAll(JSON.stringify(reading ? { ...report, errorReading: reading } : report, null, 2))}\n`,
    );
  else {
    if (reading) io.out(`${st.bold('The build error')}\n${renderReading(reading, st)}\n`);
    if (ev.network) io.out(renderNetwork(ev.network, st));
    io.out(renderReport(report, st));
  }
  if (typeof values.capture === 'string' && !values.json)
    io.err(`Evidence written to ${values.capture} (passwords masked).\n`);
  return Math.max(exitCodeFor(report.findings), reading?.recognised ? 1 : 0);
}
