import { afterEach, describe, expect, it } from 'vitest';
import { e2eConfig, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { conversationUpdateActivity, messageActivity, post, TEST_CHANNEL_ID, TEST_TEAM_ID } from '../support/teams-activities.ts';

/** The coordinator works in Teams and in Slack: the term-of-office reminder (R8) goes to both. */
const config = { ...e2eConfig, coordinator: { people: { slack: ['U0COORD'] }, channel: { slack: 'C0INTL', teams: TEST_CHANNEL_ID } } };

/**
 * Issue 12, point 6: on a fresh install the bot is in no Teams channel yet, and R8 falls due at
 * the first start. The reminder waits instead of failing for good, the coordinator is told once
 * where they can read it (Slack), and once someone adds the bot to the channel it arrives.
 */
describe.each(dialects)('a message to a conversation the bot cannot reach yet waits for it (%s)', (dialect) => {
  let h: AppHarness | undefined;
  afterEach(async () => {
    const started = h;
    h = undefined;
    await started?.close();
  });

  const termCards = (app: AppHarness) => app.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID) && cardText(adaptiveCardOf(s.activity)).includes('Ny mandatperiod'));
  const notices = (app: AppHarness) => app.slack.calls('chat.postMessage').filter((c) => c.body.channel === 'C0INTL' && JSON.stringify(c.body).includes('kan inte skriva i'));

  it('Teams, fresh install: R8 is due at once, the bot is added a day later, and R8 arrives', async () => {
    const app = (h = await startApp(dialect, '2026-11-23T09:00:00Z', config));
    expect((await app.app.unreachable()).map((c) => c.target)).toEqual([{ kind: 'conversation', platform: 'teams', conversationId: TEST_CHANNEL_ID }]);

    await app.tickAt('2026-11-23T09:00:00Z');
    const waiting = await app.app.store.db.selectFrom('outbox').select(['status', 'last_error']).where('kind', '=', 'term.policy').where('target_json', 'like', '%teams%').executeTakeFirstOrThrow();
    expect(waiting.status).toBe('pending');
    expect(waiting.last_error).toContain('no stored conversation reference');
    // The Slack copy went out; the coordinator is told, in Slack, once however often it is tried.
    for (const at of ['2026-11-23T09:01:00Z', '2026-11-23T10:00:00Z', '2026-11-23T12:00:00Z']) await app.tickAt(at);
    expect(notices(app)).toHaveLength(1);
    expect(JSON.stringify(notices(app)[0]?.body)).toContain(`Samverkan kan inte skriva i Kultur- och fritidsnämnden (${TEST_CHANNEL_ID}) i Teams än.`);
    expect(termCards(app)).toEqual([]);

    // Someone adds the bot and writes in the channel: Teams gives the bot the channel's reference.
    const res = await post(`${app.baseUrl}/api/messages`, messageActivity({ serviceUrl: app.connector.serviceUrl, place: 'channel', text: 'hjälp' }));
    expect(res.status).toBe(200);
    expect(await app.app.unreachable()).toEqual([]);
    await app.tickAt('2026-11-24T09:00:00Z');
    expect(termCards(app)).toHaveLength(1);
    const row = await app.app.store.db.selectFrom('outbox').select('status').where('kind', '=', 'term.policy').where('target_json', 'like', '%teams%').executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(notices(app)).toHaveLength(1);
  });

  it('Teams: the app installed in the team is enough; the bot posts in the team’s other channels without anyone writing there first', async () => {
    const app = (h = await startApp(dialect, '2026-11-23T09:00:00Z', config));
    // Installing the app in a team tells the bot about the team's General channel only.
    expect((await post(`${app.baseUrl}/api/messages`, conversationUpdateActivity({ serviceUrl: app.connector.serviceUrl, place: 'channel' }))).status).toBe(200);
    expect(await app.app.store.db.selectFrom('conversations').select('conversation_id').where('conversation_id', '=', TEST_CHANNEL_ID).execute()).toEqual([]);
    // Nothing is reported unreachable before the bot has tried.
    expect(await app.app.unreachable()).toEqual([]);
    await app.tickAt('2026-11-23T09:00:00Z');
    // R8 reaches the coordinator's channel at once, as a new post there (not a reply in General).
    expect(termCards(app)).toHaveLength(1);
    expect(termCards(app)[0]?.conversationId).toBe(TEST_CHANNEL_ID);
    expect(app.connector.sent(TEST_TEAM_ID).filter((s) => cardText(adaptiveCardOf(s.activity)).includes('Ny mandatperiod'))).toEqual([]);
    expect(notices(app)).toEqual([]);
    expect(await app.app.unreachable()).toEqual([]);
  });

  it('Teams: a channel in a team the bot is not in is refused by Teams; the message waits until the app is added there', async () => {
    const app = (h = await startApp(dialect, '2026-11-23T09:00:00Z', config));
    await post(`${app.baseUrl}/api/messages`, conversationUpdateActivity({ serviceUrl: app.connector.serviceUrl, place: 'channel' }));
    app.connector.keepOut(TEST_CHANNEL_ID);
    await app.tickAt('2026-11-23T09:00:00Z');
    await app.tickAt('2026-11-23T10:00:00Z');
    const row = async () => app.app.store.db.selectFrom('outbox').select(['status', 'last_error']).where('kind', '=', 'term.policy').where('target_json', 'like', '%teams%').executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ status: 'pending', last_error: expect.stringContaining('not in the team or chat') });
    expect(termCards(app)).toEqual([]);
    expect(notices(app)).toHaveLength(1);
    expect(await app.app.unreachable()).toMatchObject([{ target: { conversationId: TEST_CHANNEL_ID }, reason: expect.stringContaining('not in the team or chat') }]);
    // The app is added to that team: the next try gets through, once.
    app.connector.letIn(TEST_CHANNEL_ID);
    await app.tickAt('2026-11-24T09:00:00Z');
    expect(termCards(app)).toHaveLength(1);
    expect((await row()).status).toBe('sent');
  });

  it('Slack not_in_channel: the reminder waits until the bot is invited, then goes out once', async () => {
    const app = (h = await startApp(dialect, '2026-11-23T09:00:00Z', { ...config, coordinator: { ...config.coordinator, channel: { slack: 'C0INTL' } } }));
    app.slack.keepOut('C0INTL');
    await app.tickAt('2026-11-23T09:00:00Z');
    await app.tickAt('2026-11-23T10:00:00Z');
    const accepted = () => app.slack.accepted().filter((c) => c.body.channel === 'C0INTL' && JSON.stringify(c.body).includes('Ny mandatperiod'));
    expect(accepted()).toEqual([]);
    const inSlack = async () => (await app.app.unreachable()).filter((c) => c.target.platform === 'slack');
    expect(await inSlack()).toMatchObject([{ target: { kind: 'conversation', platform: 'slack', conversationId: 'C0INTL' }, reason: expect.stringContaining('not_in_channel') }]);
    app.slack.join('C0INTL');
    await app.tickAt('2026-11-23T12:00:00Z');
    expect(accepted()).toHaveLength(1);
    expect(await inSlack()).toEqual([]);
  });

  it('gives up only after the horizon (OUTBOX_UNREACHABLE_DAYS)', async () => {
    const app = (h = await startApp(dialect, '2026-11-23T09:00:00Z', config, { env: { OUTBOX_UNREACHABLE_DAYS: '2' } }));
    await app.tickAt('2026-11-23T09:00:00Z');
    await app.tickAt('2026-11-24T09:00:00Z');
    const status = async () =>
      (await app.app.store.db.selectFrom('outbox').select('status').where('kind', '=', 'term.policy').where('target_json', 'like', '%teams%').executeTakeFirstOrThrow()).status;
    expect(await status()).toBe('pending');
    await app.tickAt('2026-11-25T10:00:00Z');
    expect(await status()).toBe('failed');
  });
});
