import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import type { OpenedView } from '../support/slack-requests.ts';
import { cardActionInvoke, messageActivity, post, TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';
import { slackDriver } from '../visits/slack-driver.ts';

/** `engagement add` and `visit add` without arguments open forms, on both platforms and databases. */
describe.each(dialects)('Forms for engagements and visits (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const slack = slackDriver(() => h);

  it('Slack: the modals name what is wrong and register when right', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    expect(await slack.command('besök ny')).toContain('Det finns inget pågående samarbete att registrera besöket under.');
    const engagementModal = JSON.parse(await slack.command('samarbete ny')).view as OpenedView;
    expect(engagementModal.callback_id).toBe('engagement.add');
    const wrong = JSON.parse(await slack.submit(engagementModal, { title: '', type: 'twin-town', committee: 'kfn', country: 'Lettland' }));
    expect(wrong).toEqual({
      response_action: 'errors',
      errors: { title: 'Fältet måste fyllas i.', country: '”Lettland” är ingen landskod enligt ISO 3166 (t.ex. SE, FI, DE).' },
    });
    // The form reads the country as the typed command does: XX is two letters, but no ISO 3166 code.
    const typedXX = await slack.command('samarbete ny "Vänort Cēsis" typ=vänort nämnd=kfn land=XX');
    expect(typedXX).toContain('”XX” är ingen landskod enligt ISO 3166');
    expect(JSON.parse(await slack.submit(engagementModal, { title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', country: 'XX' }))).toEqual({
      response_action: 'errors',
      errors: { country: '”XX” är ingen landskod enligt ISO 3166 (t.ex. SE, FI, DE).' },
    });
    expect(await h.app.store.db.selectFrom('engagements').select('id').execute()).toHaveLength(0);
    expect(await slack.submit(engagementModal, { title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', partner: 'Cēsis', country: 'lv' })).toBe('');
    const posted = await h.slack.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Samarbete E1 registrerat'));
    expect(posted.body.channel).toBe('C0KFN');
    expect(JSON.stringify(posted.body)).toContain('Cēsis (LV)');

    const visitModal = JSON.parse(await slack.command('besök ny')).view as OpenedView;
    expect(JSON.stringify(visitModal.blocks)).toContain('E1 Vänort Cēsis');
    const backwards = JSON.parse(await slack.submit(visitModal, { engagement: '1', direction: 'in', from: '2026-10-08', to: '2026-10-05' }));
    expect(backwards).toEqual({ response_action: 'errors', errors: { to: '2026-10-05 ligger före 2026-10-08.' } });
    expect(await slack.submit(visitModal, { engagement: '1', direction: 'in', from: '2026-10-05', to: '2026-10-08', place: 'Stadshuset', participants: '6' })).toBe('');
    await h.slack.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Besök V1 registrerat'));
    expect(await h.app.store.db.selectFrom('visits').select(['direction', 'participants', 'lead_key']).execute()).toEqual([
      { direction: 'in', participants: 6, lead_key: 'slack:T0TYRESO:U0ANNA' },
    ]);
  });

  it('Teams: the card forms come back with the typed values and the reasons, and give way to the result for everyone', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    const messages = () => `${h.baseUrl}/api/messages`;
    const inChannel = () => h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID));
    const say = (text: string) => post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text, from: testUsers.anna }));
    /** Submits the form card the bot posted last, as Teams does: the submit action's data plus the inputs. */
    const submitLastForm = async (values: Record<string, string>) => {
      const posted = inChannel().at(-1);
      const action = adaptiveCardOf(posted?.activity)?.actions?.[0] as { verb: string; data: Record<string, unknown> };
      const invoke = cardActionInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.anna, verb: action.verb, data: { ...action.data, ...values }, replyToId: posted?.id ?? '' });
      return { formId: posted?.id, text: cardText(((await post(messages(), invoke)).body as { value?: unknown }).value) };
    };
    const updateOf = (id: string | undefined) => cardText(adaptiveCardOf(h.connector.updates().filter((u) => u.activityId === id).at(-1)?.activity));

    await say('samarbete ny');
    expect(cardText(adaptiveCardOf(inChannel().at(-1)?.activity))).toContain('Nytt samarbete');
    const xx = await submitLastForm({ title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', country: 'XX' });
    expect(xx.text).toContain('”XX” är ingen landskod enligt ISO 3166');
    const wrong = await submitLastForm({ title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', start: '2026-12-01', end: '2026-01-01' });
    expect(wrong.text).toContain('2026-01-01 ligger före 2026-12-01.');
    expect(wrong.text).toContain('Vänort Cēsis');
    expect(await h.app.store.db.selectFrom('engagements').select('id').execute()).toHaveLength(0);
    const done = await submitLastForm({ title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', start: '2026-01-01', end: '2027-06-30' });
    // The form itself becomes the result, for the submitter and for everyone else in the channel.
    expect(done.text).toContain('Samarbete E1 registrerat: Vänort Cēsis.');
    expect(done.text).not.toContain('ligger före');
    expect(updateOf(done.formId)).toContain('Samarbete E1 registrerat: Vänort Cēsis.');
    expect(updateOf(done.formId)).not.toContain('Nytt samarbete');

    await say('besök ny');
    const noCount = await submitLastForm({ engagement: '1', direction: 'out', from: '2026-10-05', to: '2026-10-08', place: 'Cēsis', participants: 'fyra' });
    expect(noCount.text).toContain('”fyra” är inget antal; ange ett heltal större än 0.');
    expect(noCount.text).not.toContain('Skriv så här');
    expect(noCount.text).toContain('Cēsis');
    const visit = await submitLastForm({ engagement: '1', direction: 'out', from: '2026-10-05', to: '2026-10-08', place: 'Cēsis', participants: '4' });
    expect(updateOf(visit.formId)).toContain('Besök V1 registrerat: E1 Vänort Cēsis, 5 okt. 2026 – 8 okt. 2026.');
  });
});
