import { sql } from 'kysely';
import type { Store } from '../../db/connect.ts';
import type { Route } from './server.ts';

/** `/healthz`: 200 when the database answers, 503 otherwise; for load balancers and probes. */
export function healthRoute(store: Store): Route {
  return {
    path: '/healthz',
    handler: async (_req, res) => {
      try {
        await sql`select 1`.execute(store.db);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', database: store.dialect }));
      } catch {
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable' }));
      }
    },
  };
}
