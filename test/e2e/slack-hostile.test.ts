import { afterEach, describe, expect, it } from 'vitest';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { post, signRequest, slashCommand, type SlackRequest } from '../support/slack-requests.ts';

const form = 'application/x-www-form-urlencoded';
const sign = { signingSecret: SIGNING_SECRET };

/**
 * Issue 12, point 4: correctly signed requests of shapes Slack never sends get a clear 4xx and
 * break nothing, and a slash command runs once per Slack request however often it arrives.
 */
describe.each(dialects)('Slack: hostile and repeated requests (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const events = () => `${h.baseUrl}/slack/events`;
  const deadlines = async () => (await h.app.store.db.selectFrom('deadlines').select('title').execute()).map((d) => d.title);
  const add = (title: string, triggerId: string): SlackRequest =>
    slashCommand({ text: `frist ny "${title}" 18 dec`, responseUrl: h.slack.responseUrl(triggerId), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA', triggerId }, sign);

  it('signed bodies that parse to null or to no object get 400, and the bot keeps answering', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const shapes: SlackRequest[] = [
      signRequest('payload=null', form, sign),
      signRequest('payload=42', form, sign),
      signRequest('payload=%5B%5D', form, sign),
      signRequest('null', 'application/json', sign),
      signRequest('"text"', 'application/json', sign),
      signRequest('[1,2]', 'application/json', sign),
    ];
    for (const request of shapes) {
      const res = await post(events(), request);
      expect(res.status, request.body).toBe(400);
      expect(res.body).toMatch(/^Bad request: /);
    }
    // Still alive and still answering.
    const ok = await post(events(), add('Slutrapport', 'trig-alive'));
    expect(ok.status).toBe(200);
    await h.slack.waitFor('response', (c) => c.id === 'trig-alive');
    expect(await deadlines()).toEqual(['Slutrapport']);
  });

  it('malformed interactions get 400: a view_submission without a view, block_actions without actions', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const user = { id: 'U0ANNA', team_id: SLACK_TEAM };
    const team = { id: SLACK_TEAM };
    const payloads = [
      { type: 'view_submission', user, team },
      { type: 'view_submission', user, team, view: { id: 'V1', callback_id: 'x', state: 'nope' } },
      { type: 'block_actions', user, team },
      { type: 'block_actions', user, team, actions: [null] },
      { type: 'block_actions', team, actions: [{ action_id: 'deadline.done:0' }] },
      { user, team },
    ];
    for (const payload of payloads) {
      const res = await post(events(), signRequest(`payload=${encodeURIComponent(JSON.stringify(payload))}`, form, sign));
      expect(res.status, JSON.stringify(payload)).toBe(400);
    }
    const command = await post(events(), signRequest('command=%2Fsamverkan&text=frister', form, sign));
    expect(command.status).toBe(400);
    expect(h.slack.calls()).toEqual([]);
  });

  it('the same signed slash command replayed, or resent with x-slack-retry-num, runs once', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const request = add('Nordplus', 'trig-once');
    const first = await post(events(), request);
    expect(first.status).toBe(200);
    await h.slack.waitFor('response', (c) => c.id === 'trig-once');
    for (let i = 0; i < 2; i++) expect((await post(events(), request)).status).toBe(200);
    const retried = await post(events(), { ...request, headers: { ...request.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retried.status).toBe(200);
    expect(retried.body).toBe('');
    // A different invocation of the same text is a new command.
    await post(events(), add('Nordplus', 'trig-twice'));
    await h.slack.waitFor('response', (c) => c.id === 'trig-twice');
    expect(await deadlines()).toEqual(['Nordplus', 'Nordplus']);
    expect(h.slack.calls('response').filter((c) => c.id === 'trig-once')).toHaveLength(1);
  });

  it('a 20 kB title or a NUL typed in a command gets the form’s error and stores nothing', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const long = await post(events(), add('x'.repeat(20_000), 'trig-long'));
    expect(long.status).toBe(200);
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === 'trig-long')).body)).toContain('Högst 200 tecken (här är det 20000).');
    await post(events(), add('Slut\u0000rapport', 'trig-nul'));
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === 'trig-nul')).body)).toContain('styrtecken (U+0000)');
    await post(events(), add('Slut\rrapport', 'trig-cr'));
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === 'trig-cr')).body)).toContain('styrtecken (U+000D)');
    expect(await deadlines()).toEqual([]);
  });

  it('a forged signature still gets 401 from Bolt, and is not remembered as seen', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const forged = slashCommand({ text: 'frister', responseUrl: h.slack.responseUrl('f'), teamId: SLACK_TEAM }, { ...sign, tamper: 'forged' });
    expect((await post(events(), forged)).status).toBe(401);
    expect((await post(events(), signRequest('payload=null', form, { ...sign, tamper: 'unsigned' }))).status).toBe(401);
    expect(await h.app.store.db.selectFrom('seen_requests').select('key').execute()).toEqual([]);
  });
});
