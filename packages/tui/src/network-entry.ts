// doctor --network's probes: dist/network.cjs, loaded only with --network. They need node:tls, node:net and
// node:crypto, whose loading alone costs a plain doctor more than its whole analysis; the analysis decides what
// to probe, so this file carries its own copy of it.
export { captureNetwork, inspectingCa } from '@buildproxy/core/node';
// whether the machine names a PAC file (then dist/pac.cjs runs it)
export { analyze, pacSourceOf } from '@buildproxy/core/report';
