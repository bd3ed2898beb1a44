import { afterEach, describe, expect, it } from 'vitest';
import { approvalsConfig } from '../approvals/fixtures.ts';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { blockAction, findButton, post, slashCommand, viewSubmission, type OpenedView } from '../support/slack-requests.ts';

/**
 * R3 "one decision only": approvers deciding at the same moment, a double click and a request
 * Slack retried all reach the real HTTP server together; the database lets exactly one win.
 */
describe.each(dialects)('Slack: concurrent decisions on one request (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => {
    const started = h as AppHarness | undefined;
    // Forgotten at once: if the next test fails to start, this app must not be closed twice.
    h = undefined as unknown as AppHarness;
    await started?.close();
  });
  const sign = { signingSecret: SIGNING_SECRET };
  const events = () => `${h.baseUrl}/slack/events`;

  async function openForm(label: string, ts: string, blocks: unknown, trigger: string): Promise<OpenedView> {
    const button = findButton(blocks, { label });
    await post(events(), blockAction({ ...button, responseUrl: h.slack.responseUrl(trigger), messageTs: ts, channelId: 'C0KS', teamId: SLACK_TEAM, userId: 'U0BOARD1', triggerId: trigger }, sign));
    return (await h.slack.waitFor('views.open', (c) => c.body.trigger_id === trigger)).body.view as OpenedView;
  }

  it('records exactly one decision and tells every other presser who decided and when', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', approvalsConfig);
    // Each command is answered after its ack: wait for the answer before the next one.
    const say = async (text: string) => {
      await post(events(), slashCommand({ text, responseUrl: h.slack.responseUrl(text), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' }, sign));
      await h.slack.waitFor('response', (c) => c.id === text);
    };
    await say('samarbete ny "Nordplus Junior" type=nordplus committee=kfn');
    await say('ansök E1 Nordplus belopp=120000');
    await h.tickAt('2026-11-23T09:00:30Z');
    const card = h.slack.calls('chat.postMessage').find((c) => c.body.channel === 'C0KS');
    const ts = (await h.app.store.db.selectFrom('posted_messages').select('message_id').where('conversation_id', '=', 'C0KS').executeTakeFirstOrThrow()).message_id;
    const approve = await openForm('Godkänn', ts, card?.body.blocks, 'trig-a');
    const reject = await openForm('Avslå', ts, card?.body.blocks, 'trig-r');

    const racers = ['U0BOARD1', 'U0BOARD2', ...Array.from({ length: 8 }, (_, i) => `U0RACE${i}`)];
    const submissions = racers.map((userId, i) =>
      i % 2 === 0
        ? viewSubmission({ view: approve, values: { reference: `KS § ${40 + i}` }, teamId: SLACK_TEAM, userId }, sign)
        : viewSubmission({ view: reject, values: { reference: `KS § ${40 + i}`, comment: 'Nej.' }, teamId: SLACK_TEAM, userId }, sign),
    );
    // A double click and a delivery Slack retried: the same submission twice more.
    const first = submissions[0]!;
    const retried = { ...first, headers: { ...first.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
    const all = [...submissions, first, retried];
    const results = await Promise.all(all.map((request) => post(events(), request)));
    expect(results.map((r) => r.status)).toEqual(all.map(() => 200));

    const decisions = await h.app.store.db.selectFrom('decisions').select(['outcome', 'decided_by_key', 'round']).execute();
    expect(decisions).toHaveLength(1);
    const winner = decisions[0]!;
    const status = (await h.app.store.db.selectFrom('applications').select('status').executeTakeFirstOrThrow()).status;
    expect(status).toBe(winner.outcome);

    // Everyone else (the winner's own double click included) is told by DM who decided, and when.
    const winnerId = winner.decided_by_key.split(':')[2]!;
    const outcome = winner.outcome === 'approved' ? 'godkänd' : 'avslagen';
    const told = await Promise.all(
      Array.from({ length: all.length - 1 }, (_, n) =>
        h.slack.waitFor('chat.postMessage', (c) => JSON.stringify(c.body).includes('redan beslutad') && countBefore(c) === n, 5000),
      ),
    );
    for (const dm of told) expect(JSON.stringify(dm.body)).toContain(`A1 är redan beslutad: ${outcome} av <@${winnerId}> 23 nov. 2026 10:00.`);
    // Every presser's card, the winner's and the losers', ends without buttons.
    for (let tries = 0; tries < 100 && h.slack.calls('chat.update').length < all.length; tries++) await new Promise((r) => setTimeout(r, 20));
    const updates = h.slack.calls('chat.update').filter((c) => c.body.ts === ts);
    expect(updates).toHaveLength(all.length);
    for (const update of updates) expect(JSON.stringify(update.body.blocks)).not.toContain('"actions"');
    const audit = await h.app.store.db.selectFrom('application_audit').select('event').where('event', '=', 'decided').execute();
    expect(audit).toHaveLength(1);

    function countBefore(call: { at: number; body: Record<string, unknown> }): number {
      return h.slack.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('redan beslutad')).indexOf(call as never);
    }
  });
});
