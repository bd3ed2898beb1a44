import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { blockAction, findButton, post as postSlack, slashCommand } from '../support/slack-requests.ts';
import { buttonInvoke, messageActivity, post as postTeams, TEST_CHANNEL_ID } from '../support/teams-activities.ts';

/**
 * Issue 14, point 4: lists never stop silently. 301 open deadlines and 300 engagements are put
 * straight in the store (typing them would take minutes); everything after goes through the
 * real endpoints.
 */
async function seed(h: AppHarness, deadlines: number, engagements: number, visits = 0): Promise<void> {
  const db = h.app.store.db;
  const owner = { platform: 'slack', tenantId: SLACK_TEAM, userId: 'U0ANNA', name: 'anna' };
  const at = '2026-11-23T09:00:00.000Z';
  const rows = Array.from({ length: engagements }, (_, i) => ({
    title: `Samarbete nr ${i + 1}`,
    type: 'twinning',
    committee_id: 'kfn',
    partner: `Partner ${i + 1}`,
    country: 'FI',
    funder: null,
    start_date: null,
    end_date: null,
    contact_key: null,
    contact_json: null,
    status: 'active',
    created_by_key: 'slack:U0ANNA',
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('engagements').values(rows.slice(i, i + 100)).execute();
  const due = Array.from({ length: deadlines }, (_, i) => {
    // One a day from 1 December 2026, so the order of the list is the order of the numbers.
    const day = new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10);
    return {
      title: `Frist nr ${i + 1}`,
      due_date: day,
      due_time: null,
      due_at: `${day}T22:59:59.999Z`,
      engagement_id: null,
      committee_id: 'kfn',
      owner_key: 'slack:U0ANNA',
      owner_json: JSON.stringify(owner),
      channels_json: '[]',
      remind_days: '',
      status: 'open',
      done_at: null,
      done_by_json: null,
      created_by_key: 'slack:U0ANNA',
      created_at: at,
    };
  });
  for (let i = 0; i < due.length; i += 100) await db.insertInto('deadlines').values(due.slice(i, i + 100)).execute();
  const trips = Array.from({ length: visits }, (_, i) => {
    const day = new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10);
    return { engagement_id: 1, direction: 'out', from_date: day, to_date: day, place: `Ort ${i + 1}`, lead_key: 'slack:U0ANNA', lead_json: JSON.stringify(owner), participants: 2, status: 'planned', created_by_key: 'slack:U0ANNA', created_at: at, cancelled_at: null };
  });
  for (let i = 0; i < trips.length; i += 100) await db.insertInto('visits').values(trips.slice(i, i + 100)).execute();
}

describe.each(dialects)('Lists say how many there are and page on (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  describe('Slack', () => {
    let responses = 0;
    async function command(text: string) {
      const id = `r${++responses}`;
      const request = slashCommand({ text, responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' }, { signingSecret: SIGNING_SECRET });
      expect((await postSlack(`${h.baseUrl}/slack/events`, request)).status).toBe(200);
      return (await h.slack.waitFor('response', (c) => c.id === id)).body as { text: string; blocks: unknown };
    }
    async function press(button: { actionId: string; value: string }) {
      const id = `p${++responses}`;
      const request = blockAction(
        { actionId: button.actionId, value: button.value, responseUrl: h.slack.responseUrl(id), messageTs: '1.0', ephemeral: true, channelId: 'C0KFN', teamId: SLACK_TEAM, userId: 'U0ANNA' },
        { signingSecret: SIGNING_SECRET },
      );
      expect((await postSlack(`${h.baseUrl}/slack/events`, request)).status).toBe(200);
      return (await h.slack.waitFor('response', (c) => c.id === id)).body as { text: string; blocks: unknown };
    }
    const hasButton = (blocks: unknown) => JSON.stringify(blocks).includes('Nästa sida');

    it('301 deadlines: counted, page 2 by button and by sida=, the last page has no button', async () => {
      h = await startApp(dialect, '2026-11-23T09:00:00Z');
      await seed(h, 301, 0);
      const first = await command('frister');
      const text = JSON.stringify(first);
      expect(first.text).toBe('Öppna frister: 301 (visar 1–50)');
      expect(text).toContain('D50 · ');
      expect(text).not.toContain('D51 · ');
      const next = findButton(first.blocks, { label: 'Nästa sida (2)' });

      const second = await press(next);
      expect(second.text).toBe('Öppna frister: 301 (visar 51–100)');
      expect(JSON.stringify(second)).toContain('D51 · ');
      expect(JSON.stringify(second)).not.toContain('D50 · ');
      expect(hasButton(second.blocks)).toBe(true);

      const last = await command('frister sida=7');
      expect(last.text).toBe('Öppna frister: 301 (visar 301–301)');
      expect(JSON.stringify(last)).toContain('D301 · ');
      expect(hasButton(last.blocks)).toBe(false);
    });

    it('300 engagements: counted, and the next page follows the filter', async () => {
      h = await startApp(dialect, '2026-11-23T09:00:00Z');
      await seed(h, 0, 300);
      const first = await command('samarbeten nämnd=kfn');
      expect(first.text).toBe('Samarbeten: 300 (visar 1–100)');
      const second = await press(findButton(first.blocks, { label: 'Nästa sida (2)' }));
      expect(second.text).toBe('Samarbeten: 300 (visar 101–200)');
      expect(JSON.stringify(second)).toContain('E101 · Samarbete nr 101');
      const third = await press(findButton(second.blocks, { label: 'Nästa sida (3)' }));
      expect(third.text).toBe('Samarbeten: 300 (visar 201–300)');
      expect(JSON.stringify(third)).toContain('E300 · Samarbete nr 300');
      expect(hasButton(third.blocks)).toBe(false);
      // A filter that leaves fewer than a page shows them all, with no button.
      const none = await command('samarbeten nämnd=ks');
      expect(none.text).toContain('Inga samarbeten matchar.');
    });

    it('120 upcoming visits: counted, and the next page keeps the filter', async () => {
      h = await startApp(dialect, '2026-11-23T09:00:00Z');
      await seed(h, 0, 1, 120);
      const first = await command('kommande besök');
      expect(first.text).toBe('Kommande besök: 120 (visar 1–50)');
      expect(JSON.stringify(first)).toContain('V50 · ');
      expect(JSON.stringify(first)).not.toContain('V51 · ');
      const second = await press(findButton(first.blocks, { label: 'Nästa sida (2)' }));
      expect(second.text).toBe('Kommande besök: 120 (visar 51–100)');
      const last = await command('besök sida=3');
      expect(last.text).toBe('Besök: 120 (visar 101–120)');
      expect(hasButton(last.blocks)).toBe(false);
    });

    it('60 funding calls and 55 requests waiting for a decision: counted and paged', async () => {
      h = await startApp(dialect, '2026-11-23T09:00:00Z');
      await seed(h, 0, 1);
      const db = h.app.store.db;
      const at = '2026-11-23T09:00:00.000Z';
      await db
        .insertInto('funding_calls')
        .values(Array.from({ length: 60 }, (_, i) => ({ name: `Utlysning nr ${i + 1}`, opens_md: '01-01', closes_md: '12-31', funder: null, url: null, yearly: 1, created_by_key: 'slack:U0ANNA', created_at: at })))
        .execute();
      const requester = JSON.stringify({ platform: 'slack', tenantId: SLACK_TEAM, userId: 'U0ANNA', name: 'anna' });
      await db
        .insertInto('applications')
        .values(
          Array.from({ length: 55 }, (_, i) => ({
            engagement_id: 1, call_text: `Ansökan nr ${i + 1}`, call_id: null, closes_on: null, amount: null, prestudy: 0, matter: 'application', body: 'ks', consult_body: null, rule_text: null,
            status: 'awaiting', requested_by_key: 'slack:U0ANNA', requested_by_json: requester, created_at: at, updated_at: at, submitted_at: null, closed_at: null,
          })),
        )
        .execute();
      const calls = await command('utlysningar');
      expect(calls.text).toBe('Utlysningar: 60 (visar 1–50)');
      const more = await press(findButton(calls.blocks, { label: 'Nästa sida (2)' }));
      expect(more.text).toBe('Utlysningar: 60 (visar 51–60)');
      expect(hasButton(more.blocks)).toBe(false);
      const waiting = await command('beslut');
      expect(waiting.text).toBe('Väntar på beslut: 55 (visar 1–50)');
      expect((await command('beslut sida=2')).text).toBe('Väntar på beslut: 55 (visar 51–55)');
      const next = await press(findButton(waiting.blocks, { label: 'Nästa sida (2)' }));
      expect(JSON.stringify(next)).toContain('A55 · ');
    });

    it('refuses a page that is not a number, in Swedish', async () => {
      h = await startApp(dialect, '2026-11-23T09:00:00Z');
      const bad = await command('frister sida=två');
      expect(JSON.stringify(bad)).toContain('”två” är inget antal');
    });
  });

  describe('Teams', () => {
    const messages = () => `${h.baseUrl}/api/messages`;
    const channelSent = () => h.connector.sent().filter((s) => s.conversationId.startsWith(TEST_CHANNEL_ID));
    async function say(text: string) {
      expect((await postTeams(messages(), messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text }))).status).toBe(200);
      return channelSent().at(-1)!;
    }
    async function press(verb: string, value: string, replyToId: string) {
      const pressed = await postTeams(messages(), buttonInvoke({ serviceUrl: h.connector.serviceUrl, place: 'channel', verb, value, replyToId }));
      expect(pressed.status).toBe(200);
      return JSON.stringify(pressed.body);
    }
    /** The data the card's "Nästa sida" action sends back. */
    function nextAction(card: unknown): { verb: string; value: string } | undefined {
      let found: { verb: string; value: string } | undefined;
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (typeof node !== 'object' || node === null) return;
        const n = node as Record<string, unknown>;
        if (!found && typeof n.title === 'string' && n.title.startsWith('Nästa sida')) {
          const data = n.data as { value?: string; action?: string; verb?: string } | undefined;
          found = { verb: String(n.verb ?? data?.action ?? data?.verb ?? ''), value: String(data?.value ?? '') };
        }
        Object.values(n).forEach(visit);
      };
      visit(card);
      return found;
    }

    it('301 deadlines and 300 engagements: counted, the button opens the next page, the last has none', async () => {
      h = await startApp(dialect, '2026-11-23T09:00:00Z');
      await seed(h, 301, 300);
      const listed = await say('frister');
      const card = adaptiveCardOf(listed.activity);
      expect(cardText(card)).toContain('Öppna frister: 301 (visar 1–50)');
      const next = nextAction(card);
      expect(next?.verb).toBe('deadlines.page');
      const second = await press(next!.verb, next!.value, listed.id);
      expect(second).toContain('Öppna frister: 301 (visar 51–100)');
      expect(second).toContain('D51 · ');

      const last = await say('frister sida=7');
      expect(cardText(adaptiveCardOf(last.activity))).toContain('Öppna frister: 301 (visar 301–301)');
      expect(nextAction(adaptiveCardOf(last.activity))).toBeUndefined();

      const engagements = await say('samarbeten');
      expect(cardText(adaptiveCardOf(engagements.activity))).toContain('Samarbeten: 300 (visar 1–100)');
      const more = nextAction(adaptiveCardOf(engagements.activity));
      expect(more?.verb).toBe('engagements.page');
      const page2 = await press(more!.verb, more!.value, engagements.id);
      expect(page2).toContain('Samarbeten: 300 (visar 101–200)');
      expect(page2).toContain('E200 · Samarbete nr 200');
      expect(page2).not.toContain('E201 · ');
    });
  });
});
