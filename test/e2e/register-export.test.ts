import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRenderPool } from '../../src/render/pool.ts';
import { SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { convertInLibreOffice } from '../support/libreoffice.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { eventCallback, post, slashCommand } from '../support/slack-requests.ts';
import { messageActivity, personalConversationId, post as postActivity, TEST_TENANT_ID, testUsers } from '../support/teams-activities.ts';
import { seedTyreso2016, tyresoConfig } from '../reporting/seed-tyreso.ts';

/*
 * Issue 14, point 2: `exportera` gives the whole register as an .xlsx, one sheet per kind with
 * Swedish headers and real dates, which the import reads back as unchanged row for row, and which
 * LibreOffice opens.
 */
const config = { ...tyresoConfig, allow: { slackTeams: [SLACK_TEAM], teamsTenants: [TEST_TENANT_ID] } };
const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;
const pool = createRenderPool({ threads: 1, timeoutMs: 30_000, log: silent });
afterAll(async () => {
  await pool.close();
});

describe.each(dialects)('exporting the register (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const events = () => `${h.baseUrl}/slack/events`;
  let requests = 0;
  async function command(text: string, timeoutMs = 2000) {
    const id = `r${++requests}`;
    const res = await post(events(), slashCommand({ text, responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0INTL', userId: 'U0COORD' }, { signingSecret: SIGNING_SECRET }));
    expect(res.status).toBe(200);
    return JSON.stringify((await h.slack.waitFor('response', (c) => c.id === id, timeoutMs)).body);
  }

  it('Slack: one sheet per kind with Swedish headers and real dates, which re-imports unchanged and opens in LibreOffice', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    expect(await command('utlysning ny "Nordplus Junior" öppnar=12-01 stänger=02-01 finansiär=Nordplus årlig')).toContain('Nordplus Junior');
    expect(await command('frist ny "Slutrapport DigiIT" 2017-03-31 samarbete=E4 påminn=14,7')).toContain('Slutrapport DigiIT');

    // Written in a worker thread, then uploaded to the person's DMs; the card follows.
    expect(await command('exportera', 15_000)).toContain('Samarbeten: 6 · Utlysningar: 1 · Öppna frister: 1');
    const upload = await h.slack.waitFor('upload');
    const file = Object.values(upload.body).find((v): v is { bytes: Uint8Array } => typeof v === 'object' && v !== null && 'bytes' in v)!;
    expect((await h.slack.waitFor('files.getUploadURLExternal')).body.filename).toBe('register-2017-02-20.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['samarbeten', 'utlysningar', 'frister', 'besök']);
    const engagements = workbook.getWorksheet('samarbeten')!;
    expect(engagements.getRow(1).values).toEqual([undefined, 'id', 'titel', 'typ', 'nämnd', 'partner', 'land', 'finansiär', 'start', 'slut', 'kontakt']);
    const savigny = engagements.getRow(3);
    expect(savigny.getCell(2).value).toBe('Vänort Savigny-le-Temple');
    expect(savigny.getCell(3).value).toBe('vänort');
    expect(savigny.getCell(8).value).toEqual(new Date(Date.UTC(1986, 5, 1)));
    expect(savigny.getCell(8).numFmt).toBe('yyyy-mm-dd');
    const deadline = workbook.getWorksheet('frister')!.getRow(2);
    expect(deadline.getCell(2).value).toBe('Slutrapport DigiIT');
    expect(deadline.getCell(5).value).toBe('E4');
    expect(workbook.getWorksheet('utlysningar')!.getRow(2).getCell(7).value).toBe('ja');
    expect(workbook.getWorksheet('besök')!.rowCount).toBeGreaterThan(1);

    // Sent back to the bot as it came, the import finds every row unchanged: nothing to add or change.
    const read = await pool.run('register-read', { fileName: 'register.xlsx', bytes: file.bytes, locale: 'sv', today: '2017-02-20' });
    expect(read.refused).toEqual([]);
    const mine = () => h.slack.calls('chat.postMessage').filter((c) => c.body.channel === 'U0COORD' || c.body.channel === 'D0U0COORD');
    const before = mine().length;
    const hosted = h.slack.hostFile('register-2017-02-20.xlsx', file.bytes);
    const shared = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D0U0COORD', user: 'U0COORD', text: '', ts: `${Date.now() / 1000}`, files: [{ ...hosted, title: hosted.name, mimetype: 'application/octet-stream' }] };
    expect((await post(events(), eventCallback(shared, { signingSecret: SIGNING_SECRET }, SLACK_TEAM))).status).toBe(200);
    await h.slack.waitFor('chat.postMessage', () => mine().length > before, 15_000);
    const dryRun = JSON.stringify(mine().at(-1)?.body);
    expect(dryRun).toContain(`0 läggs till, 0 ändras, ${read.rows.length} oförändrade, 0 avvisade.`);
    expect(dryRun).not.toContain('Importera');

    const csv = convertInLibreOffice(file.bytes, `register-${dialect}.xlsx`, 'calc', 'csv:Text - txt - csv (StarCalc):44,34,76');
    if (csv === undefined) return; // LibreOffice Calc is optional on a developer's machine; CI installs it (.ci/run).
    expect(csv.split('\n')[0]).toBe('id,titel,typ,nämnd,partner,land,finansiär,start,slut,kontakt');
    expect(csv).toContain('Vänort Savigny-le-Temple,vänort,kfn,Savigny-le-Temple,FR,,1986-06-01,');
  }, 90_000);

  it('Teams: the workbook is a download link in the personal chat', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    const sent = await postActivity(`${h.baseUrl}/api/messages`, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text: 'exportera', from: testUsers.anna }));
    expect(sent.status).toBe(200);
    const chat = personalConversationId(testUsers.anna);
    await h.connector.waitFor((c) => c.conversationId === chat && String(JSON.stringify(c.body)).includes('.xlsx'), 15_000);
    const card = adaptiveCardOf(h.connector.sent(chat).at(-1)?.activity);
    expect(cardText(card)).toContain('Registret som kalkylblad');
    const link = (JSON.stringify(card).match(/http:\/\/localhost:\d+\/files\/[^"]+\.xlsx/g) ?? [])[0];
    expect(link).toBeDefined();
    const download = await fetch(`${h.baseUrl}${new URL(link!).pathname}`);
    expect(download.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    expect(workbook.getWorksheet('samarbeten')!.rowCount).toBe(7);
  }, 60_000);
});
