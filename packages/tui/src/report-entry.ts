// The analysis, the rules and the report: dist/report.cjs, loaded by the doctor while its probes are in flight.

export { buildReport, exitCodeFor } from '@buildproxy/core/report';
export { renderNetwork } from './render/network.js';
export { renderReading } from './render/reading.js';
