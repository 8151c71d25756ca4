// buildproxy mcp: a Model Context Protocol server over stdio (stdin/stdout carry JSON-RPC; nothing else may
// write to stdout). It ends when the client closes stdin.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parse } from '../args.js';
import type { Io } from '../io.js';
import { registerTools } from '../mcp/tools.js';

export const MCP_HELP = `Usage: buildproxy mcp

A Model Context Protocol server over stdio, for coding agents that run docker build. Tools:
  doctor    the report (buildproxy.report/v1) of this machine, a --root tree or an evidence bundle
  why       error text → the actor it points to, the cause and the rules
  route     URL → direct or which proxy, per actor
  explain   a rule's explanation (markdown)
  plan      the configuration changes that fix the findings, as data; never applied
Read-only: it writes nothing and runs no command but the doctor's probes. Passwords are redacted.

Register it with an MCP client as the command: buildproxy mcp
`;

export async function mcp(argv: string[], io: Io): Promise<number> {
  const { values } = parse('mcp', argv, {});
  if (values.help) {
    io.out(MCP_HELP);
    return 0;
  }
  // The SDK builds schemas with zod/mini, which the bundle initialises only inside core's lazy import() of its
  // validators (zod's sideEffects: false drops the SDK's own init call): without this, registering the first
  // tool failed with "ZodMiniObject is not a constructor".
  await import('@buildproxy/core/validate');
  const server = new McpServer(
    { name: 'buildproxy', version: __BUILDPROXY_VERSION__ },
    {
      instructions:
        'buildproxy diagnoses docker build failures behind an HTTP(S) proxy. Start with why (the error text) or doctor (the machine), read a finding with explain, and show the user a plan; applying it is theirs to do with the buildproxy CLI.',
    },
  );
  registerTools(server);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once('end', resolve);
  });
  await server.connect(transport);
  await closed;
  await server.close();
  return 0;
}
