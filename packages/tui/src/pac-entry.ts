// The PAC sandbox (pac-resolver, QuickJS as WebAssembly): dist/pac.cjs, loaded by `doctor --network` only when the
// machine names a PAC file (or --pac gives one), so a doctor without one never reads or compiles it.
export { capturePac } from '@buildproxy/core/node';
