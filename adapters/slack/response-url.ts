import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * POSTs to a Slack response_url: every slash command, button and form is answered this way.
 * Keep-alive agents keep the connection to Slack open between answers.
 */
// maxSockets: answers beyond 50 at once to one host wait for a free connection rather than open
// ever more TLS sessions to Slack.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 50 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 50 }),
};

/** A response_url that did not take the answer: an HTTP status, or no answer at all. */
export class ResponseUrlError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ResponseUrlError';
  }
}

/** Sends `body` as JSON; resolves with the status when Slack answers 2xx, rejects otherwise. */
export function postToResponseUrl(responseUrl: string, body: unknown, timeoutMs = 10_000): Promise<number> {
  const url = new URL(responseUrl);
  const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (!send) return Promise.reject(new ResponseUrlError(`response_url has an unsupported scheme: ${url.protocol}`));
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        agent: agents[url.protocol as keyof typeof agents],
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      },
      (res: IncomingMessage) => {
        // Slack answers `ok` or a short error; read it to the end so the socket goes back to the pool.
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(status);
          else reject(new ResponseUrlError(`response_url answered HTTP ${status}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`, status));
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new ResponseUrlError(`response_url did not answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
