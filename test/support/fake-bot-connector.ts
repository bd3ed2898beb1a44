import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-process fake of the Bot Connector service (the `serviceUrl` Teams puts on every
 * activity). The Teams adapter in local mode (no app id) sends its replies, proactive messages
 * and updates here without authentication, so tests see exactly what would reach Teams.
 */

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly route: 'send' | 'reply' | 'update' | 'createConversation' | 'member' | 'unknown';
  readonly conversationId?: string;
  /** The activity replied to (`reply`) or updated (`update`). */
  readonly activityId?: string;
  readonly body: unknown;
  readonly authorization?: string;
  /** The HTTP status the fake answered with. */
  readonly status: number;
}

/** A message the bot posted: a new message or a reply (`replyToId`). */
export interface SentActivity {
  readonly conversationId: string;
  /** The id the fake gave the new message. */
  readonly id: string;
  readonly replyToId?: string;
  readonly activity: ConnectorActivity;
}

export interface UpdatedActivity {
  readonly conversationId: string;
  readonly activityId: string;
  readonly activity: ConnectorActivity;
}

/** The parts of a Bot Framework activity tests look at. */
export interface ConnectorActivity {
  readonly type?: string;
  readonly text?: string;
  readonly summary?: string;
  readonly attachments?: readonly { readonly contentType: string; readonly content?: unknown }[];
  readonly [key: string]: unknown;
}

export interface ConnectorFailure {
  /** HTTP status to answer with; 429 by default. */
  readonly status?: number;
  /** Seconds for the Retry-After header. */
  readonly retryAfterSeconds?: number;
}

export interface FakeMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
  readonly email?: string;
}

export interface FakeBotConnector {
  /** Put this on activities as `serviceUrl`. Ends with a slash, like Teams' own. */
  readonly serviceUrl: string;
  /** Every request, in order, including the failed ones. */
  calls(): readonly ConnectorCall[];
  /** Messages posted (new and replies), optionally only those in one conversation. */
  sent(conversationId?: string): readonly SentActivity[];
  updates(): readonly UpdatedActivity[];
  /** Bodies of `POST /v3/conversations`. */
  createdConversations(): readonly unknown[];
  /** Answers the next `count` requests with an error instead of handling them. */
  failNext(count: number, failure?: ConnectorFailure): void;
  /** The bot is not in this conversation's team or chat: posts to it are refused with 403, as Teams does. */
  keepOut(conversationId: string): void;
  /** The bot was added there after all. */
  letIn(conversationId: string): void;
  /** Makes `GET /v3/conversations/:id/members/:memberId` know this person. */
  addMember(member: FakeMember): void;
  /** Resolves with the first call (past or future) that matches; rejects after the timeout. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** Forgets calls, messages and pending failures. */
  reset(): void;
  close(): Promise<void>;
}

