import { maskEvidence } from '@buildproxy/core/evidence';
import { writePrivateFile } from '@buildproxy/core/node';
import { redactAll } from '@buildproxy/core/proxy';
import { EVIDENCE, PROFILE, parse } from '../args.js';
import { readErrorInput } from '../error-input.js';
import { UsageError } from '../errors.js';
import { getEvidence } from '../evidence-source.js';
import type { Io } from '../io.js';
import { profileFromFlags } from '../profile-flags.js';
import { renderReport } from '../render/report.js';
import { sibling } from '../sibling.js';

export const DOCTOR_HELP = `Usage: buildproxy doctor [options]

Capture every actor's proxy state (client, runtime, builder, RUN steps) and diagnose it.

Evidence:
  --from FILE          replay a captured bundle instead of probing this machine
  --capture FILE       also write the evidence bundle (passwords masked) to FILE
  --root DIR           read every absolute path under DIR instead of /
  -f, --file FILE      the Dockerfile to check (default ./Dockerfile when present)
  --timeout MS         timeout for each probe (default 3000)
  --command STR        the build command you run ("buildctl build …", "docker build …", "docker buildx build …",
                       "docker compose build"): the builder it reaches and the build args it passes
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

export async function doctor(argv: string[], io: Io): Promise<number> {
  const { values } = parse('doctor', argv, {
    ...EVIDENCE,
    ...PROFILE,
    json: { type: 'boolean' },
    capture: { type: 'string' },
    error: { type: 'string' },
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
  const profile = await profileFromFlags(values);
  const errorText =
    typeof values.error === 'string'
      ? await readErrorInput(values.error, process.stdin, io.stdinIsTTY)
      : null;
  // Probes first, then load the analysis (its own file) while the daemon answers and probe processes run.
  const evidence = getEvidence(values);
  evidence.catch(() => {}); // awaited below; this only keeps an early rejection from being reported as unhandled
  await new Promise((r) => setImmediate(r)); // let the probes send their requests and start their processes
  const { buildReport, exitCodeFor, readError, renderReading } = sibling(
    './report.cjs',
  ) as typeof import('../report-entry.js');
  const ev = await evidence;
  if (typeof values.capture === 'string') {
    const w = writePrivateFile(values.capture, `${JSON.stringify(maskEvidence(ev), null, 2)}\n`);
    if (!w.ok) throw new UsageError(`cannot write ${values.capture}: ${w.message}`);
    for (const n of w.notes) io.err(`${values.capture}: ${n}\n`);
  }
  const { report, state } = buildReport(ev, profile);
  // The pasted error, read with this machine: the requester by name (builder "ci" (docker-container)).
  const reading = errorText === null ? null : readError(errorText, state);
  const st = io.style(values['no-color'] === true);
  if (values.json)
    io.out(
      `${redactAll(JSON.stringify(reading ? { ...report, errorReading: reading } : report, null, 2))}\n`,
    );
  else {
    if (reading) io.out(`${st.bold('The build error')}\n${renderReading(reading, st)}\n`);
    io.out(renderReport(report, st));
  }
  if (typeof values.capture === 'string' && !values.json)
    io.err(`Evidence written to ${values.capture} (passwords masked).\n`);
  return Math.max(exitCodeFor(report.findings), reading?.recognised ? 1 : 0);
}
