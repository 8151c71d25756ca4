// The analysis, the rules and the report: dist/report.cjs, loaded by the doctor while its probes are in flight.

// doctor --network: the analysis decides what to probe, so the probes live beside it in this file.
export { captureNetwork, inspectingCa } from '@buildproxy/core/node';
export { buildReport, exitCodeFor, readError } from '@buildproxy/core/report';
export { renderNetwork } from './render/network.js';
export { renderReading } from './render/reading.js';
