import { ConfigError } from '../../src/config/load.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { testBot } from './harness.ts';

const log = silentLogger();
const bot = testBot();

describe('createSlackAdapter', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => slack.close());

  it('needs a signing secret or an app token', () => {
    expect(() => createSlackAdapter({ bot, botToken: 'xoxb-1', log })).toThrow(/SLACK_SIGNING_SECRET|SLACK_APP_TOKEN/);
  });

  it('needs an API URL that ends with a slash', () => {
    expect(() => createSlackAdapter({ bot, botToken: 'xoxb-1', signingSecret: 's', apiUrl: 'https://slack.gov/api', log })).toThrow(/end with/);
  });

  it('offers no HTTP handler in Socket Mode, and its notifier still posts', async () => {
    const adapter = createSlackAdapter({ bot, botToken: 'xoxb-1', appToken: 'xapp-1', apiUrl: slack.url, log, botUserId: 'U', botId: 'B' });
    expect(adapter.httpHandler).toBeUndefined();
    const ref = await adapter.notifier.post({ kind: 'conversation', platform: 'slack', conversationId: 'C7' }, { sections: [], summary: 'Hej' });
    expect(ref.conversationId).toBe('C7');
  });

  it('fails start() when Slack rejects the token', async () => {
    slack.failNext('auth.test', { error: 'invalid_auth' });
    const adapter = createSlackAdapter({ bot, botToken: 'xoxb-revoked', signingSecret: 's', apiUrl: slack.url, log });
    const err = await adapter.start().catch((e: unknown) => e);
    // main.ts prints a ConfigError as it is and exits 2: the administrator sees which setting, not a stack.
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe('Slack refused to start: it answered "invalid_auth". Check SLACK_BOT_TOKEN, the xoxb- token of the installed app.');
  });

  it('fails start() with the address it tried when the Web API cannot be reached', async () => {
    // Nothing listens on port 1 of the loopback address.
    const adapter = createSlackAdapter({ bot, botToken: 'xoxb-1', signingSecret: 's', apiUrl: 'http://127.0.0.1:1/api/', log });
    const err = await adapter.start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/^Slack's Web API at http:\/\/127\.0\.0\.1:1\/api\/ could not be reached \(.*\)\. Check SLACK_API_URL, and that this server may open HTTPS connections to it\.$/);
  });
});
