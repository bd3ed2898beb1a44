import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { blockAction, findButton, post, slashCommand, viewSubmission, type OpenedView } from '../support/slack-requests.ts';
import { buttonInvoke, messageActivity, personalConversationId, post as postActivity, TEST_CHANNEL_ID, TEST_TENANT_ID, testUsers } from '../support/teams-activities.ts';
import { openDocx } from '../reporting/docx-text.ts';
import { seedTyreso2016, tyresoConfig } from '../reporting/seed-tyreso.ts';

const config = { ...tyresoConfig, allow: { slackTeams: [SLACK_TEAM], teamsTenants: [TEST_TENANT_ID] } };
/** The culture committee works in a Teams channel as well as in Slack. */
const withTeams = {
  ...config,
  committees: config.committees.map((c) => (c.id === 'kfn' ? { ...c, channel: { slack: 'C0KFN', teams: TEST_CHANNEL_ID } } : c)),
};

/** R6 end to end: the committee's reminder, Confirm and summary in Slack; the report as files in Slack and Teams. */
describe.each(dialects)('annual reporting end to end (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const events = () => `${h.baseUrl}/slack/events`;
  const sign = { signingSecret: SIGNING_SECRET };

  it('Slack: the committee confirms with a summary, and the coordinator gets the Word document and the Markdown', async () => {
    h = await startApp(dialect, '2017-01-10T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);

    // 15 January 2017 is a Sunday: the reminders go out Monday 16 January at 08:00.
    await h.tickAt('2017-01-13T07:00:00Z');
    expect(h.slack.calls('chat.postMessage')).toHaveLength(0);
    await h.tickAt('2017-01-16T07:00:00Z');
    const posts = h.slack.calls('chat.postMessage');
    expect(posts.map((c) => (c.body as { channel: string }).channel).sort()).toEqual(['C0BUN', 'C0KFN', 'C0KS', 'C0SN']);
    const kfn = posts.find((c) => (c.body as { channel: string }).channel === 'C0KFN')!.body as { blocks: unknown; text: string };
    expect(kfn.text).toContain('Dags att redovisa Kultur- och fritidsnämndens internationella samarbete 2016');
    expect(JSON.stringify(kfn.blocks)).toContain('E2 Vänort Savigny-le-Temple · vänort · Savigny-le-Temple (Frankrike)');
    expect(JSON.stringify(kfn.blocks)).toContain('V2 28 juli 2016 – 31 juli 2016 · Utresa · Cesis · Rapport: saknas');
    expect(JSON.stringify(kfn.blocks)).toContain('A5 Nordplus Junior · Nordplus Kulturskolan–Cesis · avslagen av finansiären · Godkänd att söka (KS § 13, 2016.021)');
    const posted = await h.app.store.db.selectFrom('posted_messages').select('message_id').where('conversation_id', '=', 'C0KFN').executeTakeFirstOrThrow();

    // Write summary opens a modal; what is typed in it is saved.
    const write = findButton(kfn.blocks, { label: 'Skriv sammanfattning' });
    await post(events(), blockAction({ actionId: write.actionId, value: write.value, responseUrl: h.slack.responseUrl('w'), messageTs: posted.message_id, channelId: 'C0KFN', teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    const view = ((await h.slack.waitFor('views.open')).body as { view: OpenedView }).view;
    const summary = 'Jubileumsåret i Savigny-le-Temple: trädgårdsmässa, midsommarfirande och dansläger med ungdomar från Cesis.';
    const nul = await post(events(), viewSubmission({ view, values: { summary: `${summary}\u0000` }, teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    expect(JSON.parse(nul.body)).toMatchObject({ response_action: 'errors', errors: { summary: expect.stringContaining('styrtecken (U+0000)') } });
    const submitted = await post(events(), viewSubmission({ view, values: { summary }, teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    expect(submitted.status).toBe(200);
    const saved = await h.slack.waitFor('chat.postMessage', (c) => (c.body as { channel: string }).channel === 'U0ANNA');
    expect((saved.body as { text: string }).text).toBe('Sammanfattningen för Kultur- och fritidsnämnden 2016 är sparad och kommer med i årsrapporten.');

    const confirm = findButton(kfn.blocks, { label: 'Bekräfta' });
    await post(events(), blockAction({ actionId: confirm.actionId, value: confirm.value, responseUrl: h.slack.responseUrl('c'), messageTs: posted.message_id, channelId: 'C0KFN', teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    const update = await h.slack.waitFor('chat.update', (c) => (c.body as { ts: string }).ts === posted.message_id);
    expect(JSON.stringify(update.body)).toContain('bekräftades av <@U0ANNA>');
    expect(JSON.stringify((update.body as { blocks: unknown }).blocks)).not.toContain('"actions"');

    // A week later only the other three are reminded.
    await h.tickAt('2017-01-23T07:00:00Z');
    const later = h.slack
      .calls('chat.postMessage')
      .slice(posts.length)
      .map((c) => (c.body as { channel: string }).channel)
      .filter((channel) => channel.startsWith('C'));
    expect(later.sort()).toEqual(['C0BUN', 'C0INTL', 'C0KS', 'C0SN']);

    const asked = await post(events(), slashCommand({ text: 'årsrapport 2016', responseUrl: h.slack.responseUrl('r'), teamId: SLACK_TEAM, channelId: 'C0INTL', userId: 'U0COORD' }, sign));
    expect(asked.status).toBe(200);
    // Rendered in a worker thread, which starts on first use: allow for a loaded machine.
    const complete = await h.slack.waitFor('files.completeUploadExternal', undefined, 15_000);
    expect(JSON.stringify(complete.body)).toContain('arsrapport-2016.docx');
    const names = h.slack.calls('files.getUploadURLExternal').map((c) => String(c.body.filename));
    expect(names.sort()).toEqual(['arsrapport-2016-tidslinje.png', 'arsrapport-2016.docx', 'arsrapport-2016.md']);
    const uploads = h.slack.calls('upload').flatMap((c) => Object.values(c.body).filter((v): v is { size: number; text: string } => typeof v === 'object' && v !== null && 'size' in v));
    expect(uploads).toHaveLength(3);
    expect(Math.max(...uploads.map((u) => u.size))).toBeGreaterThan(10_000);
    const markdown = uploads.map((u) => u.text).find((text) => text.startsWith('# '))!;
    expect(markdown.split('\n')[0]).toBe('# Internationellt samarbete 2016 – Tyresö kommun');
    expect(markdown).toContain('## Kultur- och fritidsnämnden');
    expect(markdown).toContain('_Bekräftad av anna 16 jan. 2017._');
    expect(markdown).toContain(summary);
    expect(markdown).toContain('| E1 Partnerskap Theewaterskloof | Theewaterskloof (Sydafrika) |');
  });

  it('Teams: the reminder reaches the committee’s channel and Confirm updates the card for everyone', async () => {
    h = await startApp(dialect, '2017-01-10T09:00:00Z', withTeams);
    await seedTyreso2016(h.app.store.db);
    // The bot learns the channel when someone writes to it there.
    await postActivity(`${h.baseUrl}/api/messages`, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'hjälp', from: testUsers.anna }));
    await h.tickAt('2017-01-16T07:00:00Z');
    const reminder = h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID)).at(-1)!;
    const text = cardText(adaptiveCardOf(reminder.activity));
    expect(text).toContain('Dags att redovisa Kultur- och fritidsnämndens internationella samarbete 2016');
    expect(text).toContain('Bekräfta');

    const pressed = await postActivity(
      `${h.baseUrl}/api/messages`,
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.bertil, verb: 'annual.confirm', value: '2016:kfn', replyToId: reminder.id }),
    );
    expect(pressed.status).toBe(200);
    expect(JSON.stringify(pressed.body)).toContain('bekräftades av Bertil Berg');
    const update = h.connector.updates().find((u) => u.activityId === reminder.id);
    expect(cardText(adaptiveCardOf(update?.activity))).toContain('bekräftades av Bertil Berg');
    expect(JSON.stringify(adaptiveCardOf(update?.activity))).not.toContain('Action.Execute');
    // Confirmed: no follow-up for this committee a week later.
    await h.tickAt('2017-01-23T07:00:00Z');
    expect(h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID) && cardText(adaptiveCardOf(s.activity)).includes('Påminnelse'))).toHaveLength(0);
  });

  it('Teams: the report comes as download links served by the bot, and the Word document opens', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    const sent = await postActivity(`${h.baseUrl}/api/messages`, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text: 'årsrapport 2016', from: testUsers.anna }));
    expect(sent.status).toBe(200);
    // At once: the report is on its way. Then, rendered in a worker thread, the report itself.
    const chat = personalConversationId(testUsers.anna);
    expect(cardText(adaptiveCardOf(h.connector.sent(chat).at(-1)?.activity))).toContain('Årsrapporten för 2016 tas fram');
    await h.connector.waitFor((c) => c.conversationId === chat && String(JSON.stringify(c.body)).includes('/files/'), 15_000);
    const card = adaptiveCardOf(h.connector.sent(chat).at(-1)?.activity);
    const links = JSON.stringify(card).match(/http:\/\/localhost:\d+\/files\/[^"]+/g) ?? [];
    const docxLink = links.find((l) => l.endsWith('.docx'));
    expect(docxLink).toBeDefined();
    // Each file is named once, on its download button, not again in a line under the card.
    expect(cardText(card).split('arsrapport-2016.docx')).toHaveLength(2);
    const download = await fetch(`${h.baseUrl}${new URL(docxLink!).pathname}`);
    expect(download.status).toBe(200);
    const doc = await openDocx(new Uint8Array(await download.arrayBuffer()));
    expect(doc.paragraphs[0]).toBe('Internationellt samarbete 2016 – Tyresö kommun');
    expect(doc.text).toContain('Theewaterskloof (Sydafrika)');
    expect(doc.text).toContain('DigiIT');
    expect(PNG.sync.read(Buffer.from(doc.media[0]!)).width).toBeGreaterThan(1000);
  });
});
