import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { blockAction, findButton, post, slashCommand } from '../support/slack-requests.ts';
import { buttonInvoke, messageActivity, post as postActivity, TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';

/** A snoozed reminder keeps its content and buttons; a snooze that cannot land before the deadline is not offered. */
describe.each(dialects)('Snoozing a reminder (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  it('Teams: the card stays the reminder, says when the next one comes, and drops “1 week” the day before', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const messages = `${h.baseUrl}/api/messages`;
    const channelSent = () => h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID));
    await postActivity(messages, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'frist ny "Slutrapport ICLD" 2026-12-18 remind=7,1', from: testUsers.anna }));

    await h.tickAt('2026-12-11T07:00:00Z');
    const reminder = channelSent().at(-1)!;
    const buttons = () => (adaptiveCardOf(reminder.activity)?.actions ?? []).map((a) => (a as { title: string }).title);
    expect(buttons()).toEqual(['Klar', 'Skjut upp 1 dag', 'Skjut upp 1 vecka']);

    const pressed = await postActivity(
      messages,
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.bertil, verb: 'deadline.snooze', value: '1:1', replyToId: reminder.id }),
    );
    const shown = (pressed.body as { value: unknown }).value;
    const everyone = adaptiveCardOf(h.connector.updates().find((u) => u.activityId === reminder.id)?.activity);
    for (const card of [shown, everyone]) {
      const text = cardText(card);
      expect(text).toContain('Påminnelse D1');
      expect(text).toContain('”Slutrapport ICLD” ska vara klar om 7 dagar.');
      expect(text).toContain('18 dec. 2026');
      // 12 December is a Saturday: the next reminder comes on Monday morning.
      expect(text).toContain('nästa påminnelse för D1 kommer 14 dec. 2026 08:00');
      expect(JSON.stringify(card)).toContain('"verb":"deadline.done"');
    }

    // The day before, a week's snooze would land after the deadline: only a day is offered.
    await h.tickAt('2026-12-17T07:00:00Z');
    const last = channelSent().at(-1)!;
    expect(cardText(adaptiveCardOf(last.activity))).toContain('”Slutrapport ICLD” ska vara klar om 1 dag');
    expect((adaptiveCardOf(last.activity)?.actions ?? []).map((a) => (a as { title: string }).title)).toEqual(['Klar', 'Skjut upp 1 dag']);

    // Done: the card is about the deadline now, not titled as a reminder any more.
    const done = await postActivity(
      messages,
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.anna, verb: 'deadline.done', value: '1', replyToId: last.id }),
    );
    const doneText = cardText((done.body as { value: unknown }).value);
    expect(doneText).toContain('Frist D1 klar');
    expect(doneText).not.toContain('Påminnelse');
  });

  it('Slack: the posted reminder is updated in place with its buttons and the next reminder', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const events = `${h.baseUrl}/slack/events`;
    await post(events, slashCommand({ text: 'frist ny "Slutrapport Nordplus" 18 dec remind=7', responseUrl: h.slack.responseUrl('add'), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' }, { signingSecret: SIGNING_SECRET }));
    await h.slack.waitFor('response', (c) => c.id === 'add');
    await h.tickAt('2026-12-11T07:00:00Z');
    const inChannel = h.slack.calls('chat.postMessage').find((c) => c.body.channel === 'C0KFN' && JSON.stringify(c.body).includes('Slutrapport Nordplus'))!;
    const posted = await h.app.store.db.selectFrom('posted_messages').select('message_id').where('conversation_id', '=', 'C0KFN').executeTakeFirstOrThrow();
    const snooze = findButton((inChannel.body as { blocks: unknown }).blocks, { label: 'Skjut upp 1 dag' });
    await post(
      events,
      blockAction({ actionId: snooze.actionId, value: snooze.value, responseUrl: h.slack.responseUrl('press'), messageTs: posted.message_id, channelId: 'C0KFN', teamId: SLACK_TEAM, userId: 'U0ANNA' }, { signingSecret: SIGNING_SECRET }),
    );
    const update = await h.slack.waitFor('chat.update', (c) => (c.body as { ts: string }).ts === posted.message_id);
    const text = JSON.stringify(update.body);
    expect(text).toContain('Påminnelse D1');
    expect(text).toContain('nästa påminnelse för D1 kommer 14 dec. 2026 08:00');
    expect(findButton((update.body as { blocks: unknown }).blocks, { label: 'Klar' })).toBeDefined();
  });
});
