// The validators of files buildproxy reads back (evidence bundles, plan files) as their own file, dist/validate.cjs:
// zod is ~30 KB that a live doctor would otherwise compile at every start without running it. See
// src/validate-on-demand.ts.
export { EvidenceFormatError } from '@buildproxy/core/evidence';
export { PlanFormatError } from '@buildproxy/core/plan';
export { parseEvidence, parsePlan } from '@buildproxy/core/validate';
