import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';

/**
 * Node's req/res → the small request and response shapes `CloudAdapter.process` expects (it was
 * written for restify and express, which parse the body and offer status/send/header).
 */

/** Activities are small; a larger body is not from the Bot Connector. */
const MAX_BODY_BYTES = 1024 * 1024;

export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'BadRequest';
  }
}

export async function readBotRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large', 413);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('request body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('request body is not an activity');
  // CloudAdapter would throw on it and the server would answer 500, as if the bot were broken.
  const type = (body as { type?: unknown }).type;
  if (typeof type !== 'string' || type === '') throw new BadRequest('request body is not an activity: it has no type');
  // Replies go to the serviceUrl; without one the turn can only fail after a 200.
  const serviceUrl = (body as { serviceUrl?: unknown }).serviceUrl;
  if (typeof serviceUrl !== 'string' || !URL.canParse(serviceUrl) || !/^https?:/.test(serviceUrl)) {
    throw new BadRequest('request body is not an activity: it has no serviceUrl');
  }
  return { method: req.method ?? 'POST', headers: req.headers, body: body as Record<string, unknown> };
}

export function botResponse(res: ServerResponse): Response {
  let payload: unknown;
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body?: unknown) {
      payload = body;
      return this;
    },
    end() {
      if (res.writableEnded) return this;
      if (payload === undefined || payload === null) {
        res.end();
      } else if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(payload);
      } else {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(payload));
      }
      return this;
    },
  };
}

export function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}
