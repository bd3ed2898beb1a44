import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { e2eConfig, SIGNING_SECRET, SLACK_TEAM, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { post, slashCommand } from '../support/slack-requests.ts';
import { messageActivity, personalConversationId, post as postActivity, testUsers } from '../support/teams-activities.ts';

const config = {
  ...e2eConfig,
  governance: { bodies: [{ id: 'ks', kind: 'board', name: 'Kommunstyrelsen', meetings: ['2026-12-02', '2027-02-10'] }] },
};
const FEED = /http:\/\/localhost:\d+(\/kalender\/[A-Za-z0-9_-]{43}\.ics)/;

interface ParsedEvent {
  uid: string;
  summary: string;
  start: ICAL.Time;
  end: ICAL.Time;
}

/** Parses the feed with a real iCalendar parser, as a calendar program would. */
function parseFeed(body: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(body));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, summary: e.summary, start: e.startDate, end: e.endDate };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

/** R9: the calendar feed end to end: the command in Slack and Teams, the feed over the bot's HTTP server. */
describe.each(dialects)('calendar feed (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  let n = 0;
  async function slack(text: string, userId = 'U0ANNA'): Promise<string> {
    const id = `c${++n}`;
    const request = slashCommand({ text, responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId }, { signingSecret: SIGNING_SECRET });
    expect((await post(`${h.baseUrl}/slack/events`, request)).status).toBe(200);
    return JSON.stringify((await h.slack.waitFor('response', (c) => c.id === id)).body);
  }
  async function feedPath(text: string, userId?: string): Promise<string> {
    const reply = await slack(text, userId);
    const match = FEED.exec(reply);
    if (!match?.[1]) throw new Error(`no feed address in ${reply}`);
    return match[1];
  }
  const get = (path: string) => fetch(`${h.baseUrl}${path}`);

  it('gives a secret address whose feed a real parser reads: deadlines, calls and board meetings in Stockholm time, with stable UIDs', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', config);
    await slack('engagement add "Vänort Cesis" type=twin-town committee=kfn partner=Cesis country=LV');
    await slack('engagement add "Partnerskap Theewaterskloof" type=partnership committee=ks partner=Theewaterskloof country=ZA');
    await slack('frist ny "Slutrapport Nordplus; Cesis, Lettland" 2026-12-18 engagement=1');
    await slack('frist ny "Rapport till ICLD" 2027-03-31 17:00 engagement=2');
    await slack('call add "ICLD kommunalt partnerskap" opens=09-15 closes=10-15 funder=ICLD yearly');
    await h.app.store.db
      .insertInto('visits')
      .values({ engagement_id: 1, direction: 'out', from_date: '2027-07-28', to_date: '2027-07-31', place: 'Cesis', lead_key: 'k', lead_json: '{}', participants: 4, status: 'planned', created_by_key: 'k', created_at: '2026-11-23T09:00:00.000Z', cancelled_at: null })
      .execute();

    const reply = await slack('kalender');
    expect(reply).toContain('Din kalenderadress');
    expect(reply).toContain('Prenumerera från webben');
    const path = FEED.exec(reply)![1]!;

    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await response.text();
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const feed = parseFeed(body);
    expect(feed.name).toBe('Internationellt samarbete – Tyresö kommun');

    const byUid = new Map(feed.events.map((e) => [e.uid, e]));
    const nordplus = byUid.get('deadline-1@localhost')!;
    expect(nordplus.summary).toBe('Frist: Slutrapport Nordplus; Cesis, Lettland');
    expect(nordplus.start.isDate).toBe(true);
    expect(nordplus.start.toString()).toBe('2026-12-18');
    const icld = byUid.get('deadline-2@localhost')!;
    expect(icld.start.zone?.tzid).toBe('Europe/Stockholm');
    // 17:00 in Stockholm on 31 March 2027 is summer time: 15:00 UTC.
    expect(icld.start.toJSDate().toISOString()).toBe('2027-03-31T15:00:00.000Z');
    const call = byUid.get('call-1-2027@localhost')!;
    expect(call.summary).toBe('Utlysning öppen: ICLD kommunalt partnerskap');
    expect([call.start.toString(), call.end.toString()]).toEqual(['2027-09-15', '2027-10-16']);
    expect(byUid.get('meeting-kommunstyrelsen-2026-12-02@localhost')?.summary).toBe('Sammanträde: Kommunstyrelsen');
    const visit = byUid.get('visit-1@localhost')!;
    expect(visit.summary).toBe('Utresa: Vänort Cesis – Cesis');
    expect([visit.start.toString(), visit.end.toString()]).toEqual(['2027-07-28', '2027-08-01']);

    // Done: the same event (same UID) changes, so Outlook replaces it instead of adding one.
    await slack('frist klar D1');
    const after = parseFeed(await (await get(path)).text());
    expect(after.events.map((e) => e.uid).sort()).toEqual(feed.events.map((e) => e.uid).sort());
    expect(after.events.find((e) => e.uid === 'deadline-1@localhost')?.summary).toBe('Frist (klar): Slutrapport Nordplus; Cesis, Lettland');
  });

  it('answers a wrong, a revoked and a malformed token with the same bare 404, and scopes a committee’s feed', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', config);
    await slack('engagement add "Vänort Cesis" type=twin-town committee=kfn');
    await slack('engagement add "Partnerskap Theewaterskloof" type=partnership committee=ks');
    await slack('frist ny "Kulturfrist" 2026-12-18 engagement=1');
    await slack('frist ny "Styrelsefrist" 2026-12-19 engagement=2');

    const first = await feedPath('kalender');
    const second = await feedPath('kalender');
    const wrong = `/kalender/${'A'.repeat(43)}.ics`;
    const unknown = await get('/finns-inte');
    for (const path of [first, wrong, '/kalender/', '/kalender/x.ics']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(await unknown.clone().text());
    }
    expect((await get(second)).status).toBe(200);
    // Only a hash is stored: the address itself is nowhere in the database.
    const stored = await h.app.store.db.selectFrom('calendar_tokens').select(['token_hash', 'revoked_at']).orderBy('id').execute();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(second.slice('/kalender/'.length, -4));
    expect(stored[0]!.revoked_at).not.toBeNull();

    const committee = parseFeed(await (await get(await feedPath('kalender nämnd=kfn'))).text());
    expect(committee.name).toBe('Internationellt samarbete – Kultur- och fritidsnämnden');
    const summaries = committee.events.map((e) => e.summary);
    expect(summaries).toContain('Frist: Kulturfrist');
    expect(summaries).not.toContain('Frist: Styrelsefrist');
    // A committee feed beside the personal one does not revoke it.
    expect((await get(second)).status).toBe(200);
  });

  it('gives the address in the personal chat in Teams, and not in a channel', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', config);
    const sent = await postActivity(`${h.baseUrl}/api/messages`, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text: 'kalender', from: testUsers.anna }));
    expect(sent.status).toBe(200);
    const text = cardText(adaptiveCardOf(h.connector.sent(personalConversationId(testUsers.anna)).at(-1)?.activity));
    const path = FEED.exec(text)?.[1];
    expect(path).toBeDefined();
    expect(parseFeed(await (await get(path!)).text()).events.map((e) => e.summary)).toContain('Sammanträde: Kommunstyrelsen');

    // In a channel everyone would see the secret: the bot says where to ask instead, and stores nothing.
    await postActivity(`${h.baseUrl}/api/messages`, messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'kalender', from: testUsers.bertil }));
    const inChannel = cardText(adaptiveCardOf(h.connector.sent().at(-1)?.activity));
    expect(inChannel).toContain('Kalenderadressen är personlig');
    expect(FEED.test(inChannel)).toBe(false);
    expect(await h.app.store.db.selectFrom('calendar_tokens').select('id').execute()).toHaveLength(1);
  });
});

