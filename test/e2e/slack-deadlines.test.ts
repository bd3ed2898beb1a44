import { afterEach, describe, expect, it } from 'vitest';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { blockAction, findButton, post, slashCommand, type Tamper } from '../support/slack-requests.ts';

/** R1 end to end in Slack: signed requests to Bolt's HTTP receiver, a fake Slack Web API. */
describe.each(dialects)('Slack: a deadline from command to reminder to Done (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  const events = () => `${h.baseUrl}/slack/events`;
  let responses = 0;
  async function command(text: string, options: { tamper?: Tamper; teamId?: string; userId?: string } = {}) {
    const id = `r${++responses}`;
    const request = slashCommand(
      { text, responseUrl: h.slack.responseUrl(id), teamId: options.teamId ?? SLACK_TEAM, channelId: 'C0KFN', userId: options.userId ?? 'U0ANNA' },
      { signingSecret: SIGNING_SECRET, ...(options.tamper ? { tamper: options.tamper } : {}) },
    );
    const result = await post(events(), request);
    return { result, id };
  }
  const responseText = async (id: string) => JSON.stringify((await h.slack.waitFor('response', (c) => c.id === id)).body);

  it('adds, lists, reminds at 08:00 local, and Done updates the posted message', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const added = await command('frist ny "Slutrapport Nordplus" 18 dec remind=7 owner=<@U0BERTIL|bertil>');
    expect(added.result.status).toBe(200);
    expect(await responseText(added.id)).toContain('Frist D1 registrerad: Slutrapport Nordplus, sista dag 18 dec. 2026.');

    const listed = await command('frister');
    expect(await responseText(listed.id)).toContain('D1 · 18 dec. 2026 · Slutrapport Nordplus · <@U0BERTIL>');

    await h.tickAt('2026-12-11T07:00:00Z');
    // Only the reminders: other routines (the term-of-office reminder) also post to the coordinator.
    const posts = h.slack.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('Slutrapport Nordplus'));
    expect(posts.map((c) => (c.body as { channel: string }).channel).sort()).toEqual(['C0KFN', 'U0BERTIL']);
    const inChannel = posts.find((c) => (c.body as { channel: string }).channel === 'C0KFN')!;
    const body = inChannel.body as { blocks: unknown; text: string };
    expect(body.text).toBe('”Slutrapport Nordplus” ska vara klar om 7 dagar.');
    const done = findButton(body.blocks, { label: 'Klar' });
    const posted = await h.app.store.db.selectFrom('posted_messages').select('message_id').where('conversation_id', '=', 'C0KFN').executeTakeFirstOrThrow();
    const ts = posted.message_id;
    expect(h.slack.message('C0KFN', ts)?.text).toBe(body.text);

    const pressed = await post(
      events(),
      blockAction({ actionId: done.actionId, value: done.value, responseUrl: h.slack.responseUrl('press'), messageTs: ts, channelId: 'C0KFN', teamId: SLACK_TEAM, userId: 'U0ANNA' }, { signingSecret: SIGNING_SECRET }),
    );
    expect(pressed.status).toBe(200);
    const update = await h.slack.waitFor('chat.update', (c) => (c.body as { ts: string }).ts === ts);
    expect(JSON.stringify(update.body)).toContain('markerades som klar av <@U0ANNA>');
    expect(JSON.stringify((update.body as { blocks: unknown }).blocks)).not.toContain('"actions"');

    // The owner's copy in the DM follows through the outbox, and the deadline is no longer open.
    await h.tickAt('2026-12-11T07:01:00Z');
    expect(h.slack.calls('chat.update')).toHaveLength(2);
    const after = await command('frister');
    expect(await responseText(after.id)).toContain('Inga öppna frister.');
  });

  it.each(['forged', 'unsigned', 'stale'] as const)('refuses a %s request and stores nothing', async (tamper) => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const { result } = await command('frist ny "Smygad" 2026-12-18', { tamper });
    expect(result.status).toBe(401);
    // A genuine request afterwards is answered; only it is stored, and only it got a reply.
    const genuine = await command('frist ny "Äkta" 2026-12-18');
    expect(await responseText(genuine.id)).toContain('Äkta');
    expect(await h.app.store.db.selectFrom('deadlines').select('title').execute()).toEqual([{ title: 'Äkta' }]);
    expect(h.slack.calls('response')).toHaveLength(1);
  });

  it('refuses a workspace the configuration does not name, in Swedish', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    const { result } = await command('frist ny "Främmande" 2026-12-18', { teamId: 'T0OTHER' });
    expect(result.status).toBe(200);
    expect(result.body).toContain('inte ansluten till Samverkan');
    const genuine = await command('frist ny "Äkta" 2026-12-18');
    expect(await responseText(genuine.id)).toContain('Äkta');
    expect(await h.app.store.db.selectFrom('deadlines').select('title').execute()).toEqual([{ title: 'Äkta' }]);
  });

  it('explains a bad command and keeps what is stored intact', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    // The reply comes after the ack: wait for it before looking at what is stored.
    const good = await command('frist ny "Riktig" 2026-12-18');
    expect(await responseText(good.id)).toContain('Frist D1 registrerad');
    const bad = await command('frist ny "Trasig" 31 februari');
    expect(await responseText(bad.id)).toContain('finns inte i kalendern. Skriv så här: frist ny');
    const snooze = await command('frist skjut D1 400d');
    expect(await responseText(snooze.id)).toContain('frist skjut');
    const rows = await h.app.store.db.selectFrom('deadlines').select(['title']).execute();
    expect(rows).toEqual([{ title: 'Riktig' }]);
  });
});
