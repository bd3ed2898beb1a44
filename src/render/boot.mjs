// The entry of a render worker run from the TypeScript sources (npm start, the tests). A worker
// thread starts with Node's own module loader, so it registers tsx before loading the real entry,
// which is src/render/worker.ts unless the pool names another (tests of a failing worker).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const entry = await import(workerData?.renderEntry ?? './worker.ts');

export default entry.default;