/** R9: the public list of ongoing engagements, off unless configured. */
describe.each(dialects)('public list (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  it('is not there unless configured', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    expect((await fetch(`${h.baseUrl}/offentligt/samarbeten`)).status).toBe(404);
    expect((await fetch(`${h.baseUrl}/offentligt/samarbeten.json`)).status).toBe(404);
  });

  it('shows ongoing engagements as an accessible Swedish page and as JSON, without personal data', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', { ...e2eConfig, reporting: { publicFeed: { enabled: true } } });
    const say = (text: string) =>
      post(`${h.baseUrl}/slack/events`, slashCommand({ text, responseUrl: h.slack.responseUrl(), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' }, { signingSecret: SIGNING_SECRET }));
    await say('engagement add "Vänort Savigny-le-Temple" type=twin-town committee=kfn partner=Savigny-le-Temple country=FR start=1986-06-01 contact=<@U0BERTIL|bertil>');
    await say('engagement add "Idé: Vänort <Riga>" type=twin-town committee=kfn');
    await h.slack.waitFor('response', () => true);

    const page = await fetch(`${h.baseUrl}/offentligt/samarbeten`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<caption>Pågående samarbeten i Tyresö kommun (1)</caption>');
    expect(html).toContain('<th scope="row">Vänort Savigny-le-Temple</th>');
    expect(html).toContain('Savigny-le-Temple, Frankrike');
    expect(html).toContain('Kultur- och fritidsnämnden');
    expect(html).not.toContain('Riga');
    expect(html).not.toMatch(/U0BERTIL|bertil/i);

    const json = (await (await fetch(`${h.baseUrl}/offentligt/samarbeten.json`)).json()) as { engagements: Record<string, unknown>[] };
    expect(json.engagements).toEqual([
      {
        title: 'Vänort Savigny-le-Temple',
        type: 'twin-town',
        typeLabel: 'vänort',
        partner: 'Savigny-le-Temple',
        country: 'FR',
        countryName: 'Frankrike',
        committee: 'Kultur- och fritidsnämnden',
        start: '1986-06-01',
        end: null,
        funder: null,
      },
    ]);
    expect((await fetch(`${h.baseUrl}/offentligt/samarbeten`, { method: 'POST' })).status).toBe(405);
  });
});
