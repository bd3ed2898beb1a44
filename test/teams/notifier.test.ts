import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ConversationReference } from 'botbuilder';
import { textCard } from '../../src/core/card.ts';
import { DeliveryError } from '../../src/core/notifier.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import {
  TEST_CHANNEL_ID,
  TEST_TEAM_ID,
  TEST_TENANT_ID,
  conversationUpdateActivity,
  messageActivity,
  personalConversationId,
  post,
  testUsers,
} from '../support/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from './harness.ts';

async function deliveryError(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('Teams conversation references and the notifier', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  test('first contact stores the reference: a personal chat under its user, a channel without its thread', async () => {
    const { anna } = testUsers;
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp' }));
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp', place: 'channel' }));

    const personal = await h.conversations.personalFor('teams', anna.id);
    expect(personal).toMatchObject({ platform: 'teams', tenantId: TEST_TENANT_ID, conversationId: personalConversationId(anna), userId: anna.id });
    const channel = await h.conversations.get('teams', TEST_CHANNEL_ID);
    expect(channel?.userId).toBeUndefined();
    const reference = JSON.parse(channel?.reference ?? '{}') as ConversationReference;
    expect(reference.conversation.id).toBe(TEST_CHANNEL_ID);
    expect(reference.serviceUrl).toBe(h.connector.serviceUrl);
    expect(reference.activityId).toBeUndefined();

    // The same reference again is not written again.
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp' }));
    expect(h.conversations.saves).toHaveLength(2);
  });

  test('installing the bot in a team stores the team reference, and posts reach it', async () => {
    const res = await post(h.url, conversationUpdateActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel' }));
    expect(res.status).toBe(200);
    expect(await h.conversations.get('teams', TEST_TEAM_ID)).toBeDefined();
    expect(h.seen.texts).toEqual([]);

    const ref = await h.notifier.post({ kind: 'conversation', platform: 'teams', conversationId: TEST_TEAM_ID }, textCard('Ny utlysning öppnar 1 november.'));
    expect(ref).toMatchObject({ platform: 'teams', conversationId: TEST_TEAM_ID });
    const sent = h.connector.sent(TEST_TEAM_ID);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.id).toBe(ref.messageId);
    expect(cardText(adaptiveCardOf(sent[0]?.activity))).toContain('Ny utlysning öppnar 1 november.');
  });

  test('a personal install stores the chat under its user; an uninstall stores nothing', async () => {
    const { cecilia } = testUsers;
    await post(h.url, conversationUpdateActivity({ serviceUrl: h.connector.serviceUrl, from: cecilia }));
    expect(await h.conversations.personalFor('teams', cecilia.id)).toMatchObject({ conversationId: personalConversationId(cecilia), userId: cecilia.id });

    const saves = h.conversations.saves.length;
    const { membersAdded: _added, ...update } = conversationUpdateActivity({ serviceUrl: h.connector.serviceUrl, from: testUsers.bertil });
    await post(h.url, { ...update, type: 'installationUpdate', action: 'remove' });
    expect(h.conversations.saves).toHaveLength(saves);
  });

  test('post reaches a stored channel and a user’s personal chat; update edits the message', async () => {
    const { anna } = testUsers;
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp' }));
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp', place: 'channel' }));
    h.connector.reset();

    const toChannel = await h.notifier.post(
      { kind: 'conversation', platform: 'teams', conversationId: TEST_CHANNEL_ID },
      { title: 'Påminnelse', sections: [{ type: 'text', text: 'Erasmus+ ansökan stänger om 7 dagar.' }], summary: 'Påminnelse' },
    );
    expect(h.connector.sent(TEST_CHANNEL_ID)).toHaveLength(1);
    expect(toChannel.conversationId).toBe(TEST_CHANNEL_ID);

    const toAnna = await h.notifier.post({ kind: 'user', platform: 'teams', userId: anna.id }, textCard('Du har en frist i morgon.'));
    const personal = h.connector.sent(personalConversationId(anna));
    expect(personal).toHaveLength(1);
    expect(toAnna).toEqual({ platform: 'teams', conversationId: personalConversationId(anna), messageId: personal[0]?.id });
    expect(cardText(adaptiveCardOf(personal[0]?.activity))).toContain('Du har en frist i morgon.');

    await h.notifier.update(toChannel, textCard('Fristen är klar.', 'success'));
    const updates = h.connector.updates();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ conversationId: TEST_CHANNEL_ID, activityId: toChannel.messageId });
    expect(cardText(adaptiveCardOf(updates[0]?.activity))).toContain('Fristen är klar.');
  });

  test('429 becomes a retryable DeliveryError with retryAfterMs, without sleeping in botbuilder', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp' }));
    h.connector.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const started = Date.now();
    const err = await deliveryError(h.notifier.post({ kind: 'user', platform: 'teams', userId: testUsers.anna.id }, textCard('Hej')));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(err.options).toEqual({ retryAfterMs: 7_000 });
    expect(h.connector.calls().filter((c) => c.status === 429)).toHaveLength(1);
  });

  test('403 and 404 are permanent, 5xx is retryable', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp' }));
    const anna = { kind: 'user', platform: 'teams', userId: testUsers.anna.id } as const;

    h.connector.failNext(1, { status: 403 });
    expect((await deliveryError(h.notifier.post(anna, textCard('Hej')))).options.permanent).toBe(true);

    h.connector.failNext(1, { status: 404 });
    const ref = { platform: 'teams', conversationId: personalConversationId(testUsers.anna), messageId: '42' } as const;
    expect((await deliveryError(h.notifier.update(ref, textCard('Hej')))).options.permanent).toBe(true);

    h.connector.failNext(1, { status: 502 });
    expect((await deliveryError(h.notifier.post(anna, textCard('Hej')))).options).toEqual({});
  });

  test('no stored reference is a DeliveryError for a conversation not reachable yet, saying what is missing', async () => {
    const toUser = await deliveryError(h.notifier.post({ kind: 'user', platform: 'teams', userId: '29:nobody' }, textCard('Hej')));
    expect(toUser.options).toEqual({ unreachable: true });
    expect(toUser.message).toContain('29:nobody');
    const toChannel = await deliveryError(h.notifier.post({ kind: 'conversation', platform: 'teams', conversationId: '19:x@thread.tacv2' }, textCard('Hej')));
    expect(toChannel.options).toEqual({ unreachable: true });
    expect(h.connector.calls()).toEqual([]);
  });
});
