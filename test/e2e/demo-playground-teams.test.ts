import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { playgroundIds } from '../../src/config/demo.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { buttonInvoke, conversationUpdateActivity, formSubmitInvoke, messageActivity, post, type TeamsUser } from '../support/teams-activities.ts';

/**
 * "Try it at once": started without a configuration file, as the Agents Playground is used,
 * the demo municipality lets the Playground's users ask and decide, over the real CloudAdapter
 * in its unauthenticated local mode, with the Playground's own tenant, user and conversation ids.
 */
describe.each(dialects)('Teams with no configuration file: the demo municipality in the Agents Playground (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => {
    const started = h as AppHarness | undefined;
    h = undefined as unknown as AppHarness;
    await started?.close();
  });

  const { alex, megan, tenantId, announcementsChannel, generalChannel } = playgroundIds;
  const board = announcementsChannel;
  const messages = () => `${h.baseUrl}/api/messages`;
  const ids = { tenantId, place: 'channel' as const };
  const say = (text: string, from: TeamsUser, conversationId: string) =>
    post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, ...ids, conversationId, from, text }));
  const textsIn = (conversationId: string) => h.connector.sent().filter((s) => s.conversationId === conversationId).map((s) => cardText(adaptiveCardOf(s.activity)));
  const press = (from: TeamsUser, value: string, replyToId: string) =>
    post(messages(), buttonInvoke({ serviceUrl: h.connector.serviceUrl, ...ids, conversationId: board, from, verb: 'approval.decide', value, replyToId }));

  it('one Playground user asks, the other approves with the card’s button, and the asker cannot approve their own request', async () => {
    const { config, source } = loadConfig({});
    expect(source).toBeUndefined();
    h = await startApp(dialect, '2026-11-23T09:00:00Z', config, { noConfigFile: true });

    // The bot posts to a channel once it has seen it: Megan opens the board's channel, which in
    // the Playground introduces the bot there (a conversationUpdate), as installing the app does.
    await post(messages(), conversationUpdateActivity({ serviceUrl: h.connector.serviceUrl, ...ids, conversationId: board, from: megan }));
    await say('samarbete ny "Partnerskap Theewaterskloof" type=partnership committee=kfn', alex, generalChannel);
    await say('utlysning ny "ICLD kommunala partnerskap" öppnar=09-01 stänger=12-15 finansiär=ICLD årlig', alex, generalChannel);
    await say('ansök E1 ICLD belopp=250000', alex, generalChannel);
    expect(textsIn(generalChannel).at(-1)).toContain('Ansökan A1 är registrerad och skickad till Kommunstyrelsen för beslut.');

    await h.tickAt('2026-11-23T09:00:30Z');
    const card = h.connector.sent().find((s) => s.conversationId === board && cardText(adaptiveCardOf(s.activity)).includes('Godkännande att ansöka: A1'));
    if (!card) throw new Error('the request card was not posted to the board’s channel (the Playground’s Announcements)');
    expect(cardText(adaptiveCardOf(card.activity))).toContain('Alex Wilber begär att Kommunstyrelsen godkänner');

    // Alex is an approver of the demo board, and still may not decide on Alex's own request.
    const own = await press(alex, '1:1:approved', card.id);
    expect(JSON.stringify(own.body)).toContain('Du kan inte besluta om din egen begäran.');
    expect(await h.app.store.db.selectFrom('decisions').select('id').execute()).toHaveLength(0);

    const form = await press(megan, '1:1:approved', card.id);
    expect(JSON.stringify(form.body)).toContain('Beslutsreferens');
    const decided = await post(
      messages(),
      formSubmitInvoke({ serviceUrl: h.connector.serviceUrl, ...ids, conversationId: board, from: megan, verb: 'approval.decide', state: '1:1:approved', values: { reference: 'KS § 1', comment: '' }, replyToId: card.id }),
    );
    expect(JSON.stringify(decided.body)).toContain('Godkänd av Megan Bowen för Kommunstyrelsen');
    const update = h.connector.updates().find((u) => u.activityId === card.id);
    expect(cardText(adaptiveCardOf(update?.activity))).toContain('Godkänd av Megan Bowen');
    expect(await h.app.store.db.selectFrom('applications').select(['id', 'status']).execute()).toEqual([{ id: 1, status: 'approved' }]);
  });
});
