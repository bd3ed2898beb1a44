import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { adaptiveCardOf, cardText } from '../support/fake-bot-connector.ts';
import {
  OTHER_TENANT_ID,
  TEST_CHANNEL_ID,
  TEST_TENANT_ID,
  buttonInvoke,
  messageActivity,
  personalConversationId,
  post,
  testUsers,
} from '../support/teams-activities.ts';
import { recordingLogger } from '../support/log-lines.ts';
import { startTeamsHarness, type TeamsHarness } from './harness.ts';

describe('Teams messages', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  test('a channel message reaches the handler without the bot mention and the card comes back', async () => {
    const activity = messageActivity({ serviceUrl: h.connector.serviceUrl, place: 'channel', text: 'frister' });
    const res = await post(h.url, activity);

    expect(res.status).toBe(200);
    expect(h.seen.texts).toEqual(['frister']);
    const [command] = h.seen.commands;
    expect(command).toMatchObject({
      name: 'deadlines',
      conversationId: TEST_CHANNEL_ID,
      isDirect: false,
      actor: { platform: 'teams', tenantId: TEST_TENANT_ID, userId: testUsers.anna.id, aadObjectId: testUsers.anna.aadObjectId, name: 'Anna Andersson' },
    });

    const sent = h.connector.sent();
    expect(sent).toHaveLength(1);
    // A reply in the thread the message came from.
    expect(sent[0]?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(sent[0]?.replyToId).toBe(activity.id);
    const card = adaptiveCardOf(sent[0]?.activity);
    expect(card?.version).toBe('1.5');
    const text = cardText(card);
    expect(text).toContain('Kommande frister');
    expect(text).toContain('Erasmus+ ansökan, 15 okt 2026');
    expect(card?.actions).toEqual([
      { type: 'Action.Execute', title: 'Klar', verb: 'deadline.done', data: { value: '34' }, style: 'positive', fallback: { type: 'Action.Submit', title: 'Klar', data: { value: '34', samverkanVerb: 'deadline.done' }, style: 'positive' } },
      { type: 'Action.Execute', title: 'Skjut upp 1 dag', verb: 'deadline.snooze', data: { value: '34:1' }, fallback: { type: 'Action.Submit', title: 'Skjut upp 1 dag', data: { value: '34:1', samverkanVerb: 'deadline.snooze' } } },
    ]);
    // Local mode: no token towards the connector.
    expect(h.connector.calls()[0]?.authorization).toBeUndefined();
  });

  test('expected failures come back in Swedish', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'annual 2026' }));
    const text = cardText(adaptiveCardOf(h.connector.sent()[0]?.activity));
    expect(text).toContain('”annual 2026” finns inte ännu i den här versionen av Samverkan.');
  });

  test('a bug in a handler becomes the localized internal error', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'calendar' }));
    const text = cardText(adaptiveCardOf(h.connector.sent()[0]?.activity));
    expect(text).toContain('Något gick fel hos oss.');
  });

  test('a user mention becomes <@29:…|Name> and resolves to that person', async () => {
    const { bertil } = testUsers;
    await post(
      h.url,
      messageActivity({
        serviceUrl: h.connector.serviceUrl,
        place: 'channel',
        text: `deadline add &quot;Erasmus+ slutrapport&quot; 2026-11-01 owner=<at>${bertil.name}</at>`,
        mentions: [bertil],
      }),
    );
    expect(h.seen.texts).toEqual([`deadline add "Erasmus+ slutrapport" 2026-11-01 owner=<@${bertil.id}|${bertil.name}>`]);
    expect(h.seen.commands[0]?.args).toMatchObject({
      title: 'Erasmus+ slutrapport',
      owner: { platform: 'teams', userId: bertil.id, name: bertil.name, tenantId: TEST_TENANT_ID },
    });
  });

  test('a personal message needs no mention and is direct', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'hjälp' }));
    expect(h.seen.commands[0]).toMatchObject({ name: 'help', isDirect: true, conversationId: personalConversationId(testUsers.anna) });
    expect(cardText(adaptiveCardOf(h.connector.sent()[0]?.activity))).toContain('Samverkan hjälper till');
  });

  test('a tenant that is not configured is refused in Swedish and nothing runs', async () => {
    const res = await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'frister', tenantId: OTHER_TENANT_ID }));
    expect(res.status).toBe(200);
    expect(h.seen.texts).toEqual([]);
    expect(h.conversations.saves).toEqual([]);
    const text = cardText(adaptiveCardOf(h.connector.sent()[0]?.activity));
    expect(text).toContain('Din organisation i Microsoft 365 är inte ansluten till Samverkan.');
    expect(text).not.toContain('arbetsytan');

    const invoke = await post(
      h.url,
      buttonInvoke({ serviceUrl: h.connector.serviceUrl, verb: 'deadline.done', value: '34', replyToId: '1000001', tenantId: OTHER_TENANT_ID }),
    );
    expect(invoke.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String((invoke.body as { value: unknown }).value)).toContain('inte ansluten till Samverkan');
    expect(h.seen.actions).toEqual([]);
    expect(h.connector.updates()).toEqual([]);
  });

  test('the tenant may come only in channelData', async () => {
    await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'frister', tenantOnlyInChannelData: true }));
    expect(h.seen.commands[0]?.actor.tenantId).toBe(TEST_TENANT_ID);
  });

  test('a body that is not JSON or not an activity gets 400, a GET gets 405', async () => {
    const bad = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    const untyped = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"frister"}' });
    expect(untyped.status).toBe(400);
    expect(await untyped.text()).toBe('request body is not an activity: it has no type');
    expect(h.seen.commands).toEqual([]);
    const get = await fetch(h.url);
    expect(get.status).toBe(405);
  });

  test('an activity without a serviceUrl gets 400 and reaches no handler (nothing to reply to)', async () => {
    const { serviceUrl: _none, ...activity } = messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'frister' }) as Record<string, unknown>;
    const res = await post(h.url, activity);
    expect(res.status).toBe(400);
    const bogus = await post(h.url, { ...activity, serviceUrl: 'not a url' });
    expect(bogus.status).toBe(400);
    expect(h.seen.texts).toEqual([]);
    expect(h.serverErrors).toEqual([]);
    expect(h.connector.calls()).toEqual([]);
  });
});

