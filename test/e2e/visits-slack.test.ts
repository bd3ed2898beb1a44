import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { goodReport, slackDriver } from '../visits/slack-driver.ts';

/** R5 and R7 end to end in Slack, through the real HTTP server, on both databases. */
describe.each(dialects)('Slack: visits and post-visit reports (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const slack = slackDriver(() => h);

  it('asks the lead the working day after, keeps a rejected form, and posts the filed report to the board', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    expect(await slack.command('samarbete ny "Vänort Cēsis" typ=vänort nämnd=kfn partner="Cēsis" land=LV')).toContain('Samarbete E1 registrerat: Vänort Cēsis.');
    await h.tickAt('2026-09-01T08:01:00Z');
    expect(slack.postedTo('C0INTL').some((m) => m.text === 'Kultur- och fritidsnämnden har registrerat E1 Vänort Cēsis.')).toBe(true);

    const added = await slack.command('besök ny E1 ut 2026-09-14 2026-09-17 plats="Cēsis" deltagare=4');
    expect(added).toContain('Besök V1 registrerat: E1 Vänort Cēsis, 14 sep. 2026 – 17 sep. 2026.');
    expect(await slack.command('besök kommande')).toContain('V1 · E1 Vänort Cēsis · resa ut · 14 sep. 2026 – 17 sep. 2026 · Cēsis · <@U0ANNA>');
    expect(await slack.command('rapport V1')).toContain('V1 börjar 14 sep. 2026; rapporten kan skrivas när besöket har börjat.');

    // The visit ends on Thursday 17 September; Friday 08:00 in Stockholm is 06:00 UTC.
    await h.tickAt('2026-09-18T05:59:00Z');
    expect(slack.postedTo('U0ANNA').filter((m) => m.all.includes('Skriv rapport'))).toHaveLength(0);
    await h.tickAt('2026-09-18T06:00:00Z');
    const prompts = slack.postedTo('U0ANNA').filter((m) => m.all.includes('Skriv rapport'));
    expect(prompts).toHaveLength(1);
    // The visit has happened; the engagement goes on. The report goes to the configured board, by name.
    expect(prompts[0]?.text).toContain('Välkommen tillbaka! Besöket 14 sep. 2026 – 17 sep. 2026 inom E1 Vänort Cēsis är genomfört. Skriv en kort reserapport till Kommunstyrelsen');

    const modal = await slack.pressForModal(prompts[0]?.blocks, 'Skriv rapport');
    expect(modal.callback_id).toBe('visit.report');
    expect(modal.blocks?.map((b) => b.block_id)).toEqual(['purpose', 'activities', 'participants', 'results', 'costs', 'followUps']);

    // Half filled, and the cost is not an amount: the modal stays open with the reasons beside the fields.
    const rejected = JSON.parse(await slack.submit(modal, { ...goodReport, purpose: '', costs: 'ganska mycket' }));
    expect(rejected).toEqual({
      response_action: 'errors',
      errors: { purpose: 'Skriv syftet med besöket.', costs: 'Ange kostnaden som ett belopp, t.ex. 18 500 kr.' },
    });
    expect(await h.app.store.db.selectFrom('visit_reports').select('id').execute()).toHaveLength(0);

    expect(await slack.submit(modal, goodReport)).toBe('');
    expect((await h.slack.waitFor('chat.postMessage', (c) => c.body.channel === 'U0ANNA' && String(c.body.text).includes('Tack!'))).body.text).toBe(
      'Tack! Reserapporten för V1 är inlämnad och går till Kommunstyrelsen.',
    );
    // The prompt in the DM now shows the filed report instead of a button to write it.
    const replaced = await h.slack.waitFor('chat.update', (c) => c.body.channel === 'DU0ANNA' && c.body.ts === '1.000');
    expect(JSON.stringify(replaced.body)).toContain('Inlämnad av <@U0ANNA>');
    expect(JSON.stringify(replaced.body)).not.toContain('Skriv rapport');
    await h.tickAt('2026-09-18T06:05:00Z');
    const board = slack.postedTo('C0KS');
    expect(board).toHaveLength(1);
    for (const part of ['Reserapport V1: E1 Vänort Cēsis', 'Syfte med besöket', goodReport.purpose, goodReport.costs, 'Inlämnad av <@U0ANNA>']) {
      expect(board[0]?.all).toContain(part);
    }

    // No more reminders once it is filed.
    await h.tickAt('2026-09-25T06:00:00Z');
    await h.tickAt('2026-10-02T06:00:00Z');
    expect(slack.postedTo('U0ANNA').filter((m) => m.all.includes('Påminnelse'))).toHaveLength(0);

    // Read again, edit: the board gets version 2 and version 1 stays on record.
    const reread = await slack.command('rapport V1');
    expect(reread).toContain(goodReport.results);
    expect(reread).toContain('Ändra rapport');
    const editModal = await slack.pressForModal(JSON.parse(reread).blocks, 'Ändra rapport');
    expect(JSON.stringify(editModal.blocks)).toContain(goodReport.activities);
    expect(await slack.submit(editModal, { ...goodReport, results: 'Avtal om personalutbyte undertecknat.' })).toBe('');
    await h.tickAt('2026-10-02T06:05:00Z');
    const updated = slack.postedTo('C0KS');
    expect(updated).toHaveLength(2);
    expect(updated[1]?.all).toContain('Avtal om personalutbyte undertecknat.');
    expect(updated[1]?.all).toContain('Version 2, uppdaterad av <@U0ANNA>');
    const versions = await h.app.store.db.selectFrom('visit_reports').select(['version', 'results']).orderBy('version').execute();
    expect(versions).toEqual([
      { version: 1, results: goodReport.results },
      { version: 2, results: 'Avtal om personalutbyte undertecknat.' },
    ]);

    const detail = await slack.command('samarbete E1');
    expect(detail).toContain('V1 · resa ut · 14 sep. 2026 – 17 sep. 2026 · Cēsis');
    expect(detail).toContain('Rapport om V1, version 2');
  });

  it('reminds every five working days and tells the coordinator after the third reminder', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    await slack.command('samarbete ny "Vänort Cēsis" typ=vänort nämnd=kfn');
    await slack.command('besök ny E1 in 2026-09-14 2026-09-15 plats="Stadshuset" ledare=<@U0BERTIL|bertil>');
    await h.tickAt('2026-09-01T08:01:00Z');
    // An incoming visit is announced to the coordination office when it is registered [001 §4].
    expect(slack.postedTo('C0INTL').some((m) => m.text.startsWith('Vänort Cēsis besöker Kultur- och fritidsnämnden 14 sep. 2026 – 15 sep. 2026'))).toBe(true);

    // Prompt Wed 16 Sep; reminders Wed 23 Sep, Wed 30 Sep, Wed 7 Oct (every 5 working days).
    for (const day of ['2026-09-16', '2026-09-23', '2026-09-30', '2026-10-07']) await h.tickAt(`${day}T06:00:00Z`);
    const toLead = slack.postedTo('U0BERTIL').filter((m) => m.all.includes('Skriv rapport'));
    expect(toLead.map((m) => m.text.slice(0, 13))).toEqual(['Välkommen til', 'Påminnelse 1:', 'Påminnelse 2:', 'Påminnelse 3:']);
    const told = slack.postedTo('C0INTL').filter((m) => m.text.includes('har inte kommit in'));
    expect(told.map((m) => m.text)).toEqual(['Reserapporten för V1 (14 sep. 2026 – 15 sep. 2026) har inte kommit in trots 3 påminnelser till <@U0BERTIL>.']);
    // The lead is still reminded every five working days until it is filed; the coordinator is told once.
    await h.tickAt('2026-10-14T06:00:00Z');
    expect(slack.postedTo('U0BERTIL').at(-1)?.text.slice(0, 13)).toBe('Påminnelse 4:');
    await h.tickAt('2026-10-20T06:00:00Z');
    expect(slack.postedTo('U0BERTIL').filter((m) => m.all.includes('Skriv rapport'))).toHaveLength(5);
    await h.tickAt('2026-10-21T06:00:00Z');
    expect(slack.postedTo('U0BERTIL').filter((m) => m.all.includes('Skriv rapport'))).toHaveLength(6);
    expect(slack.postedTo('C0INTL').filter((m) => m.text.includes('har inte kommit in'))).toHaveLength(1);
    expect(await slack.command('besök rapporter-saknas')).toContain('V1 · E1 Vänort Cēsis · besök hos oss');
  });
});
