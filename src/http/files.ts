import type { KyselyFileStore } from '../../db/repositories/files.ts';
import type { Route } from './server.ts';

export const filesPath = '/files/';

/** `GET /files/<token>/<name>`: a file the bot handed out; 404 for anything else, saying nothing. */
export function filesRoute(store: Pick<KyselyFileStore, 'get'>): Route {
  return {
    path: filesPath,
    handler: async (req, res) => {
      const token = (req.url ?? '').slice(filesPath.length).split(/[/?]/)[0] ?? '';
      const file = req.method === 'GET' && /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await store.get(token) : undefined;
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res
        .writeHead(200, {
          'content-type': file.mimeType,
          'content-length': file.data.byteLength,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'cache-control': 'private, no-store',
        })
        .end(Buffer.from(file.data));
    },
  };
}

export function fileUrl(base: string, token: string, name: string): string {
  return `${base.replace(/\/$/, '')}${filesPath}${token}/${encodeURIComponent(name)}`;
}
