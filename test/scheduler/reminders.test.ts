import { afterEach, describe, expect, it } from 'vitest';
import { startCore, replyText, type CoreHarness } from '../support/core-harness.ts';
import { dialects } from '../support/databases.ts';

/** Deadline cards posted so far (other routines, such as the term-of-office reminder, also post). */
const deadlineCards = (core: CoreHarness) =>
  core.notifier.sent.filter((s) => s.card.title?.startsWith('Påminnelse') || s.card.title === 'Missad frist');

/** Moves the clock, runs the scheduler, and counts the deadline cards it posted. */
async function posts(core: CoreHarness, at: string): Promise<number> {
  const before = deadlineCards(core).length;
  await core.tickAt(at);
  return deadlineCards(core).length - before;
}

/** R1 reminders through the real grammar, workflow, store and scheduler, with a fake clock. */
describe.each(dialects)('deadline reminders on %s', (dialect) => {
  let core: CoreHarness;
  afterEach(async () => core?.close());


  it('keeps 08:00 local time across the March change to summer time', async () => {
    core = await startCore(dialect, '2027-03-01T09:00:00Z');
    const reply = await core.say('frist ny "Slutrapport ICLD" 2027-04-20 remind=30,14');
    expect(replyText(reply)).toContain('Frist D1 registrerad');
    // 30 days before is Sunday 21 March: moved to Friday 19 March, 08:00 CET = 07:00Z.
    expect((await posts(core, '2027-03-19T06:59:00Z'))).toBe(0);
    expect((await posts(core, '2027-03-19T07:00:00Z'))).toBe(2); // owner and channel
    // 14 days before is Tuesday 6 April, after the change: 08:00 CEST = 06:00Z.
    expect((await posts(core, '2027-04-06T05:59:00Z'))).toBe(0);
    expect((await posts(core, '2027-04-06T06:00:00Z'))).toBe(2);
    const targets = deadlineCards(core).map((s) => s.target).map((t) => (t.kind === 'user' ? `user:${t.userId}` : `conv:${t.conversationId}`));
    expect(targets.sort()).toEqual(['conv:C0KFN', 'conv:C0KFN', 'user:U0ANNA', 'user:U0ANNA']);
  });

  it('keeps 08:00 local time across the October change to winter time', async () => {
    core = await startCore(dialect, '2026-10-01T09:00:00Z');
    await core.say('deadline add "Nordplus report" 2026-11-10 remind=30,7');
    // 30 days before is Sunday 11 October: Friday 9 October 08:00 CEST = 06:00Z.
    expect((await posts(core, '2026-10-09T06:00:00Z'))).toBe(2);
    // 7 days before is Tuesday 3 November: 08:00 CET = 07:00Z.
    expect((await posts(core, '2026-11-03T06:00:00Z'))).toBe(0);
    expect((await posts(core, '2026-11-03T07:00:00Z'))).toBe(2);
  });

  it('moves a reminder that falls on midsummer eve to the Thursday before', async () => {
    core = await startCore(dialect, '2027-06-01T09:00:00Z');
    await core.say('frist ny "Ansökan Erasmus+" 2027-06-26 remind=1');
    // 25 June 2027 is midsummer eve; the reminder goes out Thursday 24 June 08:00 CEST.
    expect((await posts(core, '2027-06-25T06:00:00Z'))).toBe(2);
    const first = await core.app.store.db.selectFrom('outbox').select(['due_at']).where('kind', '=', 'deadline.reminder').execute();
    expect(new Set(first.map((r) => r.due_at))).toEqual(new Set(['2027-06-24T06:00:00.000Z']));
  });

  it('after downtime sends only the newest due reminder, once, marked late', async () => {
    core = await startCore(dialect, '2026-09-01T09:00:00Z');
    await core.say('frist ny "Rapport till Sida" 2026-10-15 remind=30,14,7,1');
    // Down from 1 September until 9 October, 10:00: the 30-, 14- and 7-day reminders are all due.
    const report = await core.tickAt('2026-10-09T08:00:00Z');
    expect(deadlineCards(core)).toHaveLength(2);
    expect(report.dropped).toBe(4);
    const texts = deadlineCards(core).map((s) => s.card.sections[0]);
    expect(texts).toEqual([
      { type: 'text', text: '”Rapport till Sida” ska vara klar om 6 dagar.' },
      { type: 'text', text: '”Rapport till Sida” ska vara klar om 6 dagar.' },
    ]);
    expect(deadlineCards(core).every((s) => s.card.context?.includes('Skickad sent'))).toBe(true);
    expect((await posts(core, '2026-10-09T08:05:00Z'))).toBe(0);
  });

  it('flags a missed deadline to the coordinator once, and not one that was done', async () => {
    core = await startCore(dialect, '2026-11-02T09:00:00Z');
    await core.say('frist ny "Missas" 2026-11-20 remind=1');
    await core.say('frist ny "Klaras" 2026-11-20 remind=1');
    await core.say('frist klar D2');
    // The day after (Saturday 21) is not a working day: flagged Monday 23 November at 08:00.
    await core.tickAt('2026-11-23T06:59:00Z');
    expect(deadlineCards(core)).toHaveLength(0);
    await core.tickAt('2026-11-23T07:00:00Z');
    await core.tickAt('2026-11-24T07:00:00Z');
    const flagged = deadlineCards(core);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.target).toMatchObject({ kind: 'conversation', conversationId: 'C0INTL' });
    expect(replyText({ kind: 'card', card: flagged[0]!.card, visibility: 'public' })).toContain('D1 ”Missas” passerade');
  });

  it('cancels pending reminders when the deadline is done, and snooze moves the next one', async () => {
    core = await startCore(dialect, '2026-11-02T09:00:00Z');
    await core.say('frist ny "A" 2026-12-18 remind=14,7');
    const snoozed = await core.say('frist skjut D1 3d');
    // The 14-day reminder (Friday 4 Dec) moves three days later, to Monday 7 Dec 08:00.
    expect(replyText(snoozed)).toBe('Okej: nästa påminnelse för D1 kommer 7 dec. 2026 08:00.');
    expect((await posts(core, '2026-12-04T07:00:00Z'))).toBe(0);
    expect((await posts(core, '2026-12-07T07:00:00Z'))).toBe(2);
    await core.say('deadline done 1');
    await core.tickAt('2026-12-11T07:00:00Z');
    // No new reminder; the two posted ones now say it is done.
    expect(deadlineCards(core)).toHaveLength(2);
    // Different conversations are updated side by side, so in no particular order.
    const byId = (a: { messageId: string }, b: { messageId: string }) => a.messageId.localeCompare(b.messageId);
    expect(core.notifier.updated.map((u) => u.ref).sort(byId)).toEqual(deadlineCards(core).map((s) => s.ref).sort(byId));
    expect(core.notifier.updated[0]?.card.buttons).toBeUndefined();
    expect(core.notifier.updated[0]?.card.sections[0]).toMatchObject({ text: expect.stringContaining('markerades som klar av <@U0ANNA|anna>') });
    const again = await core.say('frist klar D1');
    expect(replyText(again)).toBe('D1 var redan markerad som klar av <@U0ANNA|anna>.');
  });

  it('refuses bad input and stores nothing', async () => {
    core = await startCore(dialect, '2026-11-02T09:00:00Z');
    expect(replyText(await core.say('frist ny "Gammal" 2026-10-01'))).toBe(
      'Datumet 2026-10-01 har redan passerat. Ange ett datum framåt i tiden.',
    );
    expect(replyText(await core.say('frist ny "X" 2026-12-01 engagement=E99'))).toBe('E99 finns inte.');
    expect(replyText(await core.say('frist klar D7'))).toBe('D7 finns inte.');
    expect(replyText(await core.say('frister alla nämnd=xyz'))).toBe('Det finns ingen nämnd ”xyz”. Nämnder: ks, kfn.');
    expect(replyText(await core.say('samarbete ny "Vänort" typ=vänort nämnd=xyz'))).toBe('Det finns ingen nämnd ”xyz”. Nämnder: ks, kfn.');
    const rows = await core.app.store.db.selectFrom('deadlines').select('id').execute();
    const outbox = await core.app.store.db.selectFrom('outbox').select('id').execute();
    expect(rows).toHaveLength(0);
    expect(outbox).toHaveLength(0);
  });
});

describe.each(dialects)('reminders for deadlines already past on %s', (dialect) => {
  let core: CoreHarness;
  afterEach(async () => core?.close());

  it('drops every reminder of a deadline that passed while the bot was down, and flags the miss once', async () => {
    core = await startCore(dialect, '2026-09-01T09:00:00Z');
    await core.say('frist ny "Slutredovisning ESF" 2026-10-15 remind=14,7');
    const report = await core.tickAt('2026-10-19T09:00:00Z');
    expect(deadlineCards(core).map((s) => s.card.title)).toEqual(['Missad frist']);
    expect(report.dropped).toBe(4);
    expect(deadlineCards(core)[0]?.card.context).toContain('Skickad sent');
  });
});
