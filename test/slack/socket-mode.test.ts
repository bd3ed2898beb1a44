import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { Router } from '../../src/core/router.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { testBot } from './harness.ts';

/**
 * Socket Mode (no public URL, common behind municipal firewalls): the adapter opens the socket
 * through the configured Web API (SLACK_API_URL), receives a slash command as an envelope,
 * acknowledges the envelope and answers on the command's response_url.
 */
describe('Slack in Socket Mode', () => {
  let slack: FakeSlack | undefined;
  let adapter: SlackAdapter | undefined;
  let server: WebSocket.Server | undefined;
  afterEach(async () => {
    await adapter?.stop();
    for (const client of server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await slack?.close();
  });

  it('connects through SLACK_API_URL, acks the envelope and answers the command', async () => {
    slack = await startFakeSlack();
    server = new WebSocket.Server({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    const address = server.address();
    slack.setSocketModeUrl(`ws://127.0.0.1:${typeof address === 'object' ? address.port : 0}/`);
    const acks: unknown[] = [];
    const connected = new Promise<WebSocket>((resolve) =>
      server!.on('connection', (socket: WebSocket) => {
        socket.on('message', (data: WebSocket.Data) => acks.push(JSON.parse(String(data))));
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0001' } }));
        resolve(socket);
      }),
    );

    const router = new Router().command('deadlines', async () => ({
      kind: 'card',
      card: { summary: 'Öppna frister: 0', sections: [{ type: 'text', text: 'Inga öppna frister.' }] },
      visibility: 'private',
    }));
    adapter = createSlackAdapter({
      bot: testBot(router, { allowedTeams: [slack.teamId] }),
      botToken: 'xoxb-socket',
      appToken: 'xapp-1-socket',
      apiUrl: slack.url,
      botUserId: slack.botUserId,
      botId: slack.botId,
      log: silentLogger(),
    });
    expect(adapter.httpHandler).toBeUndefined();
    await adapter.start();
    const socket = await connected;
    expect(slack.calls('apps.connections.open')).toHaveLength(1);

    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: slack.teamId,
          channel_id: 'C0KFN',
          channel_name: 'internationellt',
          user_id: 'U0ANNA',
          user_name: 'anna',
          command: '/samverkan',
          text: 'frister',
          response_url: slack.responseUrl('socket'),
          trigger_id: 'trigger-1',
          api_app_id: 'A0001',
        },
      }),
    );
    const answer = await slack.waitFor('response', (c) => c.id === 'socket', 5000);
    expect(answer.body.text).toBe('Öppna frister: 0');
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
  });
});
