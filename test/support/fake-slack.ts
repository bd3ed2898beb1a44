import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { answerMethod, type FakeSlackState } from './fake-slack-methods.ts';

/**
 * An in-process fake of the Slack Web API and of response_url, for adapter and end-to-end tests.
 *
 *   const slack = await startFakeSlack();
 *   createSlackAdapter({ ..., apiUrl: slack.url });          // Web API calls land here
 *   slashCommand({ responseUrl: slack.responseUrl('c1') })   // respond() lands here as 'response'
 *   await slack.waitFor('chat.update', (c) => c.body.ts === ts);
 *   slack.failNext('chat.postMessage', { retryAfter: 30 });  // next call: 429 + Retry-After: 30
 *
 * Every request is recorded under its method name ('chat.postMessage'), 'response' for a
 * response_url and 'upload' for a file upload URL, with its parsed body: form fields whose value
 * is JSON (blocks, view) are parsed too.
 */
export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
  /** The bearer token (or `token` field) the call was made with. */
  readonly token?: string;
  /** For 'response' and 'upload': the id in the path. */
  readonly id?: string;
  readonly at: number;
}

/** One injected failure: 429 with Retry-After (seconds), an `ok: false` error code, or an HTTP status. */
export type FakeFailure = { readonly retryAfter: number } | { readonly error: string } | { readonly status: number };

export interface FakeSlackUser {
  readonly id: string;
  readonly name: string;
  readonly realName?: string;
  readonly email?: string;
  readonly teamId?: string;
}

export interface FakeSlackOptions {
  readonly teamId?: string;
  readonly botUserId?: string;
  readonly botId?: string;
  readonly users?: readonly FakeSlackUser[];
}

export interface FakeSlack {
  /** The Web API base URL, ending in `/api/`: pass it as the adapter's `apiUrl`. */
  readonly url: string;
  readonly origin: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** A response_url whose posts are recorded as method 'response' with this id. */
  responseUrl(id?: string): string;
  calls(method?: string): RecordedCall[];
  /** The first call (already made or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  failNext(method: string, failure: FakeFailure, times?: number): void;
  addUser(user: FakeSlackUser): void;
  /** Makes `usergroups.users.list` answer with these members for the group. */
  addUserGroup(groupId: string, userIds: readonly string[]): void;
  /** The WebSocket URL apps.connections.open hands out (Socket Mode). */
  setSocketModeUrl(url: string): void;
  /** The latest text and blocks of a message posted through the fake (after any chat.update). */
  message(channel: string, ts: string): { text?: unknown; blocks?: unknown } | undefined;
  /** Answers every call of the method only after this long (a slow Slack), or a function's draw. */
  delay(method: string, ms: number | (() => number)): void;
  /**
   * Enforces Slack's per-channel rate on chat.postMessage: a post to a channel within
   * `intervalMs` of the last accepted one there gets 429 with Retry-After (whole seconds, ≥ 1).
   */
  limitPerChannel(intervalMs: number): void;
  /** Makes posts to the channel fail with `not_in_channel` until `join(channel)`. */
  keepOut(channel: string): void;
  join(channel: string): void;
  /** chat.postMessage calls received and not yet answered: what a crash of the caller leaves in doubt. */
  inFlight(): number;
  /** How many posts `limitPerChannel` answered with 429. */
  rateLimited(): number;
  /** The chat.postMessage calls Slack accepted (answered ok), in order of arrival. */
  accepted(): RecordedCall[];
  /**
   * A file shared in Slack: its `url_private_download`, which answers only with a bot token
   * (`Authorization: Bearer xoxb-…`, as files:read allows). Downloads are recorded as 'download'.
   */
  hostFile(name: string, bytes: Uint8Array): { readonly id: string; readonly name: string; readonly size: number; readonly url_private_download: string };
  /** Forgets recorded calls and pending failures; messages and users stay. */
  reset(): void;
  close(): Promise<void>;
}

