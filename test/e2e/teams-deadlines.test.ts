import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { buttonInvoke, messageActivity, OTHER_TENANT_ID, personalConversationId, post, TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';

/** R1 end to end in Teams: the real CloudAdapter over HTTP against a fake Bot Connector. */
describe.each(dialects)('Teams: a deadline from command to reminder to Done (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  // Replies to a channel message go to its thread (`<channel>;messageid=…`); proactive posts to the channel.
  const channelSent = () => h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID));
  const messages = () => `${h.baseUrl}/api/messages`;
  const say = (text: string, place: 'personal' | 'channel' = 'channel', from = testUsers.anna) =>
    post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place, text, from }));

  it('adds, lists, reminds in the channel and the owner’s chat, and Done updates the card for everyone', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    // Anna has a personal chat with the bot (so it can write to her) and works in the channel.
    expect((await say('hjälp', 'personal')).status).toBe(200);
    expect((await say('frist ny "Slutrapport ICLD" 2026-12-18 remind=7')).status).toBe(200);
    const added = channelSent().at(-1);
    expect(cardText(adaptiveCardOf(added?.activity))).toContain('Frist D1 registrerad: Slutrapport ICLD, sista dag 18 dec. 2026.');

    await say('frister');
    expect(cardText(adaptiveCardOf(channelSent().at(-1)?.activity))).toContain('D1 · 18 dec. 2026 · Slutrapport ICLD');

    // Seven days before is Friday 11 December, 08:00 in Stockholm.
    const before = h.connector.sent().length;
    await h.tickAt('2026-12-11T06:59:00Z');
    expect(h.connector.sent()).toHaveLength(before);
    await h.tickAt('2026-12-11T07:00:00Z');
    expect(h.connector.sent()).toHaveLength(before + 2);
    const inChannel = channelSent().at(-1)!;
    const inChat = h.connector.sent(personalConversationId(testUsers.anna)).at(-1)!;
    for (const reminder of [inChannel, inChat]) {
      const text = cardText(adaptiveCardOf(reminder.activity));
      expect(text).toContain('”Slutrapport ICLD” ska vara klar om 7 dagar.');
      expect(text).toContain('Klar');
      expect(text).toContain('Skjut upp 1 vecka');
    }

    // Bertil presses Done on the channel's card: his view and everyone's change at once.
    const pressed = await post(
      messages(),
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.bertil, verb: 'deadline.done', value: '1', replyToId: inChannel.id }),
    );
    expect(pressed.status).toBe(200);
    expect(JSON.stringify(pressed.body)).toContain('markerades som klar av Bertil Berg');
    const update = h.connector.updates().find((u) => u.activityId === inChannel.id);
    expect(cardText(adaptiveCardOf(update?.activity))).toContain('markerades som klar av Bertil Berg');
    expect(JSON.stringify(adaptiveCardOf(update?.activity))).not.toContain('Action.Execute');

    // The copy in Anna's chat is updated by the outbox; no reminders come after Done.
    await h.tickAt('2026-12-11T07:01:00Z');
    const chatUpdate = h.connector.updates().find((u) => u.activityId === inChat.id);
    expect(cardText(adaptiveCardOf(chatUpdate?.activity))).toContain('markerades som klar');
    await say('frister');
    expect(cardText(adaptiveCardOf(channelSent().at(-1)?.activity))).toContain('Inga öppna frister.');
  });

  it('reminds an owner who has never talked with the bot, in a personal chat the bot opens', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    // Anna works in the channel; Bertil has never written to Samverkan.
    await post(
      messages(),
      messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'frist ny "Budget ESF" 2026-12-18 remind=7 ägare=<at>Bertil Berg</at>', mentions: [testUsers.bertil] }),
    );
    expect(cardText(adaptiveCardOf(channelSent().at(-1)?.activity))).toContain('Frist D1 registrerad');
    await h.tickAt('2026-12-11T07:00:00Z');
    const created = h.connector.createdConversations() as { members?: { id: string }[]; tenantId?: string }[];
    expect(created).toHaveLength(1);
    expect(created[0]?.members).toEqual([{ id: testUsers.bertil.id }]);
    const toBertil = h.connector.sent().filter((s) => s.conversationId.startsWith('a:fake-conversation'));
    expect(toBertil).toHaveLength(1);
    expect(cardText(adaptiveCardOf(toBertil[0]?.activity))).toContain('”Budget ESF” ska vara klar om 7 dagar.');
    // The chat is remembered: the next message to Bertil goes there without opening another.
    await say('frist skjut D1 2d');
    await h.tickAt('2026-12-15T07:00:00Z');
    expect(h.connector.createdConversations()).toHaveLength(1);
    expect(h.connector.sent().filter((s) => s.conversationId === toBertil[0]?.conversationId)).toHaveLength(2);
  });

  it('answers bad input with a Swedish error and a tenant outside the configuration is refused', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    await say('frist ny Slutrapport Erasmus 15 okt');
    expect(cardText(adaptiveCardOf(channelSent().at(-1)?.activity))).toContain('citattecken');
    const outsider = await post(
      messages(),
      messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text: 'frist ny "X" 2026-12-18', tenantId: OTHER_TENANT_ID }),
    );
    expect(outsider.status).toBe(200);
    expect(JSON.stringify(h.connector.sent().at(-1)?.activity)).toContain('inte ansluten till Samverkan');
    expect(await h.app.store.db.selectFrom('deadlines').select('id').execute()).toHaveLength(0);
  });
});
