import { sql } from 'kysely';
import type { ServerResponse } from 'node:http';
import type { Store } from '../../db/connect.ts';
import type { Route } from './server.ts';

export interface Readiness {
  /** True once migrations ran and adapters and the scheduler are started; false again when stopping. */
  readonly ready: boolean;
  /** Why not, for the response body. */
  readonly state: 'starting' | 'ready' | 'stopping';
}

/** `/healthz`: liveness. 200 while the process serves HTTP at all; GET and HEAD only. */
export function healthRoute(): Route {
  return {
    path: '/healthz',
    handler: (req, res) => {
      if (!readOnly(req.method, res)) return;
      json(res, 200, { status: 'ok' }, req.method);
    },
  };
}

/**
 * `/readyz`: readiness for a load balancer. 503 until start-up is complete, again from the
 * moment shutdown begins (so traffic drains before the port closes), and while the database
 * does not answer.
 */
export function readyRoute(store: Store, readiness: () => Readiness): Route {
  return {
    path: '/readyz',
    handler: async (req, res) => {
      if (!readOnly(req.method, res)) return;
      const { ready, state } = readiness();
      if (!ready) return json(res, 503, { status: state }, req.method);
      try {
        await sql`select 1`.execute(store.db);
        json(res, 200, { status: 'ready', database: store.dialect }, req.method);
      } catch {
        json(res, 503, { status: 'database unavailable' }, req.method);
      }
    },
  };
}

export function readOnly(method: string | undefined, res: ServerResponse): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
  return false;
}

function json(res: ServerResponse, status: number, body: unknown, method: string | undefined): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(method === 'HEAD' ? undefined : text);
}
