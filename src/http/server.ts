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
export function createHttpServer(routes: readonly Route[], onError: (err: unknown) => void): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((r) => (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path));
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