describe('Teams with an app id', () => {
  let h: TeamsHarness;
  let logged: ReturnType<typeof recordingLogger>;
  beforeEach(async () => {
    logged = recordingLogger();
    h = await startTeamsHarness({ appId: '00000000-0000-4000-8000-00000000b07a', appPassword: 'not-a-real-secret', log: logged.log });
  });
  afterEach(async () => {
    await h.close();
  });

  test('a request without Authorization gets 401 and reaches no handler', async () => {
    const res = await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'frister' }));
    expect(res.status).toBe(401);
    expect(h.seen.texts).toEqual([]);
    expect(h.conversations.saves).toEqual([]);
    expect(h.connector.calls()).toEqual([]);
  });

  test('a request with a token that is not a Bot Framework JWT gets 401 and one warning line, no stack', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await post(h.url, messageActivity({ serviceUrl: h.connector.serviceUrl, text: 'frister' }), { authorization: 'Bearer not-a-jwt' });
    const printed = consoleError.mock.calls.length;
    consoleError.mockRestore();
    expect(res.status).toBe(401);
    expect(printed).toBe(0);
    const lines = logged.lines.filter((l) => Number(l.level) >= 40 && l.msg !== 'Teams adapter in local mode: no MICROSOFT_APP_ID, requests are not authenticated');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'refused a Teams request that failed authentication', status: 401 });
    expect(String(lines[0]?.reason).split('\n')).toHaveLength(1);
    expect(h.seen.texts).toEqual([]);
    expect(h.connector.calls()).toEqual([]);
  });
});
