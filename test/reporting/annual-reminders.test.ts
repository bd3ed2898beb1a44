import { afterEach, describe, expect, it } from 'vitest';
import type { Target } from '../../src/core/actor.ts';
import { anna, replyText, startCore, type CoreHarness } from '../support/core-harness.ts';
import { dialects } from '../support/databases.ts';
import { tyresoConfig } from './seed-tyreso.ts';

const where = (t: Target) => (t.kind === 'conversation' ? t.conversationId : `user:${t.userId}`);
const kfnChannel = { kind: 'conversation' as const, platform: 'slack' as const, conversationId: 'C0KFN', tenantId: 'T0TYRESO' };

/** R6: each committee is asked about its year on 15 January, then weekly until it confirms. */
describe.each(dialects)('annual reminders (%s)', (dialect) => {
  let core: CoreHarness;
  afterEach(async () => core?.close());

  const annualCards = () => core.notifier.sent.filter((s) => s.card.title === 'Årsredovisning 2026: internationellt samarbete');
  const text = (card: { sections: readonly unknown[] }) => JSON.stringify(card.sections);

  it('asks every committee on 15 January at 08:00, weekly after that until it confirms, and tells the coordinator who is left', async () => {
    core = await startCore(dialect, '2027-01-10T09:00:00Z', tyresoConfig);
    await core.say('engagement add "Vänort Cesis" type=twin-town committee=kfn partner=Cesis country=LV start=2020-05-01');
    await core.say('engagement add "DigiIT" type=eu-project committee=sn funder="Europeiska socialfonden" start=2025-12-01 end=2027-11-30');

    await core.tickAt('2027-01-15T06:59:00Z');
    expect(annualCards()).toHaveLength(0);
    await core.tickAt('2027-01-15T07:00:00Z');
    const first = annualCards();
    expect(first.map((s) => where(s.target)).sort()).toEqual(['C0BUN', 'C0KFN', 'C0KS', 'C0SN']);
    const kfn = first.find((s) => where(s.target) === 'C0KFN')!;
    expect(text(kfn.card)).toContain('Dags att redovisa Kultur- och fritidsnämndens internationella samarbete 2026 i årsredovisningen.');
    expect(text(kfn.card)).toContain('E1 Vänort Cesis · vänort · Cesis (Lettland)');
    expect(text(kfn.card)).not.toContain('DigiIT');
    expect(kfn.card.buttons?.map((b) => b.label)).toEqual(['Bekräfta', 'Skriv sammanfattning']);

    // A summary in the committee's own words, through the form the button opens.
    const summaryButton = kfn.card.buttons!.find((b) => b.label === 'Skriv sammanfattning')!;
    const opened = await core.app.bot.handleAction({ name: summaryButton.action, value: summaryButton.value }, { actor: anna, conversation: kfnChannel, isDirect: false });
    expect(opened.form?.fields.map((f) => f.kind)).toEqual(['multiline']);
    const empty = await core.app.bot.handleForm({ name: opened.form!.action, state: opened.form!.state, values: { summary: '  ' } }, { actor: anna, conversation: kfnChannel, isDirect: false });
    expect(empty.kind === 'invalid' && empty.form.errors?.summary).toBe('Skriv sammanfattningen innan du sparar.');
    const saved = await core.app.bot.handleForm(
      { name: opened.form!.action, state: opened.form!.state, values: { summary: 'Dansläger i Savigny med ungdomar från Cesis.' } },
      { actor: anna, conversation: kfnChannel, isDirect: false },
    );
    expect(saved.kind === 'done' && saved.reply && replyText(saved.reply)).toContain('Sammanfattningen för Kultur- och fritidsnämnden 2026 är sparad');

    const confirm = kfn.card.buttons!.find((b) => b.label === 'Bekräfta')!;
    const pressed = await core.app.bot.handleAction({ name: confirm.action, value: confirm.value, source: kfn.ref }, { actor: anna, conversation: kfnChannel, isDirect: false });
    expect(text(pressed.replace!)).toContain('Kultur- och fritidsnämndens internationella samarbete 2026 bekräftades av <@U0ANNA|anna> 15 jan. 2027.');
    expect(pressed.replace!.buttons ?? []).toHaveLength(0);
    const again = await core.app.bot.handleAction({ name: confirm.action, value: confirm.value }, { actor: anna, conversation: kfnChannel, isDirect: false });
    expect(replyText(again.reply!)).toContain('Kultur- och fritidsnämnden hade redan bekräftat');

    // A week later: the three that have not confirmed are reminded, the coordinator gets the list.
    await core.tickAt('2027-01-22T07:00:00Z');
    const followUps = annualCards().slice(first.length);
    expect(followUps.map((s) => where(s.target)).sort()).toEqual(['C0BUN', 'C0KS', 'C0SN']);
    expect(text(followUps[0]!.card)).toContain('Påminnelse:');
    const status = core.notifier.sent.filter((s) => s.card.title === 'Årsredovisning 2026: bekräftelser');
    expect(status.map((s) => where(s.target))).toEqual(['C0INTL']);
    expect(text(status[0]!.card)).toContain('3 av 4 nämnder har ännu inte bekräftat');
    expect(status[0]!.card.sections).toContainEqual({ type: 'list', items: ['Kommunstyrelsen', 'Socialnämnden', 'Barn- och utbildningsnämnden'] });
    expect(text(status[0]!.card)).toContain('Har bekräftat: Kultur- och fritidsnämnden.');

    // The report carries the confirmation and the summary.
    const report = await core.say('årsrapport 2026 nämnd=kfn');
    expect(report.kind).toBe('file');
  });

  it('plans each reminder once however often the planner runs, and sends a missed one late after downtime', async () => {
    core = await startCore(dialect, '2027-01-01T09:00:00Z', tyresoConfig);
    await core.tickAt('2027-01-01T10:00:00Z');
    await core.tickAt('2027-01-02T12:00:00Z');
    const rows = await core.app.store.db.selectFrom('outbox').select(['dedupe_key']).where('kind', '=', 'annual.reminder').execute();
    // Four committees, the reminder and eight weekly follow-ups each.
    expect(rows).toHaveLength(4 * 9);
    // Down from before the 15th until the 18th at noon: one reminder per committee, marked late.
    await core.tickAt('2027-01-18T11:00:00Z');
    expect(annualCards()).toHaveLength(4);
    const late = await core.app.store.db.selectFrom('outbox').select(['late']).where('kind', '=', 'annual.reminder').where('status', '=', 'sent').execute();
    expect(late.every((r) => r.late === 1)).toBe(true);
  });
});

