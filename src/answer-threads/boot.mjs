// The entry of an answer thread. Samverkan runs its TypeScript through tsx, and a worker thread
// starts with a fresh module loader, so it registers tsx before loading the real entry.
import { register } from 'tsx/esm/api';

register();
const thread = await import('./thread.ts');

export default thread.default;
