import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { buttonInvoke, messageActivity, personalConversationId, post, TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';

/** "My work" in Teams: `mine` in the personal chat answers with a card that Teams refreshes whenever it is shown. */
describe.each(dialects)('Teams: my work in the personal chat (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const messages = () => `${h.baseUrl}/api/messages`;
  const say = (text: string) => post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text, from: testUsers.anna }));

  it('asked in a channel, `mitt` shows no one’s work there and points to the personal chat', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    await say('frist ny "Slutrapport Nordplus" 2026-10-15');
    await post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'mitt', from: testUsers.anna }));
    const inChannel = h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID));
    const text = cardText(adaptiveCardOf(inChannel.at(-1)?.activity));
    expect(text).toContain('fråga efter den i din chatt med Samverkan');
    expect(inChannel.map((s) => cardText(adaptiveCardOf(s.activity))).join('\n')).not.toContain('Slutrapport Nordplus');
    // So are the reports one owes.
    await post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'rapport', from: testUsers.anna }));
    const after = h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID));
    expect(cardText(adaptiveCardOf(after.at(-1)?.activity))).toContain('fråga efter den i din chatt med Samverkan');
  });

  it('answers `mitt` with the person’s work and a refreshed card after it changes', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    await say('frist ny "Slutrapport Nordplus" 2026-10-15');
    await say('mitt');
    const posted = h.connector.sent(personalConversationId(testUsers.anna)).at(-1);
    const card = adaptiveCardOf(posted?.activity);
    expect(cardText(card)).toContain('Mitt arbete');
    expect(cardText(card)).toContain('D1 · 15 okt. 2026 · Slutrapport Nordplus');
    // Teams asks the bot for a fresh copy each time the card is shown.
    expect(card?.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'mywork.show' } });

    await say('frist ny "Ansökan Erasmus+" 2026-10-01');
    await say('frist klar D1');
    const refreshed = await post(
      messages(),
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.anna, verb: 'mywork.show', value: '', replyToId: posted!.id }),
    );
    const now = cardText((refreshed.body as { value?: unknown }).value);
    expect(now).toContain('D2 · 1 okt. 2026 · Ansökan Erasmus+');
    expect(now).not.toContain('Slutrapport Nordplus');

    // Bertil refreshing the same kind of card sees his own (empty) list.
    const his = await post(
      messages(),
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.bertil, verb: 'mywork.show', value: '' }),
    );
    expect(cardText((his.body as { value?: unknown }).value)).toContain('Inga öppna frister.');
  });
});
