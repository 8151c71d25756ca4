// @buildproxy/core/testing — example machines: a synthesizer that turns a short machine description into the
// evidence bundle the doctor would capture there, and the machines the rules' examples start from. For tests,
// the docs' examples and demos; never part of a diagnosis.

export * as engines from './engines.js';
export * as fixtures from './fixtures.js';
export * as lima from './lima.js';
export * as pac from './pac.js';
export { type BuilderSpec, type MachineSpec, synthesize } from './synth.js';
