import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToResponseUrl, ResponseUrlError } from '../../adapters/slack/response-url.ts';

/** A response_url endpoint whose answer each test chooses by path. */
describe('posting to a Slack response_url', () => {
  let server: Server;
  let base: string;
  const received: { path: string; contentType: string | undefined; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        if (req.url === '/expired') {
          // What Slack answers once a response_url is older than 30 minutes or used five times.
          res.writeHead(404, { 'content-type': 'text/plain' }).end('expired_url');
        } else if (req.url === '/silent') {
          // Never answers: the post must give up instead of waiting for ever.
        } else {
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the answer as UTF-8 JSON, Swedish letters intact, and resolves on 2xx', async () => {
    const answer = { response_type: 'ephemeral', text: 'Öppna frister: 2 – Slutrapport ICLD, Nordplus' };
    await expect(postToResponseUrl(`${base}/ok`, answer)).resolves.toBe(200);
    expect(received.at(-1)).toEqual({ path: '/ok', contentType: 'application/json; charset=utf-8', body: answer });
  });

  it('rejects with Slack’s status and text when the response_url has expired', async () => {
    const err = await postToResponseUrl(`${base}/expired`, { text: 'sent too late' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseUrlError);
    expect((err as ResponseUrlError).status).toBe(404);
    expect((err as Error).message).toContain('expired_url');
  });

  it('gives up on a response_url that never answers', async () => {
    await expect(postToResponseUrl(`${base}/silent`, { text: 'hello?' }, 200)).rejects.toThrow(/did not answer within 200 ms/);
  });

  it('refuses a response_url that is not HTTP(S), without sending anything', async () => {
    const before = received.length;
    await expect(postToResponseUrl('file:///etc/passwd', { text: 'x' })).rejects.toThrow(/unsupported scheme: file:/);
    expect(received).toHaveLength(before);
  });

  it('rejects when nothing listens there', async () => {
    await expect(postToResponseUrl('http://127.0.0.1:1/nobody', { text: 'x' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
