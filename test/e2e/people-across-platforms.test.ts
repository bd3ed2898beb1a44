import { afterEach, describe, expect, it } from 'vitest';
import { approvalsConfig } from '../approvals/fixtures.ts';
import { SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { dialects } from '../support/databases.ts';
import { post as postSlack, slashCommand } from '../support/slack-requests.ts';
import { buttonInvoke, messageActivity, post, TEST_CHANNEL_ID, testUsers, type TeamsUser } from '../support/teams-activities.ts';

/*
 * Issue 14, point 3: one person on both platforms. Anna asks in Slack; the board meets in Slack
 * and in Teams. Her Slack and Teams accounts share a verified e-mail address (Slack users.info,
 * the Teams member look-up), so the board's Teams card names her (no Slack markup), and pressing
 * Approve on her own request in Teams is refused as it is in Slack.
 */
describe.each(dialects)('one person across Slack and Teams (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  it('names the Slack asker in Teams, mentions her in Slack, and refuses her own approval in Teams', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', approvalsConfig);
    h.slack.addUser({ id: 'U0ANNA', name: 'anna', realName: 'Anna Andersson', email: 'Anna.Andersson@tyreso.se' });
    h.connector.addMember({ ...testUsers.anna, email: 'anna.andersson@tyreso.se' });
    h.connector.addMember({ ...testUsers.bertil, email: 'bertil.berg@tyreso.se' });
    const app = h;
    const messages = `${h.baseUrl}/api/messages`;
    // The bot learns the board's Teams channel when someone writes there.
    await post(messages, messageActivity({ serviceUrl: app.connector.serviceUrl, place: 'channel', text: 'hjälp', from: testUsers.bertil }));

    let n = 0;
    const slack = async (text: string) => {
      const id = `s${++n}`;
      const res = await postSlack(`${app.baseUrl}/slack/events`, slashCommand({ text, responseUrl: app.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA', userName: 'anna' }, { signingSecret: SIGNING_SECRET }));
      expect(res.status).toBe(200);
      return JSON.stringify((await app.slack.waitFor('response', (c) => c.id === id)).body);
    };
    await slack('samarbete ny "Partnerskap Theewaterskloof" typ=partnership nämnd=kfn');
    expect(await slack('ansök E1 ICLD belopp=250000')).toContain('A1');
    expect(h.slack.calls('users.info').map((c) => c.body.user)).toContain('U0ANNA');
    await h.tickAt('2026-11-23T09:00:30Z');

    // Slack shows a mention (Slack renders the name); Teams shows the name, never the markup.
    const slackCard = h.slack.calls('chat.postMessage').find((c) => c.body.channel === 'C0KS' && JSON.stringify(c.body).includes('A1'));
    expect(JSON.stringify(slackCard?.body)).toContain('<@U0ANNA> begär att');
    const teamsCard = h.connector.sent().find((s) => s.conversationId === TEST_CHANNEL_ID && cardText(adaptiveCardOf(s.activity)).includes('A1'));
    expect(teamsCard).toBeDefined();
    const shown = `${cardText(adaptiveCardOf(teamsCard!.activity))} ${JSON.stringify(teamsCard!.activity.summary ?? '')}`;
    expect(shown).toContain('anna begär att Kommunstyrelsen');
    expect(shown).not.toMatch(/<@|‹@|U0ANNA/);

    const press = (from: TeamsUser) =>
      post(messages, buttonInvoke({ serviceUrl: app.connector.serviceUrl, place: 'channel', from, verb: 'approval.decide', value: '1:1:approved', replyToId: teamsCard!.id }));
    // Anna is a board member in Teams too, but this is her own request.
    expect(JSON.stringify((await press(testUsers.anna)).body)).toContain('Du kan inte besluta om din egen begäran.');
    expect(JSON.stringify((await press(testUsers.bertil)).body)).toContain('Beslutsreferens');
  });

  it('links the two accounts by the configuration when no e-mail does, and still refuses her own approval', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', { ...approvalsConfig, people: [{ slack: 'U0ANNA', teams: testUsers.anna.aadObjectId }] });
    const app = h;
    const messages = `${h.baseUrl}/api/messages`;
    await post(messages, messageActivity({ serviceUrl: app.connector.serviceUrl, place: 'channel', text: 'hjälp', from: testUsers.bertil }));
    let n = 0;
    const slack = async (text: string) => {
      const id = `c${++n}`;
      await postSlack(`${app.baseUrl}/slack/events`, slashCommand({ text, responseUrl: app.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA', userName: 'anna' }, { signingSecret: SIGNING_SECRET }));
      return JSON.stringify((await app.slack.waitFor('response', (c) => c.id === id)).body);
    };
    await slack('samarbete ny "Partnerskap Theewaterskloof" typ=partnership nämnd=kfn');
    expect(await slack('ansök E1 ICLD belopp=250000')).toContain('A1');
    await h.tickAt('2026-11-23T09:00:30Z');
    const card = h.connector.sent().find((s) => s.conversationId === TEST_CHANNEL_ID && cardText(adaptiveCardOf(s.activity)).includes('A1'));
    const pressed = await post(messages, buttonInvoke({ serviceUrl: app.connector.serviceUrl, place: 'channel', from: testUsers.anna, verb: 'approval.decide', value: '1:1:approved', replyToId: card!.id }));
    expect(JSON.stringify(pressed.body)).toContain('Du kan inte besluta om din egen begäran.');
  });
});
