import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../src/core/notifier.ts';

/**
 * Slack error codes that mean "try again later". Every other platform error is permanent: the
 * target is gone or closed to the bot (is_archived, user_not_found), the token is dead (invalid_auth, account_inactive), or the request itself is
 * malformed (invalid_blocks), which a retry would only repeat.
 */
const transientErrors = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/**
 * The bot is not in the channel yet (or, for a private channel, cannot see it until it is
 * invited): the message waits for someone to add the bot instead of failing for good.
 */
const unreachableErrors = new Set(['not_in_channel', 'channel_not_found']);

/**
 * Turns what the Web client threw into the core's DeliveryError. The client is set up not to
 * retry (`retries: 0`, `rejectRateLimitedCalls`): the outbox scheduler retries durably and needs
 * Slack's Retry-After to do it.
 */
export function toDeliveryError(err: unknown, what: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError(`${what}: rate limited by Slack, retry after ${err.retryAfter} s`, { retryAfterMs: err.retryAfter * 1000 });
  }
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = err.data.error;
    if (unreachableErrors.has(code)) return new DeliveryError(`${what}: Slack answered ${code}`, { unreachable: true });
    return new DeliveryError(`${what}: Slack answered ${code}`, { permanent: !transientErrors.has(code) });
  }
  if (err instanceof webApi.WebAPIHTTPError) {
    const retryable = err.statusCode >= 500 || err.statusCode === 408;
    return new DeliveryError(`${what}: Slack answered HTTP ${err.statusCode}`, { permanent: !retryable });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError(`${what}: ${message}`);
}
