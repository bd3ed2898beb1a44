/** What the acks-under-reports bench puts in before it measures: a person, and deadlines to list. */
import type { Bot, IncomingRequest } from '../src/core/bot.ts';

/** A person in a channel of the bench's workspace. */
export function benchRequest(teamId: string): IncomingRequest {
  return {
    actor: { platform: 'slack', tenantId: teamId, userId: 'U0001', name: 'anna' },
    conversation: { kind: 'conversation', platform: 'slack', conversationId: 'C0001', tenantId: teamId },
    isDirect: false,
  };
}

/** Eight open deadlines next year, so `deadlines` answers with a real list, not an empty card. */
export async function seedOpenDeadlines(bot: Bot, request: IncomingRequest): Promise<number> {
  const year = new Date().getUTCFullYear() + 1;
  let seeded = 0;
  for (let month = 1; month <= 8; month += 1) {
    const reply = await bot.handleText(`deadline add "Slutrapport ${month}" ${year}-${String(month).padStart(2, '0')}-15`, request);
    if (reply.kind === 'error') throw new Error(`seeding a deadline failed: ${reply.error.code}`);
    seeded += 1;
  }
  return seeded;
}
