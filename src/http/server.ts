import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  /** Exact path, or a prefix when it ends with `/`. */
  readonly path: string;
  readonly handler: HttpHandler;
}

/**
 * The bot's single HTTP server: the Teams endpoint, Slack's events endpoint and the bot's own
 * routes share one port. Each adapter contributes a plain Node request handler.
 */
/**
 * On every response: the public page, files and feeds are opened in browsers, and nothing the
 * bot serves needs scripts, other origins or to be framed. The public page's one inline
 * stylesheet is all `style-src` allows.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Told when a response ends: the matched route's path (or `unmatched`), and its status. */
export type RequestObserver = (req: IncomingMessage) => (route: string, status: number) => void;

export function createHttpServer(routes: readonly Route[], onError: (err: unknown) => void, observe?: RequestObserver): Server {
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((r) => (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path));
    if (observe) {
      const done = observe(req);
      res.once('finish', () => done(route?.path ?? 'unmatched', res.statusCode));
    }
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((err: unknown) => {
      onError(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
