// The entry of an answer process. Samverkan runs its TypeScript through tsx, and this process
// starts with Node's own module loader, so it registers tsx before loading the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./answerer.ts');
