import type { Env } from '../config/env.ts';

export interface BindAddress {
  /** undefined: every interface (Node's default). */
  readonly host: string | undefined;
  /** Said on the start-up line. */
  readonly note: string;
}

/**
 * Where the HTTP server listens. Without MICROSOFT_APP_ID, Teams requests are not
 * authenticated, so by default only this machine may reach the bot; HOST says otherwise.
 */
export function bindAddress(env: Pick<Env, 'HOST' | 'MICROSOFT_APP_ID'>): BindAddress {
  if (env.HOST) return { host: env.HOST, note: `HOST=${env.HOST}` };
  if (!env.MICROSOFT_APP_ID) {
    return { host: '127.0.0.1', note: 'this machine only, as there is no MICROSOFT_APP_ID (HOST=0.0.0.0 listens on every interface)' };
  }
  return { host: undefined, note: 'every interface' };
}
