import { afterEach, describe, expect, it } from 'vitest';
import { approvalsConfig } from '../approvals/fixtures.ts';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import { dialects } from '../support/databases.ts';
import { buttonInvoke, messageActivity, post, TEST_CHANNEL_ID, testUsers, type TeamsUser } from '../support/teams-activities.ts';

/**
 * Configuration may name Teams approvers by e-mail. Activities carry no e-mail, so the adapter
 * asks the Bot Connector who the member is; an approver named that way can decide.
 */
describe.each(dialects)('Teams: an approver named by e-mail (%s)', (dialect) => {
  let h: AppHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('lets the person with that e-mail decide, and no one else', async () => {
    const body = approvalsConfig.governance.bodies[0]!;
    const config = {
      ...approvalsConfig,
      governance: {
        ...approvalsConfig.governance,
        bodies: [{ ...body, approvers: { ...body.approvers, teams: ['cecilia.carlsson@tyreso.se'] } }, ...approvalsConfig.governance.bodies.slice(1)],
      },
    };
    h = await startApp(dialect, '2026-11-23T09:00:00Z', config);
    const app = h;
    h.connector.addMember({ ...testUsers.cecilia, email: 'Cecilia.Carlsson@tyreso.se' });
    h.connector.addMember({ ...testUsers.bertil, email: 'bertil.berg@tyreso.se' });
    const url = `${h.baseUrl}/api/messages`;
    const say = (text: string) => post(url, messageActivity({ serviceUrl: app.connector.serviceUrl, place: 'channel', text }));
    await say('samarbete ny "Partnerskap Theewaterskloof" type=partnership committee=kfn');
    await say('ansök E1 ICLD belopp=250000');
    await h.tickAt('2026-11-23T09:00:30Z');
    const card = h.connector.sent().find((s) => s.conversationId === TEST_CHANNEL_ID && cardText(adaptiveCardOf(s.activity)).includes('A1'));
    expect(card).toBeDefined();

    const press = (from: TeamsUser) =>
      post(url, buttonInvoke({ serviceUrl: app.connector.serviceUrl, place: 'channel', from, verb: 'approval.decide', value: '1:1:approved', replyToId: card!.id }));
    expect(JSON.stringify((await press(testUsers.bertil)).body)).toContain('Du är inte beslutsfattare för Kommunstyrelsen');
    expect(JSON.stringify((await press(testUsers.cecilia)).body)).toContain('Beslutsreferens');
  });
});
