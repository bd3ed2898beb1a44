import { afterEach, describe, expect, it } from 'vitest';
import { SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { post, slashCommand } from '../support/slack-requests.ts';
import { messageActivity, personalConversationId, post as postActivity, testUsers, type TeamsUser } from '../support/teams-activities.ts';

/** The real worker, except that 2013 throws, 2014 hangs and 2015 holds its thread for 1.5 s. */
const faultyWorker = new URL('../support/render-worker-faulty.ts', import.meta.url);
const sign = { signingSecret: SIGNING_SECRET };

/** Reports are rendered in worker threads: the event loop keeps answering, and a failing worker is told to the person. */
describe.each(dialects)('documents rendered off the event loop (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const events = () => `${h.baseUrl}/slack/events`;
  const slash = (text: string, id: string, userId = 'U0ANNA') =>
    post(events(), slashCommand({ text, responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId }, sign));
  const answer = async (id: string) => JSON.stringify((await h.slack.waitFor('response', (c) => c.id === id, 10_000)).body);
  const answers = (id: string) => h.slack.calls('response').filter((c) => c.id === id).map((c) => JSON.stringify(c.body));
  const teams = (text: string, from: TeamsUser = testUsers.anna) =>
    postActivity(`${h.baseUrl}/api/messages`, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text, from }));
  const teamsTexts = (user: TeamsUser = testUsers.anna) => h.connector.sent(personalConversationId(user)).map((s) => cardText(adaptiveCardOf(s.activity)));

  it('Slack and Teams: while a report takes long, other commands are answered, and the report follows', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', undefined, { renderEntry: faultyWorker });

    expect((await slash('årsrapport 2015', 'report')).status).toBe(200);
    expect(await answer('report')).toContain('Årsrapporten för 2015 tas fram');
    // The report's thread is busy for 1.5 s; a command typed meanwhile, in Slack and in Teams, is answered at once.
    expect((await slash('frister', 'other', 'U0BERTIL')).status).toBe(200);
    expect(await answer('other')).toContain('frist');
    expect((await teams('frister', testUsers.bertil)).status).toBe(200);
    expect(teamsTexts(testUsers.bertil).at(-1)).toContain('frist');
    expect(h.slack.calls('files.completeUploadExternal')).toHaveLength(0);
    const uploaded = await h.slack.waitFor('files.completeUploadExternal', undefined, 15_000);
    expect(JSON.stringify(uploaded.body)).toContain('arsrapport-2015.docx');

    // Teams: the notice in the reply, the report as a message of its own once it is rendered.
    expect((await teams('årsrapport 2015')).status).toBe(200);
    expect(teamsTexts().at(-1)).toContain('Årsrapporten för 2015 tas fram');
    expect((await teams('frister', testUsers.bertil)).status).toBe(200);
    expect(teamsTexts().join('\n')).not.toContain('arsrapport-2015.docx');
    const chat = personalConversationId(testUsers.anna);
    await h.connector.waitFor((c) => c.conversationId === chat && String(JSON.stringify(c.body)).includes('arsrapport-2015.docx'), 15_000);
    expect(teamsTexts().at(-1)).toContain('Årsrapport 2015');
  });

  it('a worker that throws: the person is told the document could not be prepared, and nothing is stored', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', undefined, { renderEntry: faultyWorker });
    await slash('årsrapport 2013', 'broken');
    await h.slack.waitFor('response', (c) => c.id === 'broken' && JSON.stringify(c.body).includes('kunde inte tas fram'), 15_000);
    expect(answers('broken')[0]).toContain('Årsrapporten för 2013 tas fram');
    expect(h.slack.calls('files.getUploadURLExternal')).toHaveLength(0);

    await teams('årsrapport 2013');
    const chat = personalConversationId(testUsers.anna);
    await h.connector.waitFor((c) => c.conversationId === chat && String(JSON.stringify(c.body)).includes('kunde inte tas fram'), 15_000);
    // No download link was made for a document that does not exist.
    expect(await h.app.store.db.selectFrom('files').select('name').execute()).toEqual([]);
  });

  it('a worker that hangs: stopped after RENDER_TIMEOUT_SECONDS, the person told, and the next report works', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', undefined, { renderEntry: faultyWorker, env: { RENDER_TIMEOUT_SECONDS: '2' } });
    await slash('årsrapport 2014', 'hung');
    await h.slack.waitFor('response', (c) => c.id === 'hung' && JSON.stringify(c.body).includes('tog för lång tid'), 15_000);
    expect(h.slack.calls('files.getUploadURLExternal')).toHaveLength(0);
    // The hung thread was ended; a new one renders the next report.
    await slash('årsrapport 2016', 'next');
    const uploaded = await h.slack.waitFor('files.completeUploadExternal', undefined, 15_000);
    expect(JSON.stringify(uploaded.body)).toContain('arsrapport-2016.docx');
  });
});
