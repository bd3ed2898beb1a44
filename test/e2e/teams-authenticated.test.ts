import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { dialects } from '../support/databases.ts';
import { BOT_FRAMEWORK_SCOPE, type TokenClaims } from '../support/fake-identity-platform.ts';
import { startAuthenticatedTeams, type TeamsAuthHarness } from '../support/teams-auth-harness.ts';
import { messageActivity, personalConversationId, post, testUsers } from '../support/teams-activities.ts';

/**
 * Teams with an Azure Bot registration, end to end and offline: the real CloudAdapter checks
 * the Bot Connector's JWT against the fake identity platform's keys, and gets its own bearer
 * token from the fake's token endpoint for every reply and proactive message.
 */
describe.each(dialects)('Teams with an app id and password (%s)', (dialect) => {
  let h: TeamsAuthHarness;
  afterEach(async () => h?.close());

  const say = (text: string, claims: TokenClaims = {}, serviceUrl = h.connector.serviceUrl) =>
    post(h.messagesUrl, messageActivity({ serviceUrl, place: 'personal', text }), {
      authorization: `Bearer ${h.identity.channelToken({ serviceurl: serviceUrl, ...claims })}`,
    });
  const lastText = () => cardText(adaptiveCardOf(h.connector.sent(personalConversationId(testUsers.anna)).at(-1)?.activity));

  it('answers a correctly signed command, and its reply and reminder carry a token from the token endpoint', async () => {
    h = await startAuthenticatedTeams(dialect, '2026-11-23T09:00:00Z');
    expect((await say('frist ny "Slutrapport ICLD" 2026-12-18 remind=7')).status).toBe(200);
    expect(lastText()).toContain('Frist D1 registrerad: Slutrapport ICLD');

    const requests = h.identity.tokenRequests();
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests[0]).toMatchObject({ clientId: h.appId, grantType: 'client_credentials', scope: `${BOT_FRAMEWORK_SCOPE}/.default` });
    const issued = requests.map((r) => `Bearer ${r.issued}`);
    const reply = h.connector.calls().at(-1)!;
    expect(issued).toContain(reply.authorization);

    // Seven days before the deadline, at 08:00 in Stockholm, the outbox sends it proactively.
    const before = h.connector.calls().length;
    await h.tickAt('2026-12-11T07:00:00Z');
    const proactive = h.connector.calls().slice(before);
    expect(proactive.some((c) => (c.route === 'send' || c.route === 'reply') && cardText(adaptiveCardOf(c.body as never)).includes('ska vara klar om 7 dagar'))).toBe(true);
    expect(proactive.length).toBeGreaterThan(0);
    for (const call of proactive) expect(issued).toContain(call.authorization);
  });

  const refusals: [string, TokenClaims][] = [
    ['an expired token', { expiresIn: -3600 }],
    ['a token not valid yet', { notBefore: 3600, expiresIn: 7200 }],
    ['a token for another bot', { aud: 'ffffffff-0000-4000-8000-000000000000' }],
    ['a token from another issuer', { iss: 'https://sts.example.com/' }],
    ['a token signed with a key the metadata does not list', { foreignKey: true, kid: 'unknown-key' }],
    ['a token signed with another key under the known key id', { foreignKey: true }],
    ['a token for another serviceUrl', { serviceurl: 'https://smba.trafficmanager.net/emea/' }],
  ];
  it.each(refusals)('refuses %s with 401 and runs nothing', async (_name, claims) => {
    h = await startAuthenticatedTeams(dialect, '2026-11-23T09:00:00Z');
    const refused = await say('frist ny "Obehörig" 2026-12-18', claims);
    expect(refused.status).toBe(401);
    expect(h.connector.calls()).toEqual([]);
    expect(h.identity.tokenRequests()).toEqual([]);

    // Nothing was stored either: the list a correctly signed request sees is empty.
    expect((await say('frister')).status).toBe(200);
    expect(lastText()).toContain('Inga öppna frister.');
  });

  it('refuses a request without a token or with another scheme', async () => {
    h = await startAuthenticatedTeams(dialect, '2026-11-23T09:00:00Z');
    const activity = messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'personal', text: 'frister' });
    expect((await post(h.messagesUrl, activity)).status).toBe(401);
    expect((await post(h.messagesUrl, activity, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })).status).toBe(401);
    expect(h.connector.calls()).toEqual([]);
  });
});
