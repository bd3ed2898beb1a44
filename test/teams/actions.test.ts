import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { adaptiveCardOf, cardText, type AdaptiveCardJson } from '../support/fake-bot-connector.ts';
import { TEST_CHANNEL_ID, buttonInvoke, formSubmitInvoke, messageActivity, post, testUsers } from '../support/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from './harness.ts';

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

function inputs(card: AdaptiveCardJson): Record<string, unknown>[] {
  return (card.body ?? []).filter((e) => String(e.type).startsWith('Input.'));
}

describe('Teams Action.Execute', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  test('a button replaces the card for the clicker in the response and for everyone by PUT', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'frister' }));
    const botMessage = h.connector.sent()[0];
    expect(botMessage).toBeDefined();
    const threadId = botMessage?.conversationId ?? '';

    const res = await post(
      h.url,
      buttonInvoke({
        serviceUrl: h.connector.serviceUrl,
        place: 'channel',
        conversationId: threadId,
        from: testUsers.bertil,
        verb: 'deadline.done',
        value: '34',
        replyToId: botMessage?.id ?? '',
      }),
    );

    expect(res.status).toBe(200);
    const body = res.body as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: CARD });
    expect(cardText(body.value)).toContain('D34 markerad klar av Bertil Berg');

    expect(h.seen.actions).toEqual([
      { name: 'deadline.done', value: '34', source: { platform: 'teams', conversationId: TEST_CHANNEL_ID, messageId: botMessage?.id } },
    ]);
    const updates = h.connector.updates();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ conversationId: threadId, activityId: botMessage?.id });
    expect(adaptiveCardOf(updates[0]?.activity)).toEqual(body.value);
  });

  test('an older client that runs the Action.Submit fallback gets the same action and the new card as a message', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'frister' }));
    const card = adaptiveCardOf(h.connector.sent()[0]?.activity);
    const fallback = (card?.actions?.[0] as { fallback?: { type: string; data: Record<string, unknown> } } | undefined)?.fallback;
    expect(fallback?.type).toBe('Action.Submit');
    // Teams posts the submit's data as the value of a message activity with no text.
    const submit = { ...messageActivity({ serviceUrl: h.connector.serviceUrl, text: '', mentionBot: false }), text: undefined, value: fallback?.data };
    const res = await post(h.url, submit);
    expect(res.status).toBe(200);
    expect(h.seen.actions.map((a) => [a.name, a.value])).toEqual([['deadline.done', '34']]);
    expect(cardText(adaptiveCardOf(h.connector.sent()[1]?.activity))).toContain('D34 markerad klar av');
  });

  test('a private reply without replace comes back only to the clicker', async () => {
    const res = await post(h.url, buttonInvoke({ serviceUrl: h.connector.serviceUrl, verb: 'deadline.snooze', value: '34:1', replyToId: '1000001' }));
    const body = res.body as InvokeBody;
    expect(body.type).toBe(CARD);
    expect(cardText(body.value)).toContain('Påminnelsen flyttad en dag.');
    expect(h.connector.updates()).toEqual([]);
    expect(h.connector.sent()).toEqual([]);
  });

  test('an unknown verb answers with the Swedish message and changes nothing', async () => {
    const res = await post(h.url, buttonInvoke({ serviceUrl: h.connector.serviceUrl, verb: 'gone.away', value: '1', replyToId: '1000001' }));
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Den knappen används inte längre. Inget ändrades.',
    });
    expect(h.connector.updates()).toEqual([]);
  });

  test('a button that opens a form answers with the form card', async () => {
    const res = await post(h.url, buttonInvoke({ serviceUrl: h.connector.serviceUrl, verb: 'visit.report', value: '7', replyToId: '1000001' }));
    const card = (res.body as InvokeBody).value as AdaptiveCardJson;
    expect(cardText(card)).toContain('Rapport för besök V7');
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Skicka rapport', verb: 'report.submit', data: { state: '{"visit":"7"}' }, style: 'positive', fallback: { type: 'Action.Submit', title: 'Skicka rapport', data: { state: '{"visit":"7"}', samverkanVerb: 'report.submit' }, style: 'positive' } }]);
  });

  test('a form with errors comes back with what was typed and the errors beside the fields', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'report 7' }));
    const formCard = adaptiveCardOf(h.connector.sent()[0]?.activity);
    expect(formCard).toBeDefined();
    const submit = formCard?.actions?.[0] as { verb: string; data: { state: string } };

    const res = await post(
      h.url,
      formSubmitInvoke({
        serviceUrl: h.connector.serviceUrl,
        verb: submit.verb,
        state: submit.data.state,
        values: { summary: '   ', participants: 'tolv', date: '2026-10-20', outcome: 'mixed' },
        replyToId: h.connector.sent()[0]?.id ?? '',
      }),
    );

    const body = res.body as InvokeBody;
    expect(body.type).toBe(CARD);
    const card = body.value as AdaptiveCardJson;
    expect(h.seen.forms[0]).toEqual({
      name: 'report.submit',
      state: '{"visit":"7"}',
      values: { summary: '   ', participants: 'tolv', date: '2026-10-20', outcome: 'mixed' },
    });
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i]));
    expect(byId.date?.value).toBe('2026-10-20');
    expect(byId.outcome?.value).toBe('mixed');
    expect(byId.summary).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, errorMessage: 'Fältet måste fyllas i.' });
    // A number input cannot hold "tolv": the error says what to type instead.
    const body0 = card.body ?? [];
    const afterSummary = body0[body0.findIndex((e) => e.id === 'summary') + 1];
    expect(afterSummary).toMatchObject({ type: 'TextBlock', text: 'Skriv en sammanfattning.', color: 'Attention' });
    const afterParticipants = body0[body0.findIndex((e) => e.id === 'participants') + 1];
    expect(afterParticipants).toMatchObject({ type: 'TextBlock', text: 'Ange ett heltal.' });
    expect(cardText(card)).toContain('Några fält behöver rättas, se nedan.');
    expect(card.actions?.[0]).toMatchObject({ verb: 'report.submit', data: { state: '{"visit":"7"}' } });
  });

  test('a valid form closes with the reply card', async () => {
    const res = await post(
      h.url,
      formSubmitInvoke({
        serviceUrl: h.connector.serviceUrl,
        verb: 'report.submit',
        state: '{"visit":"7"}',
        values: { summary: 'Bra besök i Tartu.', participants: '12' },
        replyToId: '1000001',
      }),
    );
    const body = res.body as InvokeBody;
    expect(body.type).toBe(CARD);
    expect(cardText(body.value)).toContain('Rapporten för V7 är sparad.');
  });
});
