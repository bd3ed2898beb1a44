import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { startFakeIdentityPlatform, type FakeIdentityPlatform, type TokenClaims } from '../support/fake-identity-platform.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.ts';
import { messageActivity, post } from '../support/teams-activities.ts';
import { startProcess, tempDatabaseUrl, type Started } from './spawn.ts';

/**
 * Issue 12, point 4, as an operator reads it: the real start with a Bot registration, and
 * requests with bad tokens. Each refusal is one warning line in the log and nothing else: not
 * the library's stack trace of an expired token, nor its dump of every signing key.
 */
let running: Started | undefined;
let identity: FakeIdentityPlatform | undefined;
let connector: FakeBotConnector | undefined;
afterEach(async () => {
  // SIGTERM, which npm passes on to the app: a SIGKILL would end npm and leave the app running.
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    const exited = running.exited();
    running.child.kill('SIGTERM');
    await exited;
  }
  running = undefined;
  await identity?.close();
  await connector?.close();
});

const listening = /Samverkan HTTP: listening on http:\/\/127\.0\.0\.1:(\d+)/;

it('npm start with an app id: each bad token is refused with 401 and logged in one warning line', async () => {
  const appId = randomUUID();
  identity = await startFakeIdentityPlatform({ appId, password: 'fake-client-secret~0123456789' });
  connector = await startFakeBotConnector();
  running = startProcess('npm', ['start', '--silent'], { ...identity.env(appId, 'fake-client-secret~0123456789'), DATABASE_URL: tempDatabaseUrl(), PORT: '0', HOST: '127.0.0.1' });
  const port = Number((await running.waitForLine(listening, 60_000))[1]);
  const url = `http://127.0.0.1:${port}/api/messages`;
  const stdoutBefore = running.stdout().length;
  const stderrBefore = running.stderr().length;

  const bad: TokenClaims[] = [{ expiresIn: -3600 }, { foreignKey: true }, { foreignKey: true, kid: 'unknown-key' }, { notBefore: 3600, expiresIn: 7200 }];
  const serviceUrl = connector.serviceUrl;
  for (const claims of bad) {
    const res = await post(url, messageActivity({ serviceUrl, place: 'personal', text: 'frister' }), { authorization: `Bearer ${identity.channelToken({ serviceurl: serviceUrl, ...claims })}` });
    expect(res.status).toBe(401);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));

  // Every line is one JSON log line; the refusals are one each (the demo's own reminders may log too).
  const lines = running.stdout().slice(stdoutBefore).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  const refusals = lines.filter((line) => line.msg === 'refused a Teams request that failed authentication');
  expect(refusals).toHaveLength(bad.length);
  for (const line of refusals) expect(line).toMatchObject({ level: 40, status: 401 });
  expect(lines.filter((line) => /token|jwt|key/i.test(JSON.stringify(line)) && line.msg !== 'refused a Teams request that failed authentication')).toEqual([]);
  expect(running.stderr().slice(stderrBefore)).toBe('');
  expect(connector.calls()).toEqual([]);
}, 90_000);
