import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackServiceUrl } from '../../adapters/teams/loopback.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { messageActivity, personalConversationId, post, testUsers } from '../support/teams-activities.ts';

/** Without MICROSOFT_APP_ID nothing is authenticated, so the bot answers only this machine. */
describe('Teams in local mode (no app id)', () => {
  let h: AppHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers a loopback serviceUrl, as the Agents Playground uses', async () => {
    const app = (h = await startApp('sqlite', '2026-11-23T09:00:00Z'));
    const answered = await post(`${app.baseUrl}/api/messages`, messageActivity({ serviceUrl: app.connector.serviceUrl, text: 'frister' }));
    expect(answered.status).toBe(200);
    expect(cardText(adaptiveCardOf(app.connector.sent(personalConversationId(testUsers.anna)).at(-1)?.activity))).toContain('Inga öppna frister.');
  });

  // Another machine is refused (403); a serviceUrl that is no URL at all is a malformed activity (400).
  it.each([
    ['https://smba.trafficmanager.net/emea/', 403],
    ['http://10.0.0.5:3978/', 403],
    ['http://127.0.0.1.evil.example/', 403],
    ['not a url', 400],
  ])(
    'refuses serviceUrl %s with %i, runs nothing and sends nothing',
    async (serviceUrl, status) => {
      const app = (h = await startApp('sqlite', '2026-11-23T09:00:00Z'));
      const refused = await post(`${app.baseUrl}/api/messages`, messageActivity({ serviceUrl, text: 'frist ny "Utifrån" 2026-12-18' }));
      expect(refused.status).toBe(status);
      expect(app.connector.calls()).toEqual([]);
      await post(`${app.baseUrl}/api/messages`, messageActivity({ serviceUrl: app.connector.serviceUrl, text: 'frister' }));
      expect(cardText(adaptiveCardOf(app.connector.sent().at(-1)?.activity))).toContain('Inga öppna frister.');
    },
  );

  it('knows what loopback is', () => {
    for (const url of ['http://127.0.0.1:3978/', 'http://localhost:56000', 'http://[::1]:8080/', 'https://127.5.6.7/', 'http://[::ffff:127.0.0.1]/']) {
      expect(isLoopbackServiceUrl(url), url).toBe(true);
    }
    for (const url of ['http://10.0.0.1/', 'http://localhost.example.com/', 'ftp://127.0.0.1/', 'http://[::2]/', '', undefined, 42]) {
      expect(isLoopbackServiceUrl(url), String(url)).toBe(false);
    }
  });
});
