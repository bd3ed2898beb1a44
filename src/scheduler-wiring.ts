import type { Store } from '../db/connect.ts';
import { listenForOutbox, outboxSignal, type OutboxListener } from '../db/outbox-signal.ts';
import { KyselyOutboxWriter } from '../db/repositories/outbox.ts';
import { KyselyConversationStore } from '../db/repositories/people.ts';
import type { Env } from './config/env.ts';
import type { Platform } from './core/actor.ts';
import { toInstant, type Clock } from './core/clock.ts';
import { formatDateTime } from './core/format.ts';
import type { Logger } from './core/logger.ts';
import type { Notifier } from './core/notifier.ts';
import type { WorkflowModule } from './core/delivery.ts';
import type { MunicipalitySettings } from './core/settings.ts';
import { translator } from './i18n/index.ts';
import type { OutboxStore } from './scheduler/ports.ts';
import type { UnreachableConversation } from './scheduler/reachability.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { configuredConversations, unreachableNoticeKind, unreachableNotices } from './scheduler/unreachable-notice.ts';

/**
 * Slack: about one message per second per channel (kept at 1.05 s, so timer jitter never crosses
 * it). Teams: the Bot Connector allows 7 per second
 * but 60 per 30 seconds per conversation, so two a second is what it sustains.
 */
export const conversationIntervalMs: Partial<Record<Platform, number>> = { slack: 1_050, teams: 500 };

export interface OutboxScheduling {
  readonly scheduler: Scheduler;
  /** The start-up line that says how the outbox is delivered. */
  readonly summary: string;
  /** Configured conversations the bot cannot reach yet, and any others a delivery found (/readyz). */
  unreachable(): Promise<UnreachableConversation[]>;
  /** Starts the scheduler (and LISTEN on PostgreSQL); returns a start-up line per unreachable conversation. */
  start(): Promise<string[]>;
  stop(): Promise<void>;
}

export function wireScheduler(o: {
  readonly env: Env;
  readonly store: Store;
  readonly outbox: OutboxStore;
  readonly notifiers: ReadonlyMap<Platform, Notifier>;
  readonly modules: readonly WorkflowModule[];
  readonly settings: MunicipalitySettings;
  readonly clock: Clock;
  readonly log: Logger;
  readonly workerId?: string;
}): OutboxScheduling {
  const { env, store, settings, clock, log } = o;
  const t = translator(settings.locale);
  const now = () => toInstant(clock.now());
  const notices = unreachableNotices({ settings, t, now, enqueue: (m) => new KyselyOutboxWriter(store.db, now, () => outboxSignal(store.db).changed()).enqueue(m), onError: (err) => log.error({ err }, 'could not tell the coordinator about an unreachable conversation') });
  const handlers = new Map(o.modules.flatMap((m) => [...m.deliveries]));
  handlers.set(unreachableNoticeKind, notices.handler);
  const scheduler = new Scheduler({
    store: o.outbox,
    notifiers: o.notifiers,
    handlers,
    planners: o.modules.flatMap((m) => m.planners),
    clock,
    log,
    ...(o.workerId ? { workerId: o.workerId } : {}),
    leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    tickMs: env.OUTBOX_TICK_SECONDS * 1000,
    concurrency: env.OUTBOX_CONCURRENCY,
    unreachableHorizonMs: env.OUTBOX_UNREACHABLE_DAYS * 24 * 3_600_000,
    conversationIntervalMs,
    markLate: (card, dueAt) => {
      const note = t('scheduler.late', { due: formatDateTime(dueAt, settings.timeZone, settings.locale) });
      return { ...card, context: card.context ? `${card.context} · ${note}` : note };
    },
  });
  scheduler.reachability.onUnreachable((c) => {
    log.warn({ platform: c.target.platform, target: c.target, reason: c.reason }, 'conversation not reachable yet; its messages wait');
    notices.notify(c);
  });
  // A commit that wrote outbox rows wakes this process's scheduler at once.
  const unsubscribe = outboxSignal(store.db).subscribe(() => scheduler.wake());
  let listener: OutboxListener | undefined;

  const conversations = new KyselyConversationStore(store.db, now);
  const unreachable = async (): Promise<UnreachableConversation[]> => {
    const found: UnreachableConversation[] = [];
    for (const c of scheduler.reachability.list()) {
      // Added since the last try: its messages go out on the next one.
      if (c.target.platform === 'teams' && c.target.kind === 'conversation' && (await conversations.get('teams', c.target.conversationId))) continue;
      found.push(c);
    }
    const known = new Set(scheduler.reachability.list().map((c) => JSON.stringify(c.target)));
    // Teams tells us before any delivery: with no conversation at all to post from, the bot was
    // never added anywhere. With one, the notifier tries the channel (the app may be in its team)
    // and a refusal lands in the reachability list above.
    const anywhere = (await conversations.anyInTenant('teams', undefined)) !== undefined;
    for (const { target } of configuredConversations(settings)) {
      if (anywhere || target.platform !== 'teams' || target.kind !== 'conversation' || known.has(JSON.stringify(target))) continue;
      if (!(await conversations.get('teams', target.conversationId))) {
        known.add(JSON.stringify(target));
        found.push({ target, reason: 'no stored conversation reference yet (the bot has not been added to any team or chat)', waiting: 0 });
      }
    }
    return found;
  };
  const names = new Map(configuredConversations(settings).map((c) => [JSON.stringify(c.target), c.name]));

  return {
    scheduler,
    summary:
      `Scheduler: outbox woken on commit${store.dialect === 'postgres' ? ' and by NOTIFY from other replicas' : ''}, checked every ${env.OUTBOX_TICK_SECONDS} s; ` +
      `lease ${env.OUTBOX_LEASE_SECONDS} s; ${env.OUTBOX_CONCURRENCY} conversations at a time; unreachable conversations wait ${env.OUTBOX_UNREACHABLE_DAYS} days; ` +
      `reminders at ${settings.reminderTime} ${settings.timeZone}`,
    unreachable,
    async start() {
      if (store.dialect === 'postgres' && store.location) listener = listenForOutbox(store.location, () => scheduler.wake(), log);
      await scheduler.start();
      return (await unreachable()).map((c) => {
        const id = c.target.kind === 'conversation' ? c.target.conversationId : c.target.userId;
        const name = names.get(JSON.stringify(c.target));
        return `Reachability: WARNING: the bot cannot post in ${c.target.platform === 'slack' ? 'Slack' : 'Teams'} ${id}${name ? ` (${name})` : ''} yet: ${c.reason}. Add the app there; its messages wait.`;
      });
    },
    async stop() {
      unsubscribe();
      await scheduler.stop();
      await listener?.close();
    },
  };
}
