import type { Metrics } from '../metrics/metrics.ts';
import { readOnly } from './health.ts';
import type { Route } from './server.ts';

/** `/metrics` in Prometheus text format; GET and HEAD only. */
export function metricsRoute(metrics: Metrics): Route {
  return {
    path: '/metrics',
    handler: async (req, res) => {
      if (!readOnly(req.method, res)) return;
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
