import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

/** The fake's own contract, so end-to-end tests can lean on it. */
describe('fake Slack Web API', () => {
  let slack: FakeSlack;
  let client: webApi.WebClient;
  beforeAll(async () => {
    slack = await startFakeSlack({ users: [{ id: 'U0042', name: 'bo', email: 'bo@kommun.se' }] });
    client = new webApi.WebClient('xoxb-fake', { slackApiUrl: slack.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  });
  afterAll(async () => slack.close());

  it('answers users.info and conversations.open', async () => {
    const info = await client.users.info({ user: 'U0042' });
    expect(info.user?.profile?.email).toBe('bo@kommun.se');
    await expect(client.users.info({ user: 'U404' })).rejects.toThrow(/user_not_found/);
    const dm = await client.conversations.open({ users: 'U0042' });
    expect(dm.channel?.id).toBe('D0042');
  });

  it('takes a file upload through files.uploadV2', async () => {
    await client.filesUploadV2({ channel_id: 'C0001', filename: 'arsrapport-2026.csv', title: 'Årsrapport 2026', content: 'a;b\n1;2\n' });
    const upload = await slack.waitFor('upload');
    expect(upload.body.size).toBe(8);
    const complete = await slack.waitFor('files.completeUploadExternal');
    expect(complete.body).toMatchObject({ channel_id: 'C0001', files: [{ title: 'Årsrapport 2026' }] });
  });

  it('fails the next calls as told, then answers again', async () => {
    slack.failNext('views.publish', { status: 500 }, 2);
    await expect(client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } })).rejects.toThrow(/500/);
    await expect(client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } })).rejects.toThrow(/500/);
    await expect(client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } })).resolves.toMatchObject({ ok: true });
  });

  it('waits for a call still to come, and gives up with what it saw', async () => {
    const waiting = slack.waitFor('chat.postEphemeral', (c) => c.body.user === 'U9');
    await client.chat.postEphemeral({ channel: 'C1', user: 'U9', text: 'hej' });
    expect((await waiting).body.text).toBe('hej');
    await expect(slack.waitFor('chat.delete', undefined, 50)).rejects.toThrow(/no matching chat.delete/);
  });
});
