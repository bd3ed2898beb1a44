import { afterEach, describe, expect, it } from 'vitest';
import { approvalsConfig } from '../approvals/fixtures.ts';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { blockAction, findButton, post, slashCommand, viewSubmission, type OpenedView } from '../support/slack-requests.ts';

/** R3 end to end in Slack: signed requests to Bolt's HTTP receiver, a fake Slack Web API. */
describe.each(dialects)('Slack: asking the board for approval to apply (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => {
    const started = h as AppHarness | undefined;
    // Forgotten at once: if the next test fails to start, this app must not be closed twice.
    h = undefined as unknown as AppHarness;
    await started?.close();
  });

  const events = () => `${h.baseUrl}/slack/events`;
  let requests = 0;
  const sign = { signingSecret: SIGNING_SECRET };

  async function command(text: string, userId = 'U0ANNA') {
    const id = `r${++requests}`;
    const res = await post(events(), slashCommand({ text, responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId }, sign));
    expect(res.status).toBe(200);
    return JSON.stringify((await h.slack.waitFor('response', (c) => c.id === id)).body);
  }

  /** The request card as posted to the board's channel: its ts and blocks. */
  async function boardCard(nth = 0) {
    const posts = h.slack.calls('chat.postMessage').filter((c) => c.body.channel === 'C0KS');
    const card = posts[nth];
    if (!card) throw new Error(`no card ${nth} in C0KS`);
    const ts = (await h.app.store.db.selectFrom('posted_messages').select('message_id').where('conversation_id', '=', 'C0KS').orderBy('id').execute())[nth]?.message_id ?? '';
    return { ts, blocks: card.body.blocks, text: JSON.stringify(card.body) };
  }

  async function press(label: string, userId: string, ts: string, blocks: unknown, teamId = SLACK_TEAM) {
    const id = `p${++requests}`;
    const button = findButton(blocks, { label });
    const res = await post(
      events(),
      blockAction({ ...button, responseUrl: h.slack.responseUrl(id), messageTs: ts, channelId: 'C0KS', teamId, userId, triggerId: `trig-${id}` }, sign),
    );
    expect(res.status).toBe(200);
    return { id, trigger: `trig-${id}` };
  }

  async function decide(label: string, userId: string, ts: string, blocks: unknown, values: Record<string, string>) {
    const { trigger } = await press(label, userId, ts, blocks);
    const open = await h.slack.waitFor('views.open', (c) => c.body.trigger_id === trigger);
    const view = open.body.view as OpenedView;
    return post(events(), viewSubmission({ view, values, teamId: SLACK_TEAM, userId }, sign));
  }

  async function setUp(closes = '10-15') {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', approvalsConfig);
    await command('samarbete ny "Partnerskap Theewaterskloof" type=partnership committee=kfn country=ZA');
    await command(`utlysning ny "ICLD kommunala partnerskap" öppnar=09-01 stänger=${closes} finansiär=ICLD årlig`);
  }

  it('asks, refuses outsiders and self-approval, approves with a reference, updates the card and opens the gate', async () => {
    await setUp();
    const asked = await command('ansök E1 ICLD belopp=250000');
    expect(asked).toContain('Ansökan A1 är registrerad och skickad till Kommunstyrelsen för beslut. Status: väntar på beslut.');
    expect(await command('ansökan inskickad A1')).toContain('A1 kan inte markeras som inskickad förrän den är godkänd (status: väntar på beslut).');

    await h.tickAt('2026-11-23T09:00:30Z');
    const card = await boardCard();
    for (const part of ['Godkännande att ansöka: A1', '<@U0ANNA> begär att Kommunstyrelsen godkänner att Kultur- och fritidsnämnden ansöker om ”ICLD kommunala partnerskap”', 'E1 Partnerskap Theewaterskloof', '250\u00a0000 kr', '15 okt. 2027', 'Innan projektansökan lämnas in ska kommunstyrelsen godkänna', '2 dec. 2026']) {
      expect(card.text).toContain(part);
    }
    for (const label of ['Godkänn', 'Avslå', 'Begär ändring']) expect(() => findButton(card.blocks, { label })).not.toThrow();

    const outsider = await press('Godkänn', 'U0OUTSIDER', card.ts, card.blocks);
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === outsider.id)).body)).toContain('Du är inte beslutsfattare för Kommunstyrelsen. Inget ändrades.');
    const foreign = await press('Godkänn', 'U0BOARD1', card.ts, card.blocks, 'T0OTHER');
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === foreign.id)).body)).toContain('inte ansluten till Samverkan');
    const own = await press('Godkänn', 'U0ANNA', card.ts, card.blocks);
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === own.id)).body)).toContain('Du kan inte besluta om din egen begäran.');
    expect(h.slack.calls('views.open')).toHaveLength(0);

    // "My work" lists the request for the board, not for the requester.
    expect(await command('mitt', 'U0BOARD1')).toContain('A1 · ICLD kommunala partnerskap · Kommunstyrelsen');
    expect(await command('mitt', 'U0ANNA')).not.toContain('A1 · ICLD kommunala partnerskap · Kommunstyrelsen');

    const missing = await decide('Godkänn', 'U0BOARD1', card.ts, card.blocks, { reference: '' });
    expect(JSON.parse(missing.body)).toMatchObject({ response_action: 'errors', errors: { reference: expect.stringContaining('KS § 45') } });
    // A control character or an over-long comment is refused beside its field, and nothing is decided.
    const hostile = await decide('Godkänn', 'U0BOARD1', card.ts, card.blocks, { reference: 'KS § 45\u0000', comment: 'x'.repeat(2001) });
    expect(JSON.parse(hostile.body)).toMatchObject({
      response_action: 'errors',
      errors: { reference: expect.stringContaining('styrtecken (U+0000)'), comment: expect.stringContaining('Högst 2000 tecken (här är det 2001)') },
    });
    expect(await command('beslut')).toContain('A1 · E1 Partnerskap Theewaterskloof');
    const approved = await decide('Godkänn', 'U0BOARD1', card.ts, card.blocks, { reference: 'KS § 45, 2026.112', comment: 'Bra förslag.' });
    expect(approved.status).toBe(200);
    const update = await h.slack.waitFor('chat.update', (c) => c.body.ts === card.ts);
    expect(JSON.stringify(update.body)).toContain('Godkänd av <@U0BOARD1> för Kommunstyrelsen 23 nov. 2026 10:00. Beslut: KS § 45, 2026.112.');
    expect(JSON.stringify(update.body.blocks)).not.toContain('"actions"');

    // The requester is told; every copy of the card follows.
    await h.tickAt('2026-11-23T09:01:00Z');
    const told = h.slack.calls('chat.postMessage').find((c) => c.body.channel === 'U0ANNA');
    expect(JSON.stringify(told?.body)).toContain('Beslut om A1');
    expect(JSON.stringify(h.slack.message('C0KS', card.ts))).toContain('Kommentar: Bra förslag.');

    // A second approver on the now stale card is told who decided; nothing changes.
    const late = await press('Avslå', 'U0BOARD2', card.ts, card.blocks);
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === late.id)).body)).toContain('A1 är redan beslutad: godkänd av <@U0BOARD1> 23 nov. 2026 10:00.');
    expect(await h.app.store.db.selectFrom('decisions').select(['outcome', 'reference']).execute()).toEqual([{ outcome: 'approved', reference: 'KS § 45, 2026.112' }]);

    expect(await command('ansökan inskickad A1')).toContain('A1 är markerad som inskickad.');
    const shown = await command('samarbete E1');
    expect(shown).toMatch(/A1 · ICLD kommunala partnerskap · 250.000 kr · inskickad/);
    expect(shown).toContain('Kommunstyrelsen · godkänt · KS § 45, 2026.112 (A1)');
    expect(await command('ansökan beviljad A1')).toContain('finansiären beviljade ansökan');
    expect(await command('beslut')).toContain('Inga begäranden väntar på beslut.');
    expect(await command('mitt', 'U0BOARD1')).toContain('Inget väntar på ditt beslut.');
    // A decided request is not reminded before the meeting.
    await h.tickAt('2026-12-01T07:00:00Z');
    expect(h.slack.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('Väntar på beslut: A1'))).toHaveLength(0);

    // The records register gets the period's decisions as a file Swedish Excel opens.
    await command('beslut export 2026-11-01 2026-11-30');
    // Rendered in a worker thread, which starts on first use: allow for a loaded machine.
    const upload = await h.slack.waitFor('upload', undefined, 15_000);
    const file = upload.body.body as { size: number; text: string };
    expect((await h.slack.waitFor('files.getUploadURLExternal')).body.filename).toBe('beslut-2026-11-01-2026-11-30.csv');
    expect(file.text).toBe(
      'Beslutsdatum;Organ;Beslut;Referens;Ansökan;Samarbete;Utlysning eller finansiär;Belopp (kr);Beslutat av;Kommentar\r\n' +
        '2026-11-23 10:00;Kommunstyrelsen;godkänd;KS § 45, 2026.112;A1;E1 Partnerskap Theewaterskloof;ICLD kommunala partnerskap;250000;anna (U0BOARD1);Bra förslag.\r\n',
    );
    // The decoded text leaves the byte order mark out; its three bytes are in the size.
    expect(file.size).toBe(Buffer.byteLength(file.text) + 3);
    expect(await command('beslut export 2026-12-01 2026-11-30')).toContain('2026-11-30 ligger före 2026-12-01.');
  });

  it('rejects with a required comment, and asks for changes that the requester resubmits', async () => {
    await setUp();
    await command('ansök E1 ICLD');
    await command('ansök E1 "ICLD kommunala partnerskap" belopp=90000');
    await h.tickAt('2026-11-23T09:00:30Z');
    const first = await boardCard(0);
    const second = await boardCard(1);
    const waiting = await command('beslut');
    expect(waiting).toContain('A1 · E1 Partnerskap Theewaterskloof · ICLD kommunala partnerskap · Kommunstyrelsen · Utlysningen stänger 15 okt. 2027');
    expect(waiting).toContain('A2 · E1 Partnerskap Theewaterskloof · ICLD kommunala partnerskap · Kommunstyrelsen');

    const noComment = await decide('Avslå', 'U0BOARD1', first.ts, first.blocks, { reference: 'KS § 46' });
    expect(JSON.parse(noComment.body)).toMatchObject({ response_action: 'errors', errors: { comment: expect.stringContaining('kommentar') } });
    await decide('Avslå', 'U0BOARD1', first.ts, first.blocks, { reference: 'KS § 46', comment: 'Dubblett av A2.' });
    const rejected = await h.slack.waitFor('chat.update', (c) => c.body.ts === first.ts);
    expect(JSON.stringify(rejected.body)).toContain('Avslagen av <@U0BOARD1>');
    expect(await command('ansökan inskickad A1')).toContain('status: inte godkänd att söka');

    await decide('Begär ändring', 'U0BOARD2', second.ts, second.blocks, { comment: 'Ange medfinansieringen.' });
    await h.tickAt('2026-11-23T09:01:00Z');
    const dm = h.slack.calls('chat.postMessage').filter((c) => c.body.channel === 'U0ANNA').find((c) => JSON.stringify(c.body).includes('Beslut om A2'));
    expect(JSON.stringify(dm?.body)).toContain('Ange medfinansieringen.');
    const resubmit = findButton(dm?.body.blocks, { label: 'Skicka in igen' });
    await post(events(), blockAction({ ...resubmit, responseUrl: h.slack.responseUrl('again'), messageTs: '1.1', channelId: 'DANNA', teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    await h.slack.waitFor('chat.update', (c) => JSON.stringify(c.body).includes('omgång 2'));

    await h.tickAt('2026-11-23T09:02:00Z');
    const again = await boardCard(2);
    expect(again.text).toContain('A2 · omgång 2');
    await decide('Godkänn', 'U0BOARD1', again.ts, again.blocks, { reference: 'KS § 47' });
    await h.slack.waitFor('chat.update', (c) => c.body.ts === again.ts);
    expect(await command('ansökan inskickad A2')).toContain('A2 är markerad som inskickad.');
    expect(await command('ansökan avslagen A2')).toContain('A2: finansiären avslog ansökan.');
    expect(await command('ansökan beviljad A2')).toContain('A2 är inte inskickad (status: avslagen av finansiären)');
    // The first round's card still shows that changes were asked for.
    expect(JSON.stringify(h.slack.message('C0KS', second.ts))).toContain('begärde ändringar');
    const history = await h.app.store.db.selectFrom('application_audit').select('event').where('application_id', '=', 2).orderBy('id').execute();
    expect(history.map((r) => r.event)).toEqual(['created', 'requested', 'decided', 'resubmitted', 'decided', 'submitted', 'denied']);
  });

  it('opens a form without arguments; a pre-study needs no approval and can go out at once', async () => {
    await setUp();
    const id = `r${++requests}`;
    await post(events(), slashCommand({ text: 'ansök', responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA', triggerId: 'trig-apply' }, sign));
    const view = (await h.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-apply')).body.view as OpenedView;
    expect(view.callback_id).toBe('approval.apply');
    const bad = await post(events(), viewSubmission({ view, values: { engagement: 'tolv', call: 'ICLD', prestudy: 'yes' }, teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    expect(JSON.parse(bad.body)).toMatchObject({ response_action: 'errors', errors: { engagement: '”tolv” är inte ett samarbets-id (som E12).' } });
    await post(events(), viewSubmission({ view, values: { engagement: 'E1', call: 'ICLD', amount: '40000', prestudy: 'yes' }, teamId: SLACK_TEAM, userId: 'U0ANNA' }, sign));
    const answer = await h.slack.waitFor('chat.postMessage', (c) => JSON.stringify(c.body).includes('om förstudie'));
    expect(answer.body.channel).toBe('C0KFN');
    expect(JSON.stringify(answer.body)).toContain('Ansökan A1 om förstudie är registrerad. Förstudier behöver inget godkännande');
    await h.tickAt('2026-11-23T09:00:30Z');
    expect(h.slack.calls('chat.postMessage').filter((c) => c.body.channel === 'C0KS')).toHaveLength(0);
    expect(await command('ansökan inskickad A1')).toContain('A1 är markerad som inskickad.');
  });

  it('lets the members of a Slack user group decide, looked up when they press', async () => {
    await setUp();
    h.slack.addUserGroup('S0KSPRES', ['U0PRESIDENT']);
    await command('ansök E1 ICLD');
    expect(await command('ansök E1 "Svenska institutet"')).toContain('Ansökan A2 är registrerad');
    await h.tickAt('2026-11-23T09:00:30Z');
    const card = await boardCard();
    const outsider = await press('Godkänn', 'U0CLERK', card.ts, card.blocks);
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === outsider.id)).body)).toContain('Du är inte beslutsfattare för Kommunstyrelsen.');
    const { trigger } = await press('Godkänn', 'U0PRESIDENT', card.ts, card.blocks);
    expect((await h.slack.waitFor('views.open', (c) => c.body.trigger_id === trigger)).body.view).toMatchObject({ callback_id: 'approval.decide' });
    expect(h.slack.calls('usergroups.users.list').map((c) => c.body.usergroup)).toEqual(['S0KSPRES', 'S0KSPRES']);

    // Still undecided the working day before the board meets: the board's channel is reminded.
    await h.tickAt('2026-12-01T06:59:00Z');
    const reminder = () => h.slack.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('Väntar på beslut: A1'));
    expect(reminder()).toHaveLength(0);
    await h.tickAt('2026-12-01T07:00:00Z');
    expect(reminder().map((c) => c.body.channel)).toEqual(['C0KS']);
    expect(JSON.stringify(reminder()[0]?.body)).toContain('Kommunstyrelsen sammanträder 2 dec. 2026. Begäran A1 om att få ansöka om ”ICLD kommunala partnerskap” väntar fortfarande på beslut.');

    // A2's funder has no known call, so no closing day: only its next meeting was planned when it
    // was asked for, and the planner (hourly) adds the one after.
    await h.tickAt('2027-01-18T12:00:00Z');
    await h.tickAt('2027-01-19T07:00:00Z');
    const january = h.slack.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('sammanträder 20 jan. 2027'));
    expect(january.map((c) => JSON.stringify(c.body).match(/Begäran (A\d)/)?.[1]).sort()).toEqual(['A1', 'A2']);
  });

  it('warns when the call closes before the meeting and expires the request when it has closed', async () => {
    await setUp('11-27');
    expect(await command('ansök E1 C1')).toContain('Utlysningen stänger 27 nov. 2026, före nästa sammanträde i Kommunstyrelsen (2 dec. 2026).');
    await h.tickAt('2026-11-23T09:00:30Z');
    const card = await boardCard();
    expect(card.text).toContain('före nästa sammanträde');
    const warned = h.slack.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('riskerar att komma för sent'));
    expect(warned.map((c) => c.body.channel).sort()).toEqual(['C0INTL', 'U0ANNA']);

    await h.tickAt('2026-11-27T22:59:00Z');
    expect(h.slack.calls('chat.update')).toHaveLength(0);
    await h.tickAt('2026-11-27T23:00:00Z');
    const expired = await h.slack.waitFor('chat.update', (c) => c.body.ts === card.ts);
    expect(JSON.stringify(expired.body)).toContain('Begäran har löpt ut');
    expect(JSON.stringify(expired.body.blocks)).not.toContain('"actions"');
    const late = await press('Godkänn', 'U0BOARD1', card.ts, card.blocks);
    expect(JSON.stringify((await h.slack.waitFor('response', (c) => c.id === late.id)).body)).toContain('väntar inte på beslut (status: utgången (utlysningen stängde före beslut))');
  });
});
