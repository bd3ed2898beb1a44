import type { Actor, Target } from '../../src/core/actor.ts';
import { createApp, type SamverkanApp } from '../../src/app.ts';
import { readEnv } from '../../src/config/env.ts';
import { parseConfig } from '../../src/config/load.ts';
import { FakeClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Reply, SettledReply } from '../../src/core/reply.ts';
import { translator, type Locale } from '../../src/i18n/index.ts';
import type { DialectName } from '../../db/connect.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { RecordingNotifier } from './recording-notifier.ts';

export const anna: Actor = { platform: 'slack', tenantId: 'T0TYRESO', userId: 'U0ANNA', name: 'anna' };
export const channel: Target = { kind: 'conversation', platform: 'slack', conversationId: 'C0KFN', tenantId: 'T0TYRESO' };

export const testConfig = {
  municipality: { name: 'Tyresö kommun', language: 'sv', timeZone: 'Europe/Stockholm', reminderTime: '08:00' },
  coordinator: { people: { slack: ['U0COORD'] }, channel: { slack: 'C0INTL' } },
  committees: [
    { id: 'ks', name: 'Kommunstyrelsen', channel: { slack: 'C0KS' } },
    { id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { slack: 'C0KFN' } },
  ],
  allow: { slackTeams: ['T0TYRESO'] },
};

export interface CoreHarness {
  readonly app: SamverkanApp;
  readonly clock: FakeClock;
  readonly notifier: RecordingNotifier;
  readonly database: TestDatabase;
  /** Types a command as Anna in the committee channel (or as someone else / elsewhere). */
  /** Slow work (a report) is waited for: the reply is what the person gets in the end. */
  say(text: string, as?: { actor?: Actor; conversation?: Target; isDirect?: boolean }): Promise<SettledReply>;
  /** Moves the clock and runs the scheduler once. */
  tickAt(iso: string): ReturnType<SamverkanApp['scheduler']['tick']>;
  close(): Promise<void>;
}

/**
 * The real core (grammar, workflows, store, scheduler) with a recording Notifier in place of the
 * platforms: for tests about time and the outbox. Platform behaviour is tested end to end elsewhere.
 */
export async function startCore(dialect: DialectName, start: string, config: object = testConfig): Promise<CoreHarness> {
  const database = await createTestDatabase(dialect);
  const clock = new FakeClock(start);
  const notifier = new RecordingNotifier('slack');
  const app = await createApp({
    config: parseConfig(config, 'test'),
    configSource: 'test',
    env: readEnv({}),
    clock,
    log: silentLogger(),
    store: database.open(),
    notifiers: { slack: notifier },
  });
  return {
    app,
    clock,
    notifier,
    database,
    say: async (text, as = {}) => {
      const reply = await app.bot.handleText(text, { actor: as.actor ?? anna, conversation: as.conversation ?? channel, isDirect: as.isDirect ?? false });
      return reply.kind === 'pending' ? reply.result : reply;
    },
    tickAt: (iso) => {
      clock.set(iso);
      return app.scheduler.tick();
    },
    close: async () => {
      await app.scheduler.stop();
      await app.renderer.close();
      await app.store.close();
      await database.destroy();
    },
  };
}

/** What a person would read in a reply, Swedish by default. */
export function replyText(reply: Reply, locale: Locale = 'sv'): string {
  if (reply.kind === 'error') return translator(locale)(reply.error.code, reply.error.params);
  if (reply.kind === 'form') return reply.form.title;
  const card = reply.kind === 'pending' ? reply.notice : reply.card;
  const parts = [card.title ?? '', ...card.sections.map((s) => (s.type === 'text' ? s.text : s.type === 'list' ? s.items.join('\n') : s.type === 'facts' ? s.facts.map((f) => `${f.label}: ${f.value}`).join('\n') : ''))];
  return parts.filter(Boolean).join('\n');
}