/** R8: in the first year of a term the coordinator is told the policy is due, with last term's figures. */
describe.each(dialects)('term of office (%s)', (dialect) => {
  let core: CoreHarness;
  afterEach(async () => core?.close());

  it('reminds the coordinator when the 2026 term begins, once, with the engagements of 2022–2026 by kind', async () => {
    core = await startCore(dialect, '2026-09-01T09:00:00Z', tyresoConfig);
    await core.say('engagement add "Vänort Cesis" type=twin-town committee=kfn start=1991-05-01');
    await core.say('engagement add "Vänort Savigny-le-Temple" type=twin-town committee=kfn start=1986-06-01');
    await core.say('engagement add "Partnerskap Theewaterskloof" type=partnership committee=ks start=2011-03-01 end=2023-12-31');
    await core.say('engagement add "Gammalt projekt" type=eu-project committee=sn start=2015-12-01 end=2018-11-30');
    const termCards = () => core.notifier.sent.filter((s) => s.card.title === 'Ny mandatperiod: revidera policyn');

    await core.tickAt('2026-10-14T12:00:00Z');
    expect(termCards()).toHaveLength(0);
    // 15 October 2026 is a Thursday: 08:00 CEST is 06:00Z.
    await core.tickAt('2026-10-15T06:00:00Z');
    expect(termCards().map((s) => where(s.target))).toEqual(['C0INTL']);
    const card = termCards()[0]!.card;
    expect(JSON.stringify(card)).toContain('Mandatperioden 2026–2030 har börjat.');
    expect(JSON.stringify(card)).toContain('Samarbeten under förra mandatperioden (15 okt. 2022 – 14 okt. 2026): 3.');
    expect(card.sections).toContainEqual({ type: 'facts', facts: [{ label: 'Vänorter', value: '2' }, { label: 'Kommunala partnerskap', value: '1' }] });
    await core.tickAt('2026-12-01T06:00:00Z');
    expect(termCards()).toHaveLength(1);
  });
});
