import type { ServerResponse } from 'node:http';
import type { Clock } from '../core/clock.ts';
import type { ReportingHttp } from '../../workflows/reporting/register.ts';
import type { Route } from './server.ts';

/**
 * R9 on the bot's own HTTP server: the secret calendar feeds (`<path>/<token>.ics`) and, when
 * configured, the public page and JSON of ongoing engagements. Read-only, GET and HEAD only.
 */
export function reportingRoutes(http: ReportingHttp, clock: Clock): Route[] {
  const routes: Route[] = [];
  if (http.calendarPath) {
    const prefix = `${http.calendarPath}/`;
    routes.push({
      path: prefix,
      handler: async (req, res) => {
        if (!readOnly(req.method, res)) return;
        const rest = (req.url ?? '').split('?')[0]?.slice(prefix.length) ?? '';
        const token = rest.endsWith('.ics') ? rest.slice(0, -'.ics'.length) : rest;
        const body = await http.calendarFeed(token, clock.now());
        // A wrong token and a revoked one get the same answer as any unknown address.
        if (body === undefined) return notFound(res);
        send(res, 200, 'text/calendar; charset=utf-8', body, req.method, { 'cache-control': 'private, max-age=300', 'content-disposition': 'inline; filename="samverkan.ics"' });
      },
    });
  }
  if (http.publicPath) {
    const page = http.publicPath;
    routes.push({
      path: page,
      handler: async (req, res) => {
        if (!readOnly(req.method, res)) return;
        send(res, 200, 'text/html; charset=utf-8', await http.publicList('html', clock.now()), req.method, { 'cache-control': 'public, max-age=300' });
      },
    });
    routes.push({
      path: `${page}.json`,
      handler: async (req, res) => {
        if (!readOnly(req.method, res)) return;
        send(res, 200, 'application/json; charset=utf-8', await http.publicList('json', clock.now()), req.method, {
          'cache-control': 'public, max-age=300',
          // The website may fetch it from the browser.
          'access-control-allow-origin': '*',
        });
      },
    });
  }
  return routes;
}

function readOnly(method: string | undefined, res: ServerResponse): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
  return false;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

function send(res: ServerResponse, status: number, type: string, body: string, method: string | undefined, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff', ...headers });
  res.end(method === 'HEAD' ? undefined : body);
}
