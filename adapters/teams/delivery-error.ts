import { DeliveryError } from '../../src/core/notifier.ts';

/**
 * A failed Bot Connector call → DeliveryError. 429 carries Retry-After; statuses where a retry
 * cannot help (bad request, bot removed from the conversation, conversation gone, too large)
 * are permanent; everything else (5xx, network, 401 while credentials are fixed) is retryable.
 */

const PERMANENT = new Set([400, 403, 404, 413]);

export function toDeliveryError(err: unknown, what: string, now: () => number = Date.now): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const status = statusOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (status === 429) {
    const retryAfterMs = retryAfterMsOf(err, now);
    return new DeliveryError(`Teams throttled ${what} (HTTP 429)`, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  if (status !== undefined && PERMANENT.has(status)) {
    return new DeliveryError(`Teams refused ${what} (HTTP ${status}): ${detail}`, { permanent: true });
  }
  return new DeliveryError(`Teams failed ${what}${status === undefined ? '' : ` (HTTP ${status})`}: ${detail}`);
}

interface HttpLikeError {
  readonly statusCode?: unknown;
  readonly response?: { readonly status?: unknown; readonly headers?: unknown };
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as HttpLikeError;
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.response?.status === 'number') return e.response.status;
  return undefined;
}

function retryAfterMsOf(err: unknown, now: () => number): number | undefined {
  const headers = (err as HttpLikeError).response?.headers;
  let raw: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    raw = (headers as { get(name: string): unknown }).get('retry-after');
  } else if (headers && typeof headers === 'object') {
    raw = (headers as Record<string, unknown>)['retry-after'];
  }
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
