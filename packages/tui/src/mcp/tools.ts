// buildproxy's reading of a machine, for coding agents over the Model Context Protocol. Read-only by design:
// no tool writes a file, and none runs a command except the doctor's own probes (which have timeouts).
// Every answer passes through redactAll, as everything the CLI prints does.
import {
  analyze,
  buildReport,
  classifyError,
  closestRules,
  findRule,
  isTarget,
  makePlan,
  PlanError,
  readError,
  redactAll,
  resolveProfile,
  routeUrl,
  ruleMarkdown,
  TARGETS,
  type Target,
} from '@buildproxy/core';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Values } from '../args.js';
import { isUsageError } from '../errors.js';
import { getEvidence } from '../evidence-source.js';
import { profileFromFlags } from '../profile-flags.js';
import { redactedPlanJson } from '../render/plan.js';

/** Where the evidence comes from, as for the CLI's --root / --from / --timeout / --probes. */
const evidenceShape = {
  root: z
    .string()
    .max(4096)
    .optional()
    .describe(
      "read every absolute path under this directory instead of /, /proc too: processes and listening ports only from DIR/proc, else reported in notCaptured (never this host's)",
    ),
  from: z
    .string()
    .max(4096)
    .optional()
    .describe('replay an evidence bundle (buildproxy doctor --capture FILE)'),
  timeoutMs: z.number().int().min(1).max(60_000).optional().describe('timeout for each probe (default 3000)'),
  probes: z
    .enum(['auto', 'commands'])
    .optional()
    .describe('auto (default) or commands: every docker command'),
};

/** The proxy the user needs, as for the CLI's --proxy / --no-proxy / --registry … */
const profileShape = {
  proxy: z.string().max(2048).optional().describe('HTTP and HTTPS proxy URL'),
  httpProxy: z.string().max(2048).optional(),
  httpsProxy: z.string().max(2048).optional(),
  noProxy: z.string().max(8192).optional().describe('comma-separated NO_PROXY entries'),
  registries: z.array(z.string().max(300)).max(64).optional().describe('internal registries, HOST[:PORT]'),
  mirrors: z.array(z.string().max(300)).max(64).optional().describe('docker.io mirrors, HOST[:PORT]'),
  proxyOnHost: z.boolean().optional().describe("the proxy listens on this host's 127.0.0.1 (cntlm, px)"),
};

type EvidenceArgs = z.infer<z.ZodObject<typeof evidenceShape>>;
type ProfileArgs = z.infer<z.ZodObject<typeof profileShape>>;

/** Tool arguments as the CLI's parsed flags, so both go through the same validation with the same messages. */
function asValues(a: EvidenceArgs & ProfileArgs): Values {
  return {
    root: a.root,
    from: a.from,
    timeout: a.timeoutMs === undefined ? undefined : String(a.timeoutMs),
    probes: a.probes,
    proxy: a.proxy,
    'http-proxy': a.httpProxy,
    'https-proxy': a.httpsProxy,
    'no-proxy': a.noProxy,
    registry: a.registries,
    mirror: a.mirrors,
    'proxy-on-host': a.proxyOnHost,
  };
}

const text = (s: string, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: redactAll(s) }],
  ...(isError ? { isError: true } : {}),
});
const json = (v: unknown) => text(JSON.stringify(v, null, 2));

/** Bad input is an answer the agent can act on (the message and its fix), not a protocol error. */
async function guarded(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (e) {
    if (isUsageError(e)) return text(`${e.message}${e.hint ? `\n${e.hint}` : ''}`, true);
    if (e instanceof PlanError) return text(`${e.message}${e.hint ? `\n${e.hint}` : ''}`, true);
    return text(`internal error: ${e instanceof Error ? e.message : String(e)}`, true);
  }
}

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

export function registerTools(server: McpServer): void {
  server.registerTool(
    'doctor',
    {
      title: 'Diagnose docker build proxy settings',
      description:
        "Probe this machine (or --root / an evidence bundle) and return buildproxy's report (format buildproxy.report/v1): every actor's proxy (client, runtime, builder, run) and the findings, each with its rule id.",
      inputSchema: { ...evidenceShape, ...profileShape },
      annotations: READ_ONLY,
    },
    (a) =>
      guarded(async () => {
        const v = asValues(a);
        const profile = await profileFromFlags(v);
        return json(buildReport(await getEvidence(v), profile).report);
      }),
  );

  server.registerTool(
    'why',
    {
      title: 'Classify a docker build error',
      description:
        'Given the text of a failed build (docker build / buildx output), read it as an error chain: which requester made the failing request (client, runtime, builder, run), the cause (proxy unreachable, went direct, proxy refused or wants credentials, TLS inspection, timeout, or not a proxy problem at all), the fragment it was read from, and which rules to read.',
      inputSchema: {
        text: z.string().max(1_000_000).describe('the error text or the tail of the build log'),
      },
      annotations: READ_ONLY,
    },
    (a) => guarded(async () => json({ reading: readError(a.text), matches: classifyError(a.text) })),
  );

  server.registerTool(
    'route',
    {
      title: 'Which proxy each actor uses for a URL',
      description:
        "For a URL, whether each actor goes direct or through which proxy, and why (Go's NO_PROXY rules for client, runtime and builder; curl's for RUN steps). Profile fields answer for that configuration instead of the machine's.",
      inputSchema: {
        url: z
          .string()
          .max(4096)
          .regex(/^https?:\/\/[^/\s]+/i, 'an http:// or https:// URL'),
        ...evidenceShape,
        ...profileShape,
      },
      annotations: READ_ONLY,
    },
    (a) =>
      guarded(async () => {
        const v = asValues(a);
        const input = await profileFromFlags(v);
        const state = analyze(await getEvidence(v));
        const r = routeUrl(state, resolveProfile(input, state.layers, state.client), a.url);
        const actors = Object.fromEntries(
          Object.entries(r.actors).map(([k, x]) => [k, { proxy: x.proxy, known: x.known, reason: x.reason }]),
        );
        return json({ url: r.url, actors });
      }),
  );

  server.registerTool(
    'explain',
    {
      title: "Explain one of buildproxy's rules",
      description: 'The explanation of a rule id (as found in doctor findings or why matches), as markdown.',
      inputSchema: { rule: z.string().max(200).describe('a rule id, e.g. builder-proxy-missing') },
      annotations: READ_ONLY,
    },
    (a) =>
      guarded(async () => {
        const rule = findRule(a.rule);
        if (!rule)
          return text(`unknown rule "${a.rule}"; did you mean: ${closestRules(a.rule).join(', ')}?`, true);
        return text(ruleMarkdown(rule));
      }),
  );

  server.registerTool(
    'plan',
    {
      title: 'Plan the configuration changes (never applied)',
      description:
        'The configuration changes that fix the findings, as data: each file with its content before and after, and the commands a person would run. Nothing is written or run; passwords are redacted.',
      inputSchema: {
        targets: z
          .array(z.enum(TARGETS as unknown as [Target, ...Target[]]))
          .max(TARGETS.length)
          .optional()
          .describe('what to fix; default: the targets that fix the findings'),
        ...evidenceShape,
        ...profileShape,
      },
      annotations: READ_ONLY,
    },
    (a) =>
      guarded(async () => {
        const v = asValues(a);
        const input = await profileFromFlags(v);
        const evidence = await getEvidence(v);
        const targets = a.targets?.filter(isTarget);
        const { plan } = makePlan(evidence, input, targets ? { targets } : {});
        return text(redactedPlanJson(plan));
      }),
  );
}
