import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { slackDriver } from '../visits/slack-driver.ts';

/** R5 [004] and R7 [003] end to end in Slack, on both databases. */
describe.each(dialects)('Slack: the twin-town limit per term and ending early (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const slack = slackDriver(() => h);

  it('warns on the third reciprocal visit of a term, names the two before, and counts a new term afresh', async () => {
    h = await startApp(dialect, '2026-01-12T09:00:00Z');
    await slack.command('samarbete ny "Vänort Cēsis" typ=vänort nämnd=kfn partner="Cēsis" land=LV');
    expect(await slack.command('besök ny E1 ut 2026-02-10 2026-02-12')).not.toContain('mandatperiod');
    expect(await slack.command('besök ny E1 in 2026-05-05 2026-05-07')).not.toContain('mandatperiod');
    // The term 2022–2026 ends on 14 October: a visit in November belongs to the new term.
    expect(await slack.command('besök ny E1 ut 2026-11-03 2026-11-05')).not.toContain('mandatperiod');
    await h.tickAt('2026-01-12T09:01:00Z');
    expect(slack.postedTo('C0INTL').filter((m) => m.text.includes('vänortsbesök'))).toHaveLength(0);

    const third = await slack.command('besök ny E1 in 2026-10-05 2026-10-06');
    expect(third).toContain('Besök V4 registrerat');
    expect(third).toContain('Ömsesidiga vänortsbesök bör ske högst 2 gånger per mandatperiod; under den här mandatperioden (15 okt. 2022 – 14 okt. 2026) har det redan skett 2:');
    expect(third).toContain('V1 · resa ut · 10 feb. 2026 – 12 feb. 2026');
    expect(third).toContain('V2 · besök hos oss · 5 maj 2026 – 7 maj 2026');
    expect(third).not.toContain('V3 ·');
    await h.tickAt('2026-01-12T09:02:00Z');
    const told = slack.postedTo('C0INTL').filter((m) => m.text.includes('vänortsbesök'));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toBe('V4 (E1 Vänort Cēsis, 5 okt. 2026 – 6 okt. 2026) går över antalet vänortsbesök för mandatperioden.');
    expect(told[0]?.all).toContain('V2 · besök hos oss');

    // A partnership is not a twin town: no limit.
    await slack.command('samarbete ny "Partnerskap Theewaterskloof" typ=partnerskap nämnd=kfn');
    for (const days of ['2026-02-02 2026-02-03', '2026-03-02 2026-03-03', '2026-04-06 2026-04-07']) {
      expect(await slack.command(`besök ny E2 ut ${days}`)).not.toContain('mandatperiod');
    }
  });

  it('ends Alingsås–Chililabombwe early by decision (seed 003): visits and every reminder are cancelled', async () => {
    h = await startApp(dialect, '2023-02-08T09:00:00Z');
    await slack.command('samarbete ny "Kommunalt partnerskap Chililabombwe" typ=partnerskap nämnd=kfn partner="Chililabombwe" land=ZM finansiär=ICLD start=2014-01-01 slut=2023-11-30');
    await slack.command('besök ny E1 in 2023-05-08 2023-05-12 plats="Alingsås"');
    await slack.command('besök ny E1 ut 2023-09-11 2023-09-15 plats="Chililabombwe"');
    await slack.command('frist ny "Slutrapport till ICLD" 2023-10-31 samarbete=E1');
    await h.tickAt('2023-02-08T09:01:00Z');

    const ended = await slack.command('samarbete avsluta E1 2023-03-31 beslut="§ 2, 2023.027 KUN"');
    expect(ended).toContain('E1 Kommunalt partnerskap Chililabombwe avslutas i förtid den 31 mars 2023 i stället för 30 nov. 2023, enligt beslut § 2, 2023.027 KUN.');
    expect(ended).toContain('Inställda besök: 2.');
    expect(await slack.command('samarbete avsluta E1 2023-03-01 beslut="§ 3"')).toContain('E1 är redan avslutat enligt beslut § 2, 2023.027 KUN.');

    await h.tickAt('2023-02-08T09:02:00Z');
    const announced = slack.postedTo('C0INTL').filter((m) => m.text.includes('avslutas i förtid'));
    expect(announced).toHaveLength(1);
    expect(slack.postedTo('C0KFN').filter((m) => m.text.includes('avslutas i förtid'))).toHaveLength(1);

    // Through the rest of the year nothing about the engagement is sent: no prompts, no reminders, no misses.
    const before = h.slack.calls('chat.postMessage').length;
    for (const at of ['2023-05-15T06:00:00Z', '2023-09-18T06:00:00Z', '2023-10-02T06:00:00Z', '2023-10-24T06:00:00Z', '2023-10-30T07:00:00Z', '2023-11-01T07:00:00Z', '2023-12-01T07:00:00Z']) {
      await h.tickAt(at);
    }
    const after = h.slack.calls('chat.postMessage').slice(before).map((c) => JSON.stringify(c.body));
    expect(after.filter((m) => /Slutrapport till ICLD|Skriv rapport|Reserapport|Inkommande besök/.test(m))).toEqual([]);
    const rows = await h.app.store.db.selectFrom('outbox').select(['kind', 'status']).where('subject_type', 'in', ['visit', 'deadline']).execute();
    expect(rows.filter((r) => r.status === 'pending')).toEqual([]);
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.kind)).toEqual(['visit.incoming']);

    const detail = await slack.command('samarbete E1');
    for (const part of ['avbrutet i förtid', '§ 2, 2023.027 KUN', 'V1 · besök hos oss · 8 maj 2023 – 12 maj 2023 · Alingsås · inställt', 'V2 · resa ut', '31 mars 2023']) {
      expect(detail).toContain(part);
    }
    expect(await slack.command('besök ny E1 ut 2023-10-02 2023-10-04')).toContain('E1 avslutades den 31 mars 2023; ett besök efter det kan inte registreras.');
  });
});