interface Waiter {
  readonly method: string;
  readonly predicate: (call: RecordedCall) => boolean;
  readonly resolve: (call: RecordedCall) => void;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const state: FakeSlackState = {
    origin: '',
    teamId: options.teamId ?? 'T0001',
    botUserId: options.botUserId ?? 'UBOT0001',
    botId: options.botId ?? 'B0001',
    users: new Map((options.users ?? []).map((u) => [u.id, u])),
    usergroups: new Map(),
    messages: new Map(),
    sequence: 0,
  };
  const recorded: RecordedCall[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const delays = new Map<string, number | (() => number)>();
  const lastPost = new Map<string, number>();
  const keptOut = new Set<string>();
  const accepted: RecordedCall[] = [];
  let perChannelMs = 0;
  let postsInFlight = 0;
  let limited = 0;
  let waiters: Waiter[] = [];
  const hosted = new Map<string, Uint8Array>();

  const record = (call: RecordedCall): void => {
    recorded.push(call);
    const matched = waiters.filter((w) => w.method === call.method && w.predicate(call));
    waiters = waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(call);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', state.origin).pathname;
    const download = /^\/files-pri\/([^/]+)\/.*$/.exec(path);
    if (download) {
      const token = bearer(req.headers.authorization);
      record({ method: 'download', body: {}, headers: req.headers, ...(token ? { token } : {}), id: download[1] as string, at: Date.now() });
      const bytes = hosted.get(download[1] as string);
      // Slack answers a download without a bot token with its sign-in page, not the file.
      if (!bytes || !token?.startsWith('xoxb-')) res.writeHead(bytes ? 302 : 404, { location: `${state.origin}/signin` }).end();
      else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength) }).end(Buffer.from(bytes));
      return;
    }
    const [, kind, rest = ''] = /^\/(api|response|upload)\/(.*)$/.exec(path) ?? [];
    if (!kind) {
      res.writeHead(404).end();
      return;
    }
    const method = kind === 'api' ? rest : kind;
    const body = await parseBody(req);
    const token = bearer(req.headers.authorization) ?? (typeof body.token === 'string' ? body.token : undefined);
    const call: RecordedCall = {
      method,
      body,
      headers: req.headers,
      ...(token ? { token } : {}),
      ...(kind === 'api' ? {} : { id: decodeURIComponent(rest) }),
      at: Date.now(),
    };
    record(call);
    // Slack counts a post against the channel's rate when it arrives; answering takes a while.
    let acceptAfterDelay = false;
    if (method === 'chat.postMessage') {
      postsInFlight++;
      res.once('close', () => postsInFlight--);
      const channel = typeof body.channel === 'string' ? body.channel : '';
      const now = Date.now();
      const last = lastPost.get(channel);
      if (keptOut.has(channel)) {
        send(res, 200, { ok: false, error: 'not_in_channel' });
        return;
      }
      if (perChannelMs > 0 && last !== undefined && now - last < perChannelMs) {
        limited++;
        send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(Math.max(1, Math.ceil((perChannelMs - (now - last)) / 1000))) });
        return;
      }
      if (!failures.get(method)?.length) {
        lastPost.set(channel, now);
        acceptAfterDelay = true;
      }
    }
    const delay = delays.get(method);
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, typeof delay === 'number' ? delay : delay()));
    // Accepted once Slack has it, whether or not the caller is still there to hear the answer.
    if (acceptAfterDelay) accepted.push(call);
    const failure = failures.get(method)?.shift();
    if (failure) {
      if ('retryAfter' in failure) {
        send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      } else if ('error' in failure) {
        send(res, 200, { ok: false, error: failure.error });
      } else {
        send(res, failure.status, { ok: false, error: `http_${failure.status}` });
      }
      return;
    }
    if (kind === 'response') {
      send(res, 200, 'ok');
    } else if (kind === 'upload') {
      send(res, 200, `OK - ${String(body.size ?? 0)}`);
    } else {
      send(res, 200, answerMethod(state, method, body));
    }
  }

  // An idle connection is kept for a minute. With Node's default (5 s) the bot's HTTP client can
  // reuse a socket just as this server closes it (ECONNRESET) and then waits out its retry back-off
  // (0.5–1 s for the Bot Framework client): a wait that is the fake's, not the bot's.
  server.keepAliveTimeout = 60_000;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  state.origin = `http://127.0.0.1:${port}`;

  return {
    url: `${state.origin}/api/`,
    origin: state.origin,
    teamId: state.teamId,
    botUserId: state.botUserId,
    botId: state.botId,
    responseUrl: (id = 'r1') => `${state.origin}/response/${encodeURIComponent(id)}`,
    calls: (method) => recorded.filter((c) => method === undefined || c.method === method),
    waitFor(method, predicate = () => true, timeoutMs = 2000) {
      const done = recorded.find((c) => c.method === method && predicate(c));
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          method,
          predicate,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = recorded.map((c) => c.method).join(', ') || 'nothing';
          reject(new Error(`fake Slack: no matching ${method} within ${timeoutMs} ms (saw: ${seen})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    addUser: (user) => void state.users.set(user.id, user),
    addUserGroup: (groupId, userIds) => void state.usergroups.set(groupId, [...userIds]),
    setSocketModeUrl: (url) => {
      state.socketModeUrl = url;
    },
    message: (channel, ts) => state.messages.get(`${channel}/${ts}`),
    delay(method, ms) {
      delays.set(method, ms);
    },
    limitPerChannel(intervalMs) {
      perChannelMs = intervalMs;
    },
    keepOut: (channel) => void keptOut.add(channel),
    join: (channel) => void keptOut.delete(channel),
    accepted: () => [...accepted],
    inFlight: () => postsInFlight,
    rateLimited: () => limited,
    hostFile(name, bytes) {
      const id = `F${String(++state.sequence).padStart(8, '0')}`;
      hosted.set(id, bytes);
      return { id, name, size: bytes.byteLength, url_private_download: `${state.origin}/files-pri/${id}/download/${encodeURIComponent(name)}` };
    },
    reset() {
      recorded.length = 0;
      accepted.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': type, ...headers }).end(text);
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

/** JSON bodies (respond()), form bodies (the Web client, JSON inside fields) and multipart uploads. */
async function parseBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const out: Record<string, unknown> = { size: 0 };
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') out[key] = value;
      else {
        out[key] = { filename: value.name, size: value.size, text: await value.text(), bytes: new Uint8Array(await value.arrayBuffer()) };
        out.size = Number(out.size) + value.size;
      }
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) out[key] = maybeJson(value);
  return out;
}

function maybeJson(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
