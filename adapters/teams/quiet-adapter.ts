import { CloudAdapter, type Activity, type Request, type Response, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/core/logger.ts';

/**
 * CloudAdapter whose `process` writes every failure to the console with its stack, 13 lines for
 * each request with a bad token. This one authenticates the same way (`processActivity`) and
 * says so in one warning line; a failure that is not about authentication is still an error.
 */
export class QuietCloudAdapter extends CloudAdapter {
  /** For a request whose body `readBotRequest` has already checked. */
  async processRequest(request: Request, res: Response, logic: (ctx: TurnContext) => Promise<void>, log: Logger): Promise<void> {
    const activity = withDates(request.body as Record<string, unknown>);
    const header = request.headers.authorization ?? request.headers.Authorization;
    const auth = typeof header === 'string' ? header : '';
    try {
      const invoke = await this.processActivity(auth, activity, logic);
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.send(invoke.body);
      res.end();
    } catch (err) {
      const status = authStatus(err);
      if (status !== undefined) {
        log.warn({ status, reason: err instanceof Error ? err.message : String(err) }, 'refused a Teams request that failed authentication');
        res.status(status);
        res.send('Unauthorized');
        res.end();
        return;
      }
      throw err;
    }
  }
}

/** What botbuilder's own `validateAndFixActivity` does: timestamps as dates, raw text kept. */
function withDates(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/** botframework-connector's AuthenticationError carries the status to answer (401 or 403). */
function authStatus(err: unknown): number | undefined {
  if (!(err instanceof Error) || err.constructor.name !== 'AuthenticationError') return undefined;
  const status = (err as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 401;
}
