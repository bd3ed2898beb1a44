import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../adapters/slack/index.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import type { Card } from '../../src/core/card.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { DeliveryError } from '../../src/core/notifier.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { testBot } from './harness.ts';

const card: Card = { title: 'Påminnelse', sections: [{ type: 'text', text: 'Rapporten för V7 ska in på fredag.' }], summary: 'Rapporten för V7 ska in på fredag.' };
const channel = { kind: 'conversation', platform: 'slack', conversationId: 'C0002' } as const;

/** The Notifier needs no HTTP server: only the fake Web API. */
describe('Slack notifier', () => {
  let slack: FakeSlack;
  let adapter: SlackAdapter;
  const log = silentLogger();
  const bot = testBot();

  beforeAll(async () => {
    slack = await startFakeSlack();
    // No HTTP server and no start(): the Notifier only talks to the Web API.
    adapter = createSlackAdapter({ bot, botToken: 'xoxb-notifier', signingSecret: 'unused', apiUrl: slack.url, log, botUserId: 'UBOT', botId: 'BBOT' });
  });
  afterAll(async () => slack.close());
  beforeEach(() => slack.reset());

  it('posts to a channel and returns the message ref', async () => {
    const ref = await adapter.notifier.post(channel, card);
    const call = await slack.waitFor('chat.postMessage');
    expect(ref).toEqual({ platform: 'slack', conversationId: 'C0002', messageId: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(call.token).toBe('xoxb-notifier');
    expect(call.body).toMatchObject({ channel: 'C0002', text: 'Rapporten för V7 ska in på fredag.' });
    expect(call.body.blocks).toHaveLength(2);
  });

  it('posts to a person in the app DM and keeps the D channel Slack reports', async () => {
    const ref = await adapter.notifier.post({ kind: 'user', platform: 'slack', userId: 'U0042' }, card);
    expect((await slack.waitFor('chat.postMessage')).body.channel).toBe('U0042');
    expect(ref.conversationId).toBe('D0042');
  });

  it('updates a posted message', async () => {
    const ref = await adapter.notifier.post(channel, card);
    await adapter.notifier.update(ref, { sections: [{ type: 'text', text: 'Klar.' }], summary: 'Klar.' });
    const call = await slack.waitFor('chat.update');
    expect(call.body).toMatchObject({ channel: 'C0002', ts: ref.messageId, text: 'Klar.' });
    expect(slack.message('C0002', ref.messageId)?.text).toBe('Klar.');
  });

  it('turns a 429 into a DeliveryError with Retry-After, without retrying itself', async () => {
    slack.failNext('chat.postMessage', { retryAfter: 30 });
    const err = await adapter.notifier.post(channel, card).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).options).toEqual({ retryAfterMs: 30_000 });
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });

  it('turns a 429 on update into a DeliveryError with Retry-After', async () => {
    slack.failNext('chat.update', { retryAfter: 2 });
    const err = await adapter.notifier.update({ platform: 'slack', conversationId: 'C0002', messageId: '1.000001' }, card).catch((e: unknown) => e);
    expect((err as DeliveryError).options.retryAfterMs).toBe(2000);
  });

  it.each(['not_in_channel', 'channel_not_found'])('marks %s as not reachable yet, so the message waits for the bot to be added', async (error) => {
    slack.failNext('chat.postMessage', { error });
    const err = await adapter.notifier.post(channel, card).catch((e: unknown) => e);
    expect((err as DeliveryError).options).toEqual({ unreachable: true });
    expect((err as DeliveryError).message).toContain(error);
  });

  it.each(['is_archived', 'invalid_auth', 'account_inactive', 'user_not_found'])(
    'marks %s as permanent',
    async (error) => {
      slack.failNext('chat.postMessage', { error });
      const err = await adapter.notifier.post(channel, card).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DeliveryError);
      expect((err as DeliveryError).options.permanent).toBe(true);
      expect((err as DeliveryError).message).toContain(error);
    },
  );

  it.each([{ error: 'internal_error' }, { status: 503 }, { status: 500 }])('keeps %j retryable', async (failure) => {
    slack.failNext('chat.postMessage', failure);
    const err = await adapter.notifier.post(channel, card).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).options.permanent).toBeFalsy();
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });

  it('keeps a network failure retryable', async () => {
    const down = await startFakeSlack();
    const url = down.url;
    await down.close();
    const offline = createSlackAdapter({ bot, botToken: 'xoxb-x', signingSecret: 'unused', apiUrl: url, log, botUserId: 'U', botId: 'B' });
    const err = await offline.notifier.post(channel, card).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).options.permanent).toBeFalsy();
    expect((err as DeliveryError).options.retryAfterMs).toBeUndefined();
  });
});
