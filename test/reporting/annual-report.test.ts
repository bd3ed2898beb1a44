import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { replyText, startCore, type CoreHarness } from '../support/core-harness.ts';
import { dialects } from '../support/databases.ts';
import { convertInLibreOffice } from '../support/libreoffice.ts';
import { openDocx } from './docx-text.ts';
import { seedTyreso2016, tyresoConfig } from './seed-tyreso.ts';

const coordinator = { platform: 'slack' as const, tenantId: 'T0TYRESO', userId: 'U0COORD', name: 'Mette Kjørstad' };

function files(reply: Reply) {
  if (reply.kind !== 'file') throw new Error(`expected a file reply, got ${reply.kind}: ${replyText(reply)}`);
  const byExt = (ext: string) => {
    const file = reply.files.find((f) => f.name.endsWith(ext));
    if (!file) throw new Error(`no ${ext} in ${reply.files.map((f) => f.name).join(', ')}`);
    return file;
  };
  return { docx: byExt('.docx'), md: byExt('.md'), reply };
}

/** R6: the municipality's report for a year like the one in the coordinator's memo (seed 000). */
describe.each(dialects)('annual report (%s)', (dialect) => {
  let core: CoreHarness;
  afterEach(async () => core?.close());

  it('builds a Word document that opens and holds the memo’s facts, per committee and kind, with a readable chart', async () => {
    core = await startCore(dialect, '2017-01-20T09:00:00Z', tyresoConfig);
    await seedTyreso2016(core.app.store.db);
    const { docx, md, reply } = files(await core.say('årsrapport 2016', { actor: coordinator }));
    expect(docx.name).toBe('arsrapport-2016.docx');
    expect(docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(replyText(reply)).toContain('Årsrapporten för 2016 är klar (samarbeten: 6, besök: 2, ansökningar: 5).');

    const doc = await openDocx(docx.data);
    expect(doc.paragraphs[0]).toBe('Internationellt samarbete 2016 – Tyresö kommun');
    for (const fact of [
      'Kommunala partnerskap',
      'Theewaterskloof (Sydafrika)',
      'ICLD (Sida)',
      'Vänorter',
      'Savigny-le-Temple (Frankrike)',
      'Cesis (Lettland)',
      'EU-projekt',
      'DigiIT',
      '1 dec. 2015 – 30 nov. 2018',
      'Nordplus byggprogrammet–Cesis',
      'beviljad',
      'Nordplus Kulturskolan–Cesis',
      'KS § 31, 2016.045',
      'Mats Fält',
      'Besöksrapporter som saknas: 1',
      'V2 Vänort Cesis: Cesis, 28 juli 2016 – 31 juli 2016',
    ]) {
      expect(doc.text).toContain(fact);
    }
    // Each committee has its own heading, in the configured order, with what is under it.
    const headings = ['Kommunstyrelsen', 'Kultur- och fritidsnämnden', 'Socialnämnden', 'Barn- och utbildningsnämnden'].map((h) => doc.paragraphs.indexOf(h));
    expect(headings.every((i) => i > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    const kfn = doc.paragraphs.slice(headings[1], headings[2]).join('\n');
    expect(kfn).toContain('Vänort Savigny-le-Temple');
    expect(kfn).not.toContain('DigiIT');

    // The chart is a real picture inside the document, wide enough to read.
    expect(doc.media).toHaveLength(1);
    const png = PNG.sync.read(Buffer.from(doc.media[0]!));
    expect(png.width).toBeGreaterThanOrEqual(1000);
    expect(png.height).toBeGreaterThan(200);

    const markdown = new TextDecoder().decode(md.data);
    expect(markdown).toContain('# Internationellt samarbete 2016 – Tyresö kommun');
    expect(markdown).toContain('| E1 Partnerskap Theewaterskloof | Theewaterskloof (Sydafrika) | 1 mars 2011 – … | ICLD (Sida) | pågående |');
    expect(markdown).toContain('![Tidslinje');

    // Word's own kind of reader opens the package too: LibreOffice Writer finds the same facts.
    const writer = convertInLibreOffice(docx.data, docx.name, 'writer', 'txt:Text (encoded):UTF8');
    if (writer === undefined) return; // LibreOffice Writer is optional on a developer's machine; CI installs it.
    expect(writer).toContain('Internationellt samarbete 2016 – Tyresö kommun');
    expect(writer).toContain('KS § 31, 2016.045');
    expect(writer).toContain('V2 Vänort Cesis: Cesis, 28 juli 2016 – 31 juli 2016');
  }, 90_000);

  it('reports one committee with its confirmation and summary, and refuses a year not yet begun', async () => {
    core = await startCore(dialect, '2017-01-20T09:00:00Z', tyresoConfig);
    await seedTyreso2016(core.app.store.db);
    const reminder = { name: 'annual.summary.submit', state: '2016:kfn', values: { summary: 'Jubileumsåret i Savigny med midsommarfirande och dansläger.\n\nNordplus-ansökan från Kulturskolan avslogs.' } };
    const request = { actor: coordinator, conversation: { kind: 'conversation' as const, platform: 'slack' as const, conversationId: 'C0KFN' }, isDirect: false };
    const saved = await core.app.bot.handleForm(reminder, request);
    expect(saved.kind).toBe('done');
    await core.app.bot.handleAction({ name: 'annual.confirm', value: '2016:kfn' }, request);

    const { docx } = files(await core.say('årsrapport 2016 nämnd=kfn', { actor: coordinator }));
    expect(docx.name).toBe('arsrapport-2016-kfn.docx');
    const doc = await openDocx(docx.data);
    expect(doc.paragraphs[0]).toBe('Internationellt samarbete 2016 – Kultur- och fritidsnämnden, Tyresö kommun');
    expect(doc.text).toContain('Bekräftad av Mette Kjørstad 20 jan. 2017.');
    expect(doc.text).toContain('Nämndens sammanfattning');
    expect(doc.text).toContain('Jubileumsåret i Savigny med midsommarfirande och dansläger.');
    expect(doc.text).not.toContain('Theewaterskloof');
    expect(doc.text).not.toContain('DigiIT');

    expect(replyText(await core.say('årsrapport 2018'))).toBe('År 2018 har inte börjat än. Skriv det år som ska redovisas, till exempel årsrapport 2026.');
    expect(replyText(await core.say('årsrapport 2016 nämnd=xyz'))).toContain('Det finns ingen nämnd ”xyz”');
  });

  it('counts an application by the Stockholm calendar: 00:30 on New Year’s Day belongs to the new year', async () => {
    core = await startCore(dialect, '2017-01-20T09:00:00Z', tyresoConfig);
    const db = core.app.store.db;
    await seedTyreso2016(db);
    const digiit = await db.selectFrom('engagements').select('id').where('title', '=', 'DigiIT').executeTakeFirstOrThrow();
    const template = await db.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    const { id: _id, ...row } = template;
    // 23:30 on 31 December in Stockholm, and 00:30 on 1 January: 22:30 and 23:30 UTC on 31 December.
    for (const [call, at] of [
      ['Sen ansökan', '2016-12-31T22:30:00.000Z'],
      ['Nyårsansökan', '2016-12-31T23:30:00.000Z'],
    ] as const) {
      await db.insertInto('applications').values({ ...row, engagement_id: digiit.id, call_text: call, status: 'draft', created_at: at, updated_at: at, submitted_at: null }).execute();
    }
    expect(replyText(files(await core.say('årsrapport 2016', { actor: coordinator })).reply)).toContain('ansökningar: 6)');
    expect(replyText(files(await core.say('årsrapport 2017', { actor: coordinator })).reply)).toContain('ansökningar: 1)');
  });

  it('is in English when the municipality’s language is English, and says so when a year is empty', async () => {
    core = await startCore(dialect, '2017-01-20T09:00:00Z', { ...tyresoConfig, municipality: { ...tyresoConfig.municipality, language: 'en' } });
    const { docx } = files(await core.say('annual 2015'));
    const doc = await openDocx(docx.data);
    expect(doc.paragraphs[0]).toBe('International cooperation 2015 – Tyresö kommun');
    expect(doc.text).toContain('No international engagements registered for the year.');
    expect(doc.media).toHaveLength(0);
  });
});
