import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.ts';
import type { HttpHandler } from '../../src/http/server.ts';

/** Remembers signed requests already carried out (in the database, so replicas agree). */
export interface SeenRequests {
  /** True the first time; false when the same request was seen within Slack's 5-minute window. */
  firstTime(key: string, now: Date): Promise<boolean>;
}

export interface RequestGuardOptions {
  readonly signingSecret: string;
  readonly log: Logger;
  readonly seen?: SeenRequests;
  readonly now?: () => Date;
}

/** Slack's own requests are small; Bolt's default limit is 10 MB, far more than any of ours. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Stands in front of Bolt's HTTPReceiver. It reads the body once and hands it on as
 * `req.rawBody` (which Bolt uses instead of reading the stream again), after checking what
 * Bolt does not: that a signed body is an object at all (`payload=null` made Bolt throw outside
 * any handler and end the process), that an interaction has the parts our listeners read, and
 * that a slash command is carried out once per Slack request. Unsigned or badly signed
 * requests go straight on to Bolt, which answers 401 as before.
 */
export function guardSlackRequests(inner: HttpHandler, options: RequestGuardOptions): HttpHandler {
  const now = options.now ?? (() => new Date());
  return async (req, res) => {
    if (req.method !== 'POST') return inner(req, res);
    const raw = await readBody(req);
    if (raw === undefined) return plain(res, 413, 'Request body too large');
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    const text = raw.toString('utf8');
    if (!signed(req, text, options.signingSecret)) return inner(req, res);
    const body = parseBody(text, req.headers['content-type']);
    if (body === 'ssl_check') return inner(req, res);
    const problem = body === undefined ? 'the body is not a JSON object or form' : malformed(body);
    if (problem) {
      options.log.warn({ problem }, 'malformed Slack request refused');
      return plain(res, 400, `Bad request: ${problem}`);
    }
    if (options.seen && isSlashCommand(body as Record<string, unknown>)) {
      // The body holds the command's trigger_id, unique per invocation: the same body again is
      // a replay of the signed request, or Slack resending it (x-slack-retry-num).
      const key = `slack:${createHash('sha256').update(text).digest('hex')}`;
      let first = true;
      try {
        first = await options.seen.firstTime(key, now());
      } catch (err) {
        // Better to risk running a command twice than to lose it while the database is away.
        options.log.error({ err }, 'could not check whether a slash command was seen before; running it');
      }
      if (!first) {
        options.log.info({ retry: req.headers['x-slack-retry-num'] }, 'slash command already carried out; acknowledged again, not run');
        return plain(res, 200, '');
      }
    }
    return inner(req, res);
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function signed(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
}

/** Parsed as Bolt parses it; undefined when that gives no object. */
function parseBody(text: string, contentType: string | undefined): Record<string, unknown> | 'ssl_check' | undefined {
  try {
    let value: unknown;
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(text);
      if (form.ssl_check === '1') return 'ssl_check';
      value = typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    } else {
      value = JSON.parse(text);
    }
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';

function isSlashCommand(body: Record<string, unknown>): boolean {
  return body.command !== undefined && body.type === undefined;
}

/** What a listener would trip over, or undefined. Only the parts our listeners read. */
function malformed(body: Record<string, unknown>): string | undefined {
  if (isSlashCommand(body)) {
    for (const field of ['command', 'text', 'user_id', 'team_id', 'channel_id', 'response_url', 'trigger_id']) {
      if (!isText(body[field])) return `slash command without ${field}`;
    }
    return undefined;
  }
  const type = body.type;
  if (!isText(type)) return 'no type';
  const user = body.user;
  if (type === 'block_actions' || type === 'view_submission' || type === 'view_closed' || type === 'block_suggestion') {
    if (!isObject(user) || !isText(user.id)) return `${type} without a user`;
    if (!isObject(body.team) && !isObject(body.enterprise) && !isText(body.team_id)) return `${type} without a team`;
  }
  if (type === 'block_actions' && (!Array.isArray(body.actions) || !body.actions.every((a) => isObject(a) && isText(a.action_id)))) {
    return 'block_actions without actions';
  }
  if (type === 'view_submission' || type === 'view_closed') {
    const view = body.view;
    if (!isObject(view) || !isText(view.id) || !isText(view.callback_id)) return `${type} without a view`;
    if (type === 'view_submission' && view.state !== undefined && !(isObject(view.state) && isObject(view.state.values))) return 'view_submission with a malformed state';
  }
  if (type === 'event_callback' && !isObject(body.event)) return 'event_callback without an event';
  return undefined;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}
