import { afterEach, describe, expect, it } from 'vitest';
import { approvalsConfig } from '../approvals/fixtures.ts';
import { adaptiveCardOf, cardText, type SentActivity } from '../support/fake-bot-connector.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import {
  buttonInvoke,
  formSubmitInvoke,
  messageActivity,
  OTHER_TENANT_ID,
  personalConversationId,
  post,
  TEST_CHANNEL_ID,
  testUsers,
  type TeamsUser,
} from '../support/teams-activities.ts';

/** R3 end to end in Teams: the real CloudAdapter over HTTP, Action.Execute invokes, a fake Bot Connector. */
describe.each(dialects)('Teams: asking the board for approval to apply (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => {
    const started = h as AppHarness | undefined;
    // Forgotten at once: if the next test fails to start, this app must not be closed twice.
    h = undefined as unknown as AppHarness;
    await started?.close();
  });

  const messages = () => `${h.baseUrl}/api/messages`;
  const channelSent = () => h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID));
  const say = (text: string, place: 'personal' | 'channel' = 'channel', from: TeamsUser = testUsers.anna) =>
    post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place, text, from }));
  const lastChannelText = () => cardText(adaptiveCardOf(channelSent().at(-1)?.activity));
  const invoke = (from: TeamsUser, verb: string, value: string, replyToId: string, tenantId?: string) =>
    post(messages(), buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from, verb, value, replyToId, ...(tenantId ? { tenantId } : {}) }));

  async function request(closes = '10-15'): Promise<SentActivity> {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', approvalsConfig);
    await say('hjälp', 'personal');
    await say('samarbete ny "Partnerskap Theewaterskloof" type=partnership committee=kfn');
    await say(`utlysning ny "ICLD kommunala partnerskap" öppnar=09-01 stänger=${closes} finansiär=ICLD årlig`);
    await say('ansök E1 ICLD belopp=250000');
    expect(lastChannelText()).toContain('Ansökan A1 är registrerad och skickad till Kommunstyrelsen för beslut.');
    await h.tickAt('2026-11-23T09:00:30Z');
    const card = channelSent().find((s) => cardText(adaptiveCardOf(s.activity)).includes('Godkännande att ansöka: A1') && s.conversationId === TEST_CHANNEL_ID);
    if (!card) throw new Error('the request card was not posted to the board’s channel');
    return card;
  }

  it('refuses outsiders and self-approval, then an approver decides with a reference and the card changes for everyone', async () => {
    const card = await request();
    // Asked inside the board's own channel: the confirmation is one line, the card comes once.
    expect(channelSent().filter((s) => cardText(adaptiveCardOf(s.activity)).includes('Godkännande att ansöka: A1'))).toHaveLength(1);
    const text = cardText(adaptiveCardOf(card.activity));
    expect(text).toContain('Anna Andersson begär att Kommunstyrelsen godkänner');
    expect(JSON.stringify(adaptiveCardOf(card.activity))).toContain('"verb":"approval.decide"');
    expect(adaptiveCardOf(card.activity)?.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'approval.card', data: { value: '1:1' } } });

    const outsider = await invoke(testUsers.cecilia, 'approval.decide', '1:1:approved', card.id);
    expect(JSON.stringify(outsider.body)).toContain('Du är inte beslutsfattare för Kommunstyrelsen. Inget ändrades.');
    const own = await invoke(testUsers.anna, 'approval.decide', '1:1:approved', card.id);
    expect(JSON.stringify(own.body)).toContain('Du kan inte besluta om din egen begäran.');
    const foreign = await invoke(testUsers.bertil, 'approval.decide', '1:1:approved', card.id, OTHER_TENANT_ID);
    expect(JSON.stringify(foreign.body)).toContain('inte ansluten till Samverkan');

    const form = await invoke(testUsers.bertil, 'approval.decide', '1:1:approved', card.id);
    expect(JSON.stringify(form.body)).toContain('Beslutsreferens');
    const decided = await post(
      messages(),
      formSubmitInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.bertil, verb: 'approval.decide', state: '1:1:approved', values: { reference: 'KS § 45, 2026.112', comment: '' }, replyToId: card.id }),
    );
    expect(JSON.stringify(decided.body)).toContain('Godkänd av Bertil Berg för Kommunstyrelsen 23 nov. 2026 10:00. Beslut: KS § 45, 2026.112.');
    const update = h.connector.updates().find((u) => u.activityId === card.id);
    expect(cardText(adaptiveCardOf(update?.activity))).toContain('Godkänd av Bertil Berg');
    expect(adaptiveCardOf(update?.activity)?.actions).toBeUndefined();
    // Whoever looks at the card later gets it as it stands through Teams' automatic refresh.
    const refreshed = await invoke(testUsers.cecilia, 'approval.card', '1:1', card.id);
    expect(cardText((refreshed.body as { value: unknown }).value)).toContain('Godkänd av Bertil Berg');

    await h.tickAt('2026-11-23T09:01:00Z');
    // The board's Slack channel got the same request; its copy follows the decision made in Teams.
    const slackCopy = h.slack.calls('chat.update').find((c) => c.body.channel === 'C0KS');
    expect(JSON.stringify(slackCopy?.body)).toContain('Godkänd av Bertil Berg för Kommunstyrelsen');
    const told = h.connector.sent(personalConversationId(testUsers.anna)).map((s) => cardText(adaptiveCardOf(s.activity)));
    expect(told.some((t) => t.includes('Beslut om A1') && t.includes('ansökan inskickad A1'))).toBe(true);

    await say('ansökan inskickad A1');
    expect(lastChannelText()).toContain('A1 är markerad som inskickad.');
    expect(await h.app.store.db.selectFrom('decisions').select(['reference', 'decided_by_json']).execute()).toEqual([
      { reference: 'KS § 45, 2026.112', decided_by_json: expect.stringContaining(testUsers.bertil.aadObjectId) },
    ]);
  });

  it('asks for changes with a required comment, and a stale press is told who decided', async () => {
    const card = await request();
    const noComment = await post(
      messages(),
      formSubmitInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.bertil, verb: 'approval.decide', state: '1:1:changes', values: { reference: '', comment: '' }, replyToId: card.id }),
    );
    expect(JSON.stringify(noComment.body)).toContain('Skriv en kommentar');
    expect(await h.app.store.db.selectFrom('decisions').select('id').execute()).toHaveLength(0);

    await post(
      messages(),
      formSubmitInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.bertil, verb: 'approval.decide', state: '1:1:changes', values: { reference: '', comment: 'Ange medfinansieringen.' }, replyToId: card.id }),
    );
    const update = h.connector.updates().find((u) => u.activityId === card.id);
    expect(cardText(adaptiveCardOf(update?.activity))).toContain('Bertil Berg begärde ändringar för Kommunstyrelsen');

    // A press on the now stale card only says how it was decided; nothing changes.
    const stale = await invoke(testUsers.bertil, 'approval.decide', '1:1:rejected', card.id);
    expect(JSON.stringify(stale.body)).toContain('begärde ändringar');
    await h.tickAt('2026-11-23T09:01:00Z');
    const dm = h.connector.sent(personalConversationId(testUsers.anna)).find((s) => cardText(adaptiveCardOf(s.activity)).includes('Beslut om A1'));
    expect(cardText(adaptiveCardOf(dm?.activity))).toContain('Ange medfinansieringen.');
    expect(JSON.stringify(adaptiveCardOf(dm?.activity))).toContain('"verb":"approval.resubmit"');
  });

  it('rejects with a reference and a comment, and a request still undecided when its call closes expires', async () => {
    const first = await request('11-27');
    expect(cardText(adaptiveCardOf(first.activity))).toContain('Utlysningen stänger 27 nov. 2026, före nästa sammanträde i Kommunstyrelsen');
    await say('ansök E1 C1 belopp=90000');
    await h.tickAt('2026-11-23T09:01:00Z');
    const second = channelSent().find((s) => cardText(adaptiveCardOf(s.activity)).includes('Godkännande att ansöka: A2') && s.conversationId === TEST_CHANNEL_ID);
    if (!second) throw new Error('the second request card was not posted');

    const rejected = await post(
      messages(),
      formSubmitInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.bertil, verb: 'approval.decide', state: '1:1:rejected', values: { reference: 'KS § 50', comment: 'Ingen medfinansiering.' }, replyToId: first.id }),
    );
    expect(JSON.stringify(rejected.body)).toContain('Avslagen av Bertil Berg för Kommunstyrelsen');
    expect(cardText(adaptiveCardOf(h.connector.updates().find((u) => u.activityId === first.id)?.activity))).toContain('Kommentar: Ingen medfinansiering.');

    await h.tickAt('2026-11-27T23:00:00Z');
    const expired = h.connector.updates().find((u) => u.activityId === second.id);
    expect(cardText(adaptiveCardOf(expired?.activity))).toContain('Begäran har löpt ut');
    expect(adaptiveCardOf(expired?.activity)?.actions).toBeUndefined();
    const late = await invoke(testUsers.bertil, 'approval.decide', '2:1:approved', second.id);
    // In a channel Teams has no private message beside a card: the presser sees the card as it stands.
    expect(JSON.stringify(late.body)).toContain('Begäran har löpt ut');
    expect(await h.app.store.db.selectFrom('applications').select(['id', 'status']).orderBy('id').execute()).toEqual([
      { id: 1, status: 'rejected' },
      { id: 2, status: 'expired' },
    ]);
  });
});
