import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { e2eConfig, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { buttonInvoke, formSubmitInvoke, messageActivity, personalConversationId, post, TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';
import { goodReport } from '../visits/slack-driver.ts';

/** The board and the coordinator also follow the work in a Teams channel. */
const teamsConfig = {
  ...e2eConfig,
  coordinator: { people: { slack: ['U0COORD'] }, channel: { slack: 'C0INTL', teams: TEST_CHANNEL_ID } },
  committees: [
    { id: 'ks', name: 'Kommunstyrelsen', channel: { slack: 'C0KS', teams: TEST_CHANNEL_ID } },
    { id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { slack: 'C0KFN', teams: TEST_CHANNEL_ID } },
  ],
};

/** R5 and R7 end to end in Teams: the real CloudAdapter over HTTP against a fake Bot Connector. */
describe.each(dialects)('Teams: visits and post-visit reports (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  const messages = () => `${h.baseUrl}/api/messages`;
  const say = (text: string, place: 'personal' | 'channel' = 'channel') =>
    post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place, text, from: testUsers.anna }));
  const channelTexts = () => h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID)).map((s) => cardText(adaptiveCardOf(s.activity)));
  const lastInChannel = () => channelTexts().at(-1) ?? '';
  const chat = () => h.connector.sent(personalConversationId(testUsers.anna));
  const invokeCard = (body: unknown) => (body as { value?: unknown }).value;

  it('prompts in the lead’s chat, keeps what was typed on an invalid form, files, and posts to the board', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z', teamsConfig);
    await say('hjälp', 'personal');
    await say('samarbete ny "Vänort Cēsis" typ=vänort nämnd=kfn partner="Cēsis" land=LV');
    expect(lastInChannel()).toContain('Samarbete E1 registrerat: Vänort Cēsis.');
    await say('besök ny E1 ut 2026-09-14 2026-09-17 plats="Cēsis"');
    expect(lastInChannel()).toContain('Besök V1 registrerat');
    await h.tickAt('2026-09-01T08:01:00Z');
    expect(channelTexts().some((t) => t.includes('Kultur- och fritidsnämnden har registrerat E1 Vänort Cēsis.'))).toBe(true);

    await h.tickAt('2026-09-18T06:00:00Z');
    const prompt = chat().find((s) => cardText(adaptiveCardOf(s.activity)).includes('Välkommen tillbaka'));
    expect(prompt).toBeDefined();
    expect(JSON.stringify(adaptiveCardOf(prompt?.activity))).toContain('"verb":"visit.report.write"');

    const opened = await post(
      messages(),
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.anna, verb: 'visit.report.write', value: '1', replyToId: prompt!.id }),
    );
    const formCard = invokeCard(opened.body) as { actions?: { verb?: string; data?: { state?: string } }[] };
    const form = JSON.stringify(formCard);
    for (const id of ['purpose', 'activities', 'participants', 'results', 'costs', 'followUps']) expect(form).toContain(`"id":"${id}"`);
    // Teams sends the submit action's data back: the form's state and the inputs.
    const state = formCard.actions?.find((a) => a.verb === 'visit.report')?.data?.state ?? '';

    const submit = (values: Record<string, string>) =>
      post(messages(), formSubmitInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.anna, verb: 'visit.report', state, values, replyToId: prompt!.id }));
    const rejected = cardText(invokeCard((await submit({ ...goodReport, purpose: '', costs: 'ganska mycket' })).body));
    expect(rejected).toContain('Skriv syftet med besöket.');
    expect(rejected).toContain('Ange kostnaden som ett belopp, t.ex. 18 500 kr.');
    // Everything typed is still there.
    for (const typed of [goodReport.activities, goodReport.participants, goodReport.results, 'ganska mycket', goodReport.followUps]) expect(rejected).toContain(typed);
    expect(await h.app.store.db.selectFrom('visit_reports').select('id').execute()).toHaveLength(0);
    // A control character pasted into a field is named beside it, and nothing is filed.
    const pasted = cardText(invokeCard((await submit({ ...goodReport, results: 'Avtal\u0007 undertecknat.' })).body));
    expect(pasted).toContain('Texten innehåller ett styrtecken (U+0007) som inte kan sparas.');
    expect(await h.app.store.db.selectFrom('visit_reports').select('id').execute()).toHaveLength(0);

    const filed = await submit(goodReport);
    // The prompt turns into the filed report, and a thank-you follows in the chat.
    expect(cardText(invokeCard(filed.body))).toContain('Inlämnad av Anna Andersson');
    expect(cardText(adaptiveCardOf(h.connector.updates().find((u) => u.activityId === prompt!.id)?.activity))).toContain(goodReport.purpose);
    expect(cardText(adaptiveCardOf(chat().at(-1)?.activity))).toContain('Tack! Reserapporten för V1 är inlämnad och går till Kommunstyrelsen.');
    await h.tickAt('2026-09-18T06:05:00Z');
    const board = channelTexts().filter((t) => t.includes('Reserapport V1: E1 Vänort Cēsis'));
    expect(board).toHaveLength(1);
    expect(board[0]).toContain(goodReport.purpose);
    expect(board[0]).toContain('Inlämnad av Anna Andersson');
    // Each section's label and text are blocks of their own, not one run-on line.
    const boardCard = h.connector.sent().map((s) => adaptiveCardOf(s.activity)).find((c) => cardText(c).includes('Reserapport V1: E1 Vänort Cēsis'));
    const blocks = JSON.stringify(boardCard);
    expect(blocks).toContain('{"type":"TextBlock","text":"Vad som gjordes","wrap":true,"weight":"Bolder","spacing":"Medium"}');
    expect(blocks).toContain(`{"type":"TextBlock","text":${JSON.stringify(goodReport.activities)},"wrap":true}`);
    expect(blocks).not.toContain('Syfte med besöket Följa upp');

    await say('rapport V1', 'personal');
    expect(cardText(adaptiveCardOf(chat().at(-1)?.activity))).toContain(goodReport.results);
  });

  it('warns on a third twin-town visit in the term and ends an engagement early, cancelling its reminders', async () => {
    h = await startApp(dialect, '2026-01-12T09:00:00Z', teamsConfig);
    await say('hjälp', 'personal');
    await say('samarbete ny "Vänort Cēsis" typ=vänort nämnd=kfn slut=2026-12-31');
    await say('besök ny E1 ut 2026-02-10 2026-02-12');
    await say('besök ny E1 in 2026-05-05 2026-05-07');
    await say('besök ny E1 ut 2026-11-03 2026-11-05');
    expect(lastInChannel()).not.toContain('mandatperiod');
    await say('besök ny E1 in 2026-10-05 2026-10-06');
    expect(lastInChannel()).toContain('har det redan skett 2:');
    expect(lastInChannel()).toContain('V1 · resa ut · 10 feb. 2026 – 12 feb. 2026');
    await h.tickAt('2026-01-12T09:01:00Z');
    expect(channelTexts().some((t) => t.includes('V4 (E1 Vänort Cēsis, 5 okt. 2026 – 6 okt. 2026) går över antalet vänortsbesök'))).toBe(true);

    await say('frist ny "Verksamhetsberättelse till vänorten" 2026-11-20 samarbete=E1');
    await say('samarbete avsluta E1 2026-09-30 beslut="KFN § 41, 2026.118"');
    expect(lastInChannel()).toContain('avslutas i förtid den 30 sep. 2026 i stället för 31 dec. 2026, enligt beslut KFN § 41, 2026.118.');
    expect(lastInChannel()).toContain('Inställda besök: 2.');
    const before = h.connector.sent().length;
    for (const at of ['2026-10-08T06:00:00Z', '2026-10-21T06:00:00Z', '2026-11-06T07:00:00Z', '2026-11-13T07:00:00Z', '2026-11-23T07:00:00Z']) await h.tickAt(at);
    const later = h.connector.sent().slice(before).map((s) => cardText(adaptiveCardOf(s.activity)));
    // The visits made before the end still owe their reports; the cancelled ones and the deadline are silent.
    expect(later.filter((t) => /Verksamhetsberättelse|för V3|för V4/.test(t))).toEqual([]);
    expect(later.filter((t) => t.includes('Reserapport för V1')).length).toBeGreaterThan(0);
    expect(later.some((t) => t.includes('Samarbete avslutat i förtid'))).toBe(true);
  });
});
