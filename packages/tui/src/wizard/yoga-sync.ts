// Ink imports `yoga-layout`, whose module body awaits its WebAssembly (top-level await), which a CommonJS file
// cannot hold — and the wizard is CommonJS so that the single executable (one CommonJS script) can carry it. The
// build (tsup.config.ts) maps Ink's `yoga-layout` here: the same API object, filled in once `yogaReady` settles.
// render.tsx awaits it before Ink lays anything out; nothing in Ink touches Yoga while its modules load.
import { loadYoga } from 'yoga-layout/load';

type YogaApi = Awaited<ReturnType<typeof loadYoga>>;
const Yoga = {} as YogaApi;
export const yogaReady: Promise<void> = loadYoga().then((y) => {
  Object.assign(Yoga, y);
});
export default Yoga;
