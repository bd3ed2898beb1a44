import type { Card } from '../../src/core/card.ts';
import type { MessageRef, Notifier } from '../../src/core/notifier.ts';
import type { Target } from '../../src/core/actor.ts';
import type { HttpHandler } from '../../src/http/server.ts';
import type { TeamsAdapter, TeamsAdapterOptions } from './index.ts';

export interface LazyTeamsAdapter extends TeamsAdapter {
  /** Loads it now; the app does so at start when a Microsoft app id is set, to fail fast. */
  load(): Promise<TeamsAdapter>;
}

/**
 * The Teams adapter, loaded on first use. botbuilder is by far the biggest library the bot loads
 * (about 20 MB of heap and 0.3 s at start): a municipality on Slack alone never needs it, and a
 * smaller heap means shorter garbage-collection pauses on the thread that acks Slack's requests.
 */
export function lazyTeamsAdapter(options: TeamsAdapterOptions): LazyTeamsAdapter {
  let adapter: Promise<TeamsAdapter> | undefined;
  const load = (): Promise<TeamsAdapter> => (adapter ??= import('./index.ts').then((m) => m.createTeamsAdapter(options)));
  const httpHandler: HttpHandler = async (req, res) => (await load()).httpHandler(req, res);
  const notifier: Notifier = {
    platform: 'teams',
    post: async (target: Target, card: Card): Promise<MessageRef> => (await load()).notifier.post(target, card),
    update: async (ref: MessageRef, card: Card): Promise<void> => (await load()).notifier.update(ref, card),
  };
  return { httpHandler, notifier, load };
}