const FIRST_ID = 1_000_001;

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  let calls: ConnectorCall[] = [];
  let sent: SentActivity[] = [];
  let updates: UpdatedActivity[] = [];
  let created: unknown[] = [];
  let failures: ConnectorFailure[] = [];
  let nextId = FIRST_ID;
  const members = new Map<string, FakeMember>();
  const keptOut = new Set<string>();
  const waiters = new Set<{ predicate: (call: ConnectorCall) => boolean; resolve: (call: ConnectorCall) => void }>();

  const record = (call: ConnectorCall): void => {
    calls.push(call);
    for (const waiter of waiters) {
      if (waiter.predicate(call)) {
        waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    readJson(req)
      .then((body) => handle(req, res, body))
      .catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'FakeError', message: String(err) } }));
      });
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const route = routeOf(method, segments);
    const conversationId = segments[0] === 'v3' && segments[1] === 'conversations' ? segments[2] : undefined;
    const activityId = route === 'reply' || route === 'update' ? segments[4] : undefined;
    const base = {
      method,
      path,
      route,
      body,
      ...(conversationId !== undefined ? { conversationId } : {}),
      ...(activityId !== undefined ? { activityId } : {}),
      ...(typeof req.headers.authorization === 'string' ? { authorization: req.headers.authorization } : {}),
    };

    const failure = failures.shift();
    if (failure) {
      const status = failure.status ?? 429;
      record({ ...base, status });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
      res.writeHead(status, headers);
      res.end(JSON.stringify({ error: { code: status === 429 ? 'TooManyRequests' : 'Failed', message: `fake failure ${status}` } }));
      return;
    }

    const reply = (status: number, json: unknown): void => {
      record({ ...base, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (conversationId !== undefined && keptOut.has(conversationId.split(';')[0] ?? '') && (route === 'send' || route === 'reply' || route === 'update')) {
      return reply(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    }
    const activity = (body ?? {}) as ConnectorActivity;

    switch (route) {
      case 'send':
      case 'reply': {
        const id = String(nextId++);
        sent.push({
          conversationId: conversationId ?? '',
          id,
          ...(activityId !== undefined ? { replyToId: activityId } : {}),
          activity,
        });
        return reply(200, { id });
      }
      case 'update':
        updates.push({ conversationId: conversationId ?? '', activityId: activityId ?? '', activity });
        return reply(200, { id: activityId });
      case 'createConversation': {
        created.push(body);
        const id = `a:fake-conversation-${nextId++}`;
        const initial = (body as { activity?: ConnectorActivity } | undefined)?.activity;
        let firstId: string | undefined;
        if (initial) {
          firstId = String(nextId++);
          sent.push({ conversationId: id, id: firstId, activity: initial });
        }
        return reply(200, { id, ...(firstId ? { activityId: firstId } : {}) });
      }
      case 'member': {
        const member = members.get(segments[4] ?? '');
        if (!member) return reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } });
        return reply(200, { ...member, userPrincipalName: member.email, userRole: 'user' });
      }
      case 'unknown':
        return reply(404, { error: { code: 'NotFound', message: `${method} ${path} is not faked` } });
    }
  }

  // An idle connection is kept for a minute. With Node's default (5 s) the bot's HTTP client can
  // reuse a socket just as this server closes it (ECONNRESET) and then waits out its retry back-off
  // (0.5–1 s for the Bot Framework client): a wait that is the fake's, not the bot's.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls: () => calls,
    sent: (conversationId) => (conversationId === undefined ? sent : sent.filter((s) => s.conversationId === conversationId)),
    updates: () => updates,
    createdConversations: () => created,
    failNext: (count, failure = {}) => {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    keepOut: (conversationId) => {
      keptOut.add(conversationId);
    },
    letIn: (conversationId) => {
      keptOut.delete(conversationId);
    },
    addMember: (member) => {
      members.set(member.id, member);
    },
    waitFor: (predicate, timeoutMs = 5_000) => {
      const past = calls.find(predicate);
      if (past) return Promise.resolve(past);
      return new Promise<ConnectorCall>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (call: ConnectorCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake Bot Connector: no matching call within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    reset: () => {
      calls = [];
      sent = [];
      updates = [];
      created = [];
      failures = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function routeOf(method: string, s: readonly string[]): ConnectorCall['route'] {
  if (s[0] !== 'v3' || s[1] !== 'conversations') return 'unknown';
  if (method === 'POST' && s.length === 2) return 'createConversation';
  if (method === 'POST' && s.length === 4 && s[3] === 'activities') return 'send';
  if (method === 'POST' && s.length === 5 && s[3] === 'activities') return 'reply';
  if (method === 'PUT' && s.length === 5 && s[3] === 'activities') return 'update';
  if (method === 'GET' && s.length === 5 && s[3] === 'members') return 'member';
  return 'unknown';
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}

/** The Adaptive Card of a posted or updated activity, if it carries one. */
export function adaptiveCardOf(activity: ConnectorActivity | undefined): AdaptiveCardJson | undefined {
  const attachment = activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as AdaptiveCardJson | undefined;
}

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body?: readonly Record<string, unknown>[];
  readonly actions?: readonly Record<string, unknown>[];
  readonly [key: string]: unknown;
}

/**
 * Every visible string of an Adaptive Card (TextBlock texts, fact titles and values, input
 * labels and values, action titles), joined by newlines: handy for `toContain` assertions.
 */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'value', 'placeholder', 'errorMessage']) {
      const value = n[key];
      if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
    }
    for (const [key, child] of Object.entries(n)) {
      if (key !== 'data' && typeof child === 'object') visit(child);
    }
  };
  visit(card);
  return out.join('\n');
}
