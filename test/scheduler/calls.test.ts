import { afterEach, describe, expect, it } from 'vitest';
import { replyText, startCore, type CoreHarness } from '../support/core-harness.ts';
import { dialects } from '../support/databases.ts';

const texts = (core: CoreHarness) => core.notifier.sent.filter((s) => s.card.title?.startsWith('Utlysning')).map((s) => `${s.target.kind === 'conversation' ? s.target.conversationId : 'dm'}: ${s.card.summary}`);

/** R2: yearly funding-call windows announced to the coordinator's channel. */
describe.each(dialects)('funding calls on %s', (dialect) => {
  let core: CoreHarness;
  afterEach(async () => core?.close());

  it('announces the window when it opens and 14 and 3 days before it closes, every year', async () => {
    core = await startCore(dialect, '2026-08-01T09:00:00Z');
    const added = await core.say('utlysning ny "ICLD kommunala partnerskap" opens=09-15 closes=10-15 funder="ICLD" yearly');
    expect(replyText(added)).toContain('Utlysning C1 registrerad: ICLD kommunala partnerskap.');
    expect(replyText(added)).toContain('15 sep. 2026 – 15 okt. 2026');

    // Tuesday 15 September 2026 08:00 CEST.
    await core.tickAt('2026-09-15T05:59:00Z');
    expect(texts(core)).toEqual([]);
    await core.tickAt('2026-09-15T06:00:00Z');
    // 14 days before 15 October is Thursday 1 October; 3 days before is Monday 12 October.
    await core.tickAt('2026-10-01T06:00:00Z');
    await core.tickAt('2026-10-12T06:00:00Z');
    expect(texts(core)).toEqual([
      'C0INTL: ”ICLD kommunala partnerskap” är öppen för ansökningar till och med 15 okt. 2026.',
      'C0INTL: ”ICLD kommunala partnerskap” stänger om 14 dagar, 15 okt. 2026.',
      'C0INTL: ”ICLD kommunala partnerskap” stänger om 3 dagar, 15 okt. 2026.',
    ]);

    // The next year's window is planned by the scheduler's planner, once, however often it runs.
    await core.tickAt('2027-06-01T06:00:00Z');
    await core.tickAt('2027-06-01T08:00:00Z');
    const planned = await core.app.store.db
      .selectFrom('outbox')
      .select(['due_at'])
      .where('status', '=', 'pending')
      .where('kind', '=', 'call.announce')
      .orderBy('due_at')
      .execute();
    expect(planned.map((r) => r.due_at)).toEqual([
      '2027-09-15T06:00:00.000Z',
      '2027-10-01T06:00:00.000Z',
      '2027-10-12T06:00:00.000Z',
      // The planner also looks a window ahead.
      '2028-09-15T06:00:00.000Z',
      '2028-09-29T06:00:00.000Z', // 1 October 2028 is a Sunday: the Friday before
      '2028-10-12T06:00:00.000Z',
    ]);
  });

  it('a call added while its window is open is announced at once; the list shows the next window', async () => {
    core = await startCore(dialect, '2026-09-20T09:00:00Z');
    await core.say('call add "Nordplus Junior" opens=09-01 closes=02-01 url=https://www.nordplusonline.org');
    await core.tickAt('2026-09-20T09:01:00Z');
    expect(texts(core)).toEqual(['C0INTL: ”Nordplus Junior” är öppen för ansökningar till och med 1 feb. 2027.']);
    const list = await core.say('utlysningar');
    expect(replyText(list)).toContain('C1 · Nordplus Junior · 1 sep. 2026 – 1 feb. 2027');
  });

  it('refuses a window that opens and closes the same day, and bad month-days', async () => {
    core = await startCore(dialect, '2026-09-20T09:00:00Z');
    expect(replyText(await core.say('call add "X" opens=03-01 closes=03-01'))).toBe('En ansökningsperiod måste stänga en annan dag än den öppnar.');
    expect(replyText(await core.say('call add "X" opens=13-01 closes=03-01'))).toContain('utlysning ny');
    expect(await core.app.store.db.selectFrom('funding_calls').select('id').execute()).toEqual([]);
  });
});
