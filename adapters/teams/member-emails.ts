import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/core/logger.ts';

const retryFailedAfterMs = 10 * 60_000;

/**
 * Teams activities carry no e-mail, but configuration may name people by e-mail (approvers,
 * the coordinator), so the adapter asks the Bot Connector for the member once and remembers
 * the answer. A failed look-up is retried after a while rather than on every message.
 */
export class MemberEmails {
  private readonly known = new Map<string, { email: string | undefined; failedAt?: number }>();

  constructor(private readonly log: Logger) {}

  async of(ctx: TurnContext): Promise<string | undefined> {
    const userId = ctx.activity.from?.id;
    if (!userId) return undefined;
    const cached = this.known.get(userId);
    if (cached && (cached.failedAt === undefined || Date.now() - cached.failedAt < retryFailedAfterMs)) return cached.email;
    try {
      const member = await TeamsInfo.getMember(ctx, userId);
      const email = member.email ?? (member.userPrincipalName?.includes('@') ? member.userPrincipalName : undefined);
      this.known.set(userId, { email: email?.toLowerCase() });
      return email?.toLowerCase();
    } catch (err) {
      this.log.debug({ err: (err as Error).message, userId }, 'could not look up the Teams member');
      this.known.set(userId, { email: undefined, failedAt: Date.now() });
      return undefined;
    }
  }
}
