import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import type { OpenedView } from '../support/slack-requests.ts';
import { formSubmitInvoke, messageActivity, post, TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';
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
      errors: { title: 'Ge samarbetet ett namn.', country: 'Skriv landet med två bokstäver (ISO 3166), t.ex. LV, ZM, FR.' },
    });
    expect(await h.app.store.db.selectFrom('engagements').select('id').execute()).toHaveLength(0);
    expect(await slack.submit(engagementModal, { title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', partner: 'Cēsis', country: 'lv' })).toBe('');
    const posted = await h.slack.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Samarbete E1 registrerat'));
    expect(posted.body.channel).toBe('C0KFN');
    expect(JSON.stringify(posted.body)).toContain('Cēsis (LV)');

    const visitModal = JSON.parse(await slack.command('besök ny')).view as OpenedView;
    expect(JSON.stringify(visitModal.blocks)).toContain('E1 Vänort Cēsis');
    const backwards = JSON.parse(await slack.submit(visitModal, { engagement: '1', direction: 'in', from: '2026-10-08', to: '2026-10-05' }));
    expect(backwards).toEqual({ response_action: 'errors', errors: { to: 'Besöket kan inte sluta innan det börjar.' } });
    expect(await slack.submit(visitModal, { engagement: '1', direction: 'in', from: '2026-10-05', to: '2026-10-08', place: 'Stadshuset', participants: '6' })).toBe('');
    await h.slack.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Besök V1 registrerat'));
    expect(await h.app.store.db.selectFrom('visits').select(['direction', 'participants', 'lead_key']).execute()).toEqual([
      { direction: 'in', participants: 6, lead_key: 'slack:T0TYRESO:U0ANNA' },
    ]);
  });

  it('Teams: the card forms come back with the typed values and the reasons', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    const messages = () => `${h.baseUrl}/api/messages`;
    const channel = () => h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID)).map((s) => cardText(adaptiveCardOf(s.activity)));
    const say = (text: string) => post(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text, from: testUsers.anna }));
    const submit = async (verb: string, values: Record<string, string>) =>
      cardText(((await post(messages(), formSubmitInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', from: testUsers.anna, verb, state: '', values }))).body as { value?: unknown }).value);

    await say('samarbete ny');
    expect(channel().at(-1)).toContain('Nytt samarbete');
    const wrong = await submit('engagement.add', { title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', start: '2026-12-01', end: '2026-01-01' });
    expect(wrong).toContain('Slutdatumet 2026-01-01 ligger före startdatumet 2026-12-01.');
    expect(wrong).toContain('Vänort Cēsis');
    await submit('engagement.add', { title: 'Vänort Cēsis', type: 'twin-town', committee: 'kfn', start: '2026-01-01', end: '2026-12-31' });
    expect(channel().at(-1)).toContain('Samarbete E1 registrerat: Vänort Cēsis.');

    await say('besök ny');
    const noCount = await submit('visit.add', { engagement: '1', direction: 'out', from: '2026-10-05', to: '2026-10-08', place: 'Cēsis', participants: 'fyra' });
    expect(noCount).toContain('Skriv antalet deltagare som ett heltal, t.ex. 4.');
    expect(noCount).toContain('Cēsis');
    await submit('visit.add', { engagement: '1', direction: 'out', from: '2026-10-05', to: '2026-10-08', place: 'Cēsis', participants: '4' });
    expect(channel().at(-1)).toContain('Besök V1 registrerat: E1 Vänort Cēsis, 5 okt. 2026 – 8 okt. 2026.');
  });
});
