import { afterEach, describe, expect, it } from 'vitest';
import { startApp, SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { post, slashCommand } from '../support/slack-requests.ts';

/** Issue 14 point 5 in Slack: natural Swedish word order, card words as filters, singular agreement. */
describe.each(dialects)('Slack: Swedish that reads right (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  let responses = 0;
  async function say(text: string): Promise<string> {
    const id = `p${++responses}`;
    const request = slashCommand(
      { text, responseUrl: h.slack.responseUrl(id), teamId: SLACK_TEAM, channelId: 'C0KFN', userId: 'U0ANNA' },
      { signingSecret: SIGNING_SECRET },
    );
    expect((await post(`${h.baseUrl}/slack/events`, request)).status).toBe(200);
    return JSON.stringify((await h.slack.waitFor('response', (c) => c.id === id)).body);
  }

  it('reads "mina frister" as "frister mina", accepts "status=avslutat", and says "om 1 dag"', async () => {
    h = await startApp(dialect, '2026-11-23T09:00:00Z');
    expect(await say('frist ny "Slutrapport Nordplus" 18 dec remind=1')).toContain('Frist D1 registrerad');
    const before = await say('mina frister');
    expect(before).not.toContain('finns inte');
    expect(before).toBe(await say('frister mina'));
    expect(await say('kommande besök')).not.toContain('finns inte');
    expect(await say('samarbeten status=avslutat')).toContain('Inga samarbeten matchar.');

    await h.tickAt('2026-12-17T07:00:00Z');
    const reminder = h.slack.calls('chat.postMessage').find((c) => JSON.stringify(c.body).includes('Slutrapport Nordplus'));
    expect((reminder?.body as { text: string }).text).toBe('”Slutrapport Nordplus” ska vara klar om 1 dag.');
  });
});
