import { createServer, type Server } from 'node:http';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { blockAction, eventCallback, findButton, post, slashCommand } from '../support/slack-requests.ts';
import { buttonInvoke, messageActivity, personalConversationId, post as postActivity, TEST_TENANT_ID, testUsers } from '../support/teams-activities.ts';
import { seedTyreso2016, tyresoConfig } from '../reporting/seed-tyreso.ts';

/*
 * Issue 14, point 1: a register sent to the bot in its DMs (Slack) or personal chat (Teams) is
 * read and tried as a dry run; only the coordinator can confirm; the import is one transaction,
 * and what it adds is announced and reminded as if typed.
 */
const config = {
  ...tyresoConfig,
  coordinator: { people: { slack: ['U0COORD'], teams: [testUsers.anna.aadObjectId] }, channel: { slack: 'C0INTL' } },
  allow: { slackTeams: [SLACK_TEAM], teamsTenants: [TEST_TENANT_ID] },
};
const sign = { signingSecret: SIGNING_SECRET };

/** A workbook as a coordinator would fill in the template: one new engagement, one correction, one deadline. */
async function register(rows: { engagements?: unknown[][]; deadlines?: unknown[][] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const engagements = workbook.addWorksheet('samarbeten');
  engagements.addRow(['id', 'titel', 'typ', 'nämnd', 'partner', 'land']);
  for (const r of rows.engagements ?? []) engagements.addRow(r);
  const deadlines = workbook.addWorksheet('frister');
  deadlines.addRow(['titel', 'datum', 'samarbete', 'påminn']);
  for (const r of rows.deadlines ?? []) deadlines.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const good = () =>
  register({
    engagements: [
      ['', 'Vänort Åbo', 'vänort', 'kfn', 'Åbo', 'FI'],
      ['E2', 'Vänort Savigny-le-Temple', 'vänort', 'kfn', 'Savigny-le-Temple (Île-de-France)', 'FR'],
    ],
    deadlines: [['Slutrapport DigiIT', new Date(Date.UTC(2017, 3, 28)), 'E4', '14,7']],
  });

describe.each(dialects)('importing the register (%s)', (dialect) => {
  let h: AppHarness;
  let files: Server | undefined;
  afterEach(async () => {
    await h?.close();
    await new Promise((resolve) => (files ? files.close(resolve) : resolve(undefined)));
    files = undefined;
  });
  const events = () => `${h.baseUrl}/slack/events`;
  const count = async (table: 'engagements' | 'deadlines' | 'outbox') => Number((await h.app.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const event = (userId: string, dm: string, file: ReturnType<AppHarness['slack']['hostFile']>, name: string) => ({
    type: 'message',
    subtype: 'file_share',
    channel_type: 'im',
    channel: dm,
    user: userId,
    text: '',
    ts: `${Date.now() / 1000}`,
    files: [{ ...file, title: name, mimetype: 'application/octet-stream' }],
  });

  /** Shares the file with the bot in the person's DM, as Slack sends it, and returns the bot's answer there. */
  async function share(userId: string, name: string, bytes: Uint8Array) {
    const dm = `D0${userId}`;
    // The answer is a private card: posted to the person (their DMs with the app).
    const mine = () => h.slack.calls('chat.postMessage').filter((c) => c.body.channel === userId || c.body.channel === dm);
    const since = mine().length;
    const res = await post(events(), eventCallback(event(userId, dm, h.slack.hostFile(name, bytes), name), sign, SLACK_TEAM));
    expect(res.status).toBe(200);
    await h.slack.waitFor('chat.postMessage', () => mine().length > since, 15_000);
    const answer = mine().at(-1)!;
    const ts = String(answer.body.ts ?? '1.000');
    return { dm, text: JSON.stringify(answer.body), blocks: answer.body.blocks, ts };
  }

  /** Presses the card's button as the person; returns what they then see (the replaced card or a private answer). */
  async function press(label: string, userId: string, answer: { dm: string; blocks: unknown; ts: string }, id: string, expected: string) {
    const button = findButton(answer.blocks, { label });
    const seen = () => h.slack.calls().filter((c) => ['response', 'chat.update', 'chat.postEphemeral', 'chat.postMessage'].includes(c.method));
    const before = seen().length;
    const res = await post(events(), blockAction({ actionId: button.actionId, value: button.value, responseUrl: h.slack.responseUrl(id), messageTs: answer.ts, channelId: answer.dm, teamId: SLACK_TEAM, userId }, sign));
    expect(res.status).toBe(200);
    const shown = () => JSON.stringify(seen().slice(before).map((c) => c.body));
    for (const until = Date.now() + 10_000; !shown().includes(expected) && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    return shown();
  }

  it('Slack: a dry run per row, the coordinator confirms, and every row is stored once, announced and reminded as if typed', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    const engagementsBefore = await count('engagements');
    const deadlinesBefore = await count('deadlines');
    const outboxBefore = await count('outbox');

    const answer = await share('U0COORD', 'register.xlsx', await good());
    expect(h.slack.calls('download')[0]?.token).toBe('xoxb-e2e');
    expect(answer.text).toContain('Import av register.xlsx');
    expect(answer.text).toContain('2 läggs till, 1 ändras, 0 oförändrade, 0 avvisade.');
    expect(answer.text).toContain('samarbeten, rad 2: läggs till');
    expect(answer.text).toContain('samarbeten, rad 3: ändras');
    expect(answer.text).toContain('frister, rad 2: läggs till');
    // The dry run tried every row and kept none of it, nor anything it would have announced.
    expect(await count('engagements')).toBe(engagementsBefore);
    expect(await count('deadlines')).toBe(deadlinesBefore);
    expect(await count('outbox')).toBe(outboxBefore);

    const done = await press('Importera 3', 'U0COORD', answer, 'c1', 'Importerat av');
    expect(done).toContain('Importerat av');
    expect(done).toContain('2 tillagda, 1 ändrade');
    expect(await count('engagements')).toBe(engagementsBefore + 1);
    const savigny = await h.app.store.db.selectFrom('engagements').select('partner').where('id', '=', 2).executeTakeFirstOrThrow();
    expect(savigny.partner).toBe('Savigny-le-Temple (Île-de-France)');
    const deadline = await h.app.store.db.selectFrom('deadlines').selectAll().where('title', '=', 'Slutrapport DigiIT').executeTakeFirstOrThrow();
    expect(deadline).toMatchObject({ title: 'Slutrapport DigiIT', due_date: '2017-04-28', engagement_id: 4, committee_id: 'sn', remind_days: '14,7' });
    // As if typed: the new engagement is announced to the coordinator, the deadline gets its two reminders.
    const outbox = (await h.app.store.db.selectFrom('outbox').select(['kind', 'subject_type', 'subject_id']).execute()).filter((r) => r.subject_id === deadline.id || r.subject_type === 'engagement');
    expect(outbox.filter((r) => r.subject_type === 'engagement')).toHaveLength(1);
    expect(outbox.filter((r) => r.subject_type === 'deadline' && r.kind === 'deadline.reminder').length).toBeGreaterThanOrEqual(2);

    // A second press (or a second replica) imports nothing more.
    const again = await press('Importera 3', 'U0COORD', answer, 'c2', 'redan genomförd');
    expect(again).toContain('Den importen är redan genomförd.');
    expect(await count('engagements')).toBe(engagementsBefore + 1);
    expect(await count('deadlines')).toBe(deadlinesBefore + 1);
  }, 90_000);

  it('Slack: anyone may try a file, only the coordinator can import it, and a refused row offers no import', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    const deadlinesBefore = await count('deadlines');
    const tried = await share('U0ANNA', 'register.xlsx', await good());
    expect(tried.text).toContain('2 läggs till, 1 ändras');
    expect(tried.text).toContain('Bara den internationella samordnaren kan importera till registret.');
    expect(tried.text).not.toContain('Importera 3');

    const bad = await register({
      engagements: [['', 'Vänort Åbo', 'vänort', 'kfn', 'Åbo', 'FI'], ['', 'Okänd nämnd', 'vänort', 'xyz', '', '']],
      deadlines: [['Redan passerad', new Date(Date.UTC(2017, 0, 2)), '', '']],
    });
    const refused = await share('U0COORD', 'register.xlsx', bad);
    expect(refused.text).toContain('1 läggs till, 0 ändras, 0 oförändrade, 2 avvisade.');
    expect(refused.text).toContain('samarbeten, rad 3: Det finns ingen nämnd ”xyz”.');
    expect(refused.text).toContain('frister, rad 2:');
    expect(refused.text).toContain('Inget är sparat. Rätta de avvisade raderna och skicka filen igen.');
    expect(refused.text).not.toContain('Importera');
    expect(await count('deadlines')).toBe(deadlinesBefore);

    const notARegister = await share('U0COORD', 'bild.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(notARegister.text).toContain('bild.png är inget register');

    // The bot's own upload (an export in someone's DM) is not taken for a file to import.
    const own = h.slack.hostFile('register-2017-02-20.xlsx', await good());
    const echoed = { ...event('UBOT0001', 'D0U0COORD', own, 'register-2017-02-20.xlsx'), bot_id: 'B0001' };
    expect((await post(events(), eventCallback(echoed, sign, SLACK_TEAM))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.slack.calls('download').filter((c) => c.id === own.id)).toHaveLength(0);
  }, 90_000);

  it('Slack: a row that no longer holds at Confirm stores nothing of the import', async () => {
    h = await startApp(dialect, '2017-04-26T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    const before = await count('engagements');
    const deadlinesBefore = await count('deadlines');
    const outboxBefore = await count('outbox');
    const answer = await share('U0COORD', 'register.xlsx', await good());
    expect(answer.text).toContain('2 läggs till, 1 ändras');
    // Three days pass before the coordinator confirms: the deadline of 28 April has gone by.
    await h.tickAt('2017-04-29T09:00:00Z');
    const done = await press('Importera 3', 'U0COORD', answer, 'late', 'inget är sparat');
    expect(done).toContain('Registret ändrades efter provkörningen, så inget är sparat: frister, rad 2:');
    expect(await count('engagements')).toBe(before);
    expect(await count('deadlines')).toBe(deadlinesBefore);
    expect((await h.app.store.db.selectFrom('engagements').select('partner').where('id', '=', 2).executeTakeFirstOrThrow()).partner).toBe('Savigny-le-Temple');
    expect(await count('outbox')).toBe(outboxBefore);
  }, 90_000);

  it('Slack: a corrected deadline is reminded and a corrected visit is prompted for at their new dates, not the old', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    const typed = async (text: string, id: string, userId = 'U0ANNA') => {
      await post(events(), slashCommand({ text, responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId }, sign));
      return JSON.stringify((await h.slack.waitFor('response', (c) => c.id === id)).body);
    };
    expect(await typed('frist ny "Lägesrapport Åbo" 2017-03-31 remind=7', 'd')).toContain('Lägesrapport Åbo');
    expect(await typed('besök ny E2 ut 2017-03-06 2017-03-08 plats="Savigny"', 'v')).toContain('Savigny');
    expect(await typed('utlysning ny "Nordplus Junior 2017" öppnar=03-01 stänger=03-31', 'c', 'U0COORD')).toContain('Nordplus Junior 2017');
    const deadline = await h.app.store.db.selectFrom('deadlines').select('id').where('title', '=', 'Lägesrapport Åbo').executeTakeFirstOrThrow();
    const visit = await h.app.store.db.selectFrom('visits').select('id').where('place', '=', 'Savigny').executeTakeFirstOrThrow();
    const workbook = async (deadlineDate: Date) => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('frister').addRows([['id', 'titel', 'datum'], [`D${deadline.id}`, 'Lägesrapport Åbo', deadlineDate]]);
      book.addWorksheet('besök').addRows([['id', 'samarbete', 'riktning', 'från', 'till'], [`V${visit.id}`, 'E2', 'ut', new Date(Date.UTC(2017, 3, 3)), new Date(Date.UTC(2017, 3, 5))]]);
      book.addWorksheet('utlysningar').addRows([['namn', 'öppnar', 'stänger'], ['Nordplus Junior 2017', '04-10', '05-12']]);
      return new Uint8Array(await book.xlsx.writeBuffer());
    };

    // A correction is checked as the command would check it: a deadline cannot be moved into the past.
    const past = await share('U0COORD', 'register.xlsx', await workbook(new Date(Date.UTC(2017, 1, 1))));
    expect(past.text).toContain('0 läggs till, 2 ändras, 0 oförändrade, 1 avvisade.');
    expect(past.text).toContain('frister, rad 2:');
    expect(past.text).not.toContain('Importera');

    const answer = await share('U0COORD', 'register.xlsx', await workbook(new Date(Date.UTC(2017, 3, 28))));
    expect(answer.text).toContain('0 läggs till, 3 ändras, 0 oförändrade, 0 avvisade.');
    expect(answer.text).toContain('utlysningar, rad 2: ändras');
    expect(answer.text).toContain('frister, rad 2: ändras');
    expect(answer.text).toContain('besök, rad 2: ändras');
    expect(await press('Importera 3', 'U0COORD', answer, 'fix', 'Importerat av')).toContain('0 tillagda, 3 ändrade');

    const about = (text: string, channel?: string) =>
      h.slack.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes(text) && (channel === undefined || c.body.channel === channel));
    // The old dates pass in silence: the call's opening (1 March), the visit's report prompt (9 March) and the deadline's reminder (24 March).
    await h.tickAt('2017-03-09T07:30:00Z');
    await h.tickAt('2017-03-24T07:30:00Z');
    expect(about('Välkommen tillbaka', 'U0ANNA')).toHaveLength(0);
    expect(about('Lägesrapport Åbo')).toHaveLength(0);
    expect(about('Nordplus Junior 2017', 'C0INTL')).toHaveLength(0);
    // The new ones are kept: the day after the visit now ends, and a week before the new date.
    await h.tickAt('2017-04-06T06:00:00Z');
    const prompt = about('Välkommen tillbaka', 'U0ANNA');
    expect(prompt).toHaveLength(1);
    expect(JSON.stringify(prompt[0]!.body)).toContain('Besöket 3 apr. 2017 – 5 apr. 2017');
    expect(JSON.stringify(prompt[0]!.body)).not.toContain('Skickad sent');
    await h.tickAt('2017-04-10T06:00:00Z');
    expect(about('Nordplus Junior 2017', 'C0INTL')).toHaveLength(1);
    await h.tickAt('2017-04-21T06:00:00Z');
    expect(about('Lägesrapport Åbo').map((c) => c.body.text)).toContain('”Lägesrapport Åbo” ska vara klar om 7 dagar.');
  }, 90_000);

  it('Slack: `importera` says how, and `importera mall` gives a template the import reads', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    const asked = await post(events(), slashCommand({ text: 'importera', responseUrl: h.slack.responseUrl('how'), teamId: SLACK_TEAM, channelId: 'C0INTL', userId: 'U0COORD' }, sign));
    expect(asked.status).toBe(200);
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === 'how')).body)).toContain('Skicka en .xlsx-arbetsbok eller en .csv-fil till mig');
    await post(events(), slashCommand({ text: 'importera mall', responseUrl: h.slack.responseUrl('mall'), teamId: SLACK_TEAM, channelId: 'C0INTL', userId: 'U0COORD' }, sign));
    await h.slack.waitFor('response', (c) => c.id === 'mall', 15_000);
    expect((await h.slack.waitFor('files.getUploadURLExternal')).body.filename).toBe('samverkan-importmall.xlsx');
    const upload = await h.slack.waitFor('upload');
    const template = Object.values(upload.body).find((v): v is { bytes: Uint8Array } => typeof v === 'object' && v !== null && 'bytes' in v)!;
    // The template, sent back as it is, would add its example engagement, call and deadline.
    const answer = await share('U0COORD', 'samverkan-importmall.xlsx', template.bytes);
    expect(answer.text).toContain('samarbeten, rad 2: läggs till');
    expect(answer.text).toContain('utlysningar, rad 2: läggs till');
    expect(answer.text).toContain('frister, rad 2: läggs till');
  }, 90_000);

  it('Teams: a file attached in the personal chat is tried, and the coordinator imports it with the card’s button', async () => {
    h = await startApp(dialect, '2017-02-20T09:00:00Z', config);
    await seedTyreso2016(h.app.store.db);
    const deadlinesBefore = await count('deadlines');
    const bytes = await good();
    files = createServer((_req, res) => res.writeHead(200, { 'content-length': String(bytes.byteLength) }).end(Buffer.from(bytes)));
    const port = await new Promise<number>((resolve) => files!.listen(0, '127.0.0.1', () => resolve((files!.address() as { port: number }).port)));
    const attached = {
      ...messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text: '', from: testUsers.anna }),
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'register.xlsx', content: { downloadUrl: `http://127.0.0.1:${port}/register.xlsx`, fileType: 'xlsx' } }],
    };
    const sent = await postActivity(`${h.baseUrl}/api/messages`, attached);
    expect(sent.status).toBe(200);
    const chat = personalConversationId(testUsers.anna);
    const card = adaptiveCardOf(h.connector.sent(chat).at(-1)?.activity);
    expect(cardText(card)).toContain('2 läggs till, 1 ändras, 0 oförändrade, 0 avvisade.');
    // The card's Import button, as the coordinator would press it.
    const id = /"verb":"register\.import\.confirm","data":\{"value":"(\d+)"/.exec(JSON.stringify(card))?.[1];
    expect(id).toBeDefined();
    const pressed = await postActivity(`${h.baseUrl}/api/messages`, buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.anna, verb: 'register.import.confirm', value: id! }));
    expect(pressed.status).toBe(200);
    expect(JSON.stringify(pressed.body)).toContain('2 tillagda, 1 ändrade');
    expect(await count('deadlines')).toBe(deadlinesBefore + 1);

    // Bertil is not the coordinator: his press stores nothing and tells him why.
    const other = await postActivity(`${h.baseUrl}/api/messages`, buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'personal', from: testUsers.bertil, verb: 'register.import.confirm', value: id! }));
    expect(JSON.stringify(other.body)).toContain('Bara den internationella samordnaren');
  }, 90_000);
});
