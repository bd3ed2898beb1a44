import type { webApi } from '@slack/bolt';
import type { IncomingRequest } from '../../src/core/bot.ts';
import type { Logger } from '../../src/core/logger.ts';

/**
 * A Slack person's verified e-mail address (users.info, scope users:read.email), which links
 * them to the same person in Teams: the directory finds them by it, and a request asked in Slack
 * cannot be approved by its asker in Teams. Looked up once per person and process; a workspace
 * that did not grant the scope is told once in the log, and the bot works on without e-mails.
 */
export class SlackEmails {
  private readonly known = new Map<string, string | null>();
  private disabled = false;
  private static readonly MAX_REMEMBERED = 10_000;

  constructor(private readonly log: Logger) {}

  /** What is already known, without asking Slack (for the few paths that must answer at once). */
  cached(request: IncomingRequest): IncomingRequest {
    return withEmail(request, this.known.get(key(request)) ?? undefined);
  }

  async of(client: webApi.WebClient, request: IncomingRequest): Promise<IncomingRequest> {
    const k = key(request);
    if (this.disabled || this.known.has(k)) return this.cached(request);
    try {
      const result = await client.users.info({ user: request.actor.userId });
      const email = result.user?.profile?.email?.toLowerCase();
      if (this.known.size >= SlackEmails.MAX_REMEMBERED) this.known.clear();
      this.known.set(k, email ?? null);
      return withEmail(request, email);
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === 'user_not_found' || code === 'account_inactive') {
        this.known.set(k, null);
      } else if (code === 'missing_scope') {
        this.disabled = true;
        this.log.warn('Slack: the app lacks users:read.email, so people are not linked to Teams by e-mail; reinstall it from manifest/slack/manifest.yaml');
      } else {
        // Asked again next time: a timeout or a rate limit passes.
        this.log.warn({ err, userId: request.actor.userId }, 'could not look up a Slack user’s e-mail');
      }
      return request;
    }
  }
}

function key(request: IncomingRequest): string {
  return `${request.actor.tenantId}:${request.actor.userId}`;
}

function withEmail(request: IncomingRequest, email: string | undefined): IncomingRequest {
  return email ? { ...request, actor: { ...request.actor, email } } : request;
}
