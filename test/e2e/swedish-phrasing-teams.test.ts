import { afterEach, describe, expect, it } from 'vitest';
import { approvalsConfig } from '../approvals/fixtures.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { messageActivity, personalConversationId, post, TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';

/** Issue 14 point 5 in Teams: Swedish word order, and a body that asks on its own behalf is named once. */
describe.each(dialects)('Teams: Swedish that reads right (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());

  async function say(text: string, place: 'personal' | 'channel' = 'personal'): Promise<string> {
    const res = await post(`${h.baseUrl}/api/messages`, messageActivity({ serviceUrl: h.connector.serviceUrl, place, text, from: testUsers.anna }));
    expect(res.status).toBe(200);
    const chat = place === 'personal' ? personalConversationId(testUsers.anna) : TEST_CHANNEL_ID;
    return cardText(adaptiveCardOf(h.connector.sent().filter((s) => s.conversationId.startsWith(chat)).at(-1)?.activity));
  }

  it('reads "mina frister" and "kommande besök" as Swedish puts them', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    expect(await say('frist ny "Slutrapport Nordplus" 18 dec')).toContain('Frist D1 registrerad');
    const mine = await say('mina frister');
    expect(mine).toContain('Slutrapport Nordplus');
    expect(mine).toBe(await say('frister mina'));
    expect(await say('kommande besök')).not.toContain('finns inte');
  });

  it('the board asking on its own behalf reads "… begär att Kommunstyrelsen beslutar att ansöka", not that it approves itself', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z', approvalsConfig);
    await say('hjälp', 'channel');
    await say('samarbete ny "Partnerskap Theewaterskloof" typ=partnership nämnd=ks', 'channel');
    await say('ansök E1 ICLD belopp=250000', 'channel');
    await h.tickAt('2026-11-23T09:00:30Z');
    const card = h.connector.sent().find((s) => s.conversationId === TEST_CHANNEL_ID && cardText(adaptiveCardOf(s.activity)).includes('A1'));
    const text = cardText(adaptiveCardOf(card?.activity));
    expect(text).toContain('Anna Andersson begär att Kommunstyrelsen beslutar att ansöka om ”ICLD” för E1');
    expect(text).not.toContain('Kommunstyrelsen godkänner att Kommunstyrelsen');
  });
});
