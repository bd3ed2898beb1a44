import { afterEach, describe, expect, it } from 'vitest';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { blockSuggestion, post as postSlack, slashCommand, viewSubmission, type OpenedView } from '../support/slack-requests.ts';
import { messageActivity, personalConversationId, post as postTeams, searchInvoke, testUsers } from '../support/teams-activities.ts';

/*
 * Issue 14, point 4: a picker past 100 items. With 300 engagements the visit form's engagement
 * picker is Slack's external_select and Teams' Input.ChoiceSet with Data.Query, and both search
 * every engagement as the person types, so E250 can be chosen, which a list of the first 100 hid.
 */
async function seedEngagements(h: AppHarness, count: number): Promise<void> {
  const at = '2026-11-23T09:00:00.000Z';
  const rows = Array.from({ length: count }, (_, i) => ({
    title: `Samarbete nr ${i + 1}`,
    type: 'twin-town',
    committee_id: 'kfn',
    partner: i === 249 ? 'Åbo stad' : `Partner ${i + 1}`,
    country: 'FI',
    funder: null,
    start_date: null,
    end_date: null,
    contact_key: null,
    contact_json: null,
    // A closed engagement is no longer one a visit can be for.
    status: i === 250 ? 'closed' : 'running',
    created_by_key: 'slack:U0ANNA',
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 100) await h.app.store.db.insertInto('engagements').values(rows.slice(i, i + 100)).execute();
}

describe.each(dialects)('pickers over more than 100 items (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const sign = { signingSecret: SIGNING_SECRET };

  it('Slack: the visit form searches all 300 engagements, and the one found is the one stored', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    await seedEngagements(h, 300);
    const events = `${h.baseUrl}/slack/events`;
    await postSlack(events, slashCommand({ text: 'besök ny', responseUrl: h.slack.responseUrl('f'), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' }, sign));
    const view = ((await h.slack.waitFor('views.open')).body as { view: OpenedView }).view;
    const picker = view.blocks?.find((b) => b.block_id === 'engagement')?.element;
    expect(picker?.type).toBe('external_select');
    expect(picker?.options).toBeUndefined();

    const suggest = async (value: string) => {
      const res = await postSlack(events, blockSuggestion({ actionId: picker!.action_id!, blockId: 'engagement', value, view, teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
      expect(res.status).toBe(200);
      return (JSON.parse(res.body) as { options: { text: { text: string }; value: string }[] }).options;
    };
    expect((await suggest('nr 25')).map((o) => o.value)).toEqual(expect.arrayContaining(['25', '250']));
    expect((await suggest('åbo')).map((o) => o.text.text)).toEqual([expect.stringContaining('E250 Samarbete nr 250')]);
    expect((await suggest('E300')).map((o) => o.value)).toEqual(['300']);
    expect(await suggest('nr 251')).toEqual([]);

    const submitted = await postSlack(events, viewSubmission({ view, values: { engagement: '250', direction: 'out', from: '2027-03-01', to: '2027-03-04' }, teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    expect(submitted.status).toBe(200);
    await h.slack.waitFor('chat.postMessage', (c) => JSON.stringify(c.body).includes('V1'));
    const visit = await h.app.store.db.selectFrom('visits').select(['engagement_id', 'from_date']).executeTakeFirstOrThrow();
    expect(visit).toEqual({ engagement_id: 250, from_date: '2027-03-01' });
  });

  it('Teams: the visit form’s picker is a Data.Query typeahead that finds any of the 300', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    await seedEngagements(h, 300);
    const url = `${h.baseUrl}/api/messages`;
    await postTeams(url, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text: 'besök ny', from: testUsers.anna }));
    const card = adaptiveCardOf(h.connector.sent(personalConversationId(testUsers.anna)).at(-1)?.activity) as unknown as { version: string; body: Record<string, unknown>[] };
    expect(cardText(card)).toContain('Samarbete');
    const picker = card.body.find((e) => e.id === 'engagement')!;
    expect(card.version).toBe('1.6');
    expect(picker['choices.data']).toEqual({ type: 'Data.Query', dataset: 'engagements' });
    expect((picker.choices as unknown[]).length).toBeLessThanOrEqual(100);

    const found = await postTeams(url, searchInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.anna, dataset: 'engagements', queryText: 'åbo' }));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ type: 'application/vnd.microsoft.search.searchResponse', value: { results: [{ value: '250', title: expect.stringContaining('E250') }] } });
    const none = await postTeams(url, searchInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.anna, dataset: 'engagements', queryText: 'nr 251' }));
    expect((none.body as { value: { results: unknown[] } }).value.results).toEqual([]);
  });
});
