import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type SamverkanApp } from '../../src/app.ts';
import { readEnv } from '../../src/config/env.ts';
import { parseConfig } from '../../src/config/load.ts';
import { FakeClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { startApp, e2eConfig, type AppHarness } from '../support/app-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { messageActivity, post, testUsers } from '../support/teams-activities.ts';

/** What a load balancer, Prometheus and a browser see of the bot's own HTTP routes. */
describe('liveness, readiness, metrics and security headers', () => {
  let h: AppHarness | undefined;
  let app: SamverkanApp | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await h?.close();
    await app?.stop();
    await database?.destroy();
    h = app = database = undefined;
  });

  const metricValue = (text: string, line: string): number | undefined => {
    const found = text.split('\n').find((l) => l.startsWith(`${line} `));
    return found === undefined ? undefined : Number(found.slice(line.length + 1));
  };

  it('/healthz answers GET and HEAD only; /readyz is 503 until started and from the moment stop begins', async () => {
    database = await createTestDatabase('sqlite');
    app = await createApp({
      config: parseConfig(e2eConfig, 'test'),
      configSource: 'test',
      env: readEnv({}),
      clock: new FakeClock('2026-11-23T09:00:00Z'),
      log: silentLogger(),
      store: database.open(),
    });
    expect(app.readiness()).toEqual({ ready: false, state: 'starting' });
    const port = await app.start(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
    for (const method of ['POST', 'DELETE', 'PUT']) {
      const refused = await fetch(`${base}/healthz`, { method });
      expect(refused.status).toBe(405);
      expect(refused.headers.get('allow')).toBe('GET, HEAD');
    }
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'sqlite' });

    const stopping = app.stop();
    expect(app.readiness()).toEqual({ ready: false, state: 'stopping' });
    await stopping;
    app = undefined;
  });

  it('/readyz says 503 while the app is not started, with the reason', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z');
    // The harness listens without app.start(): the scheduler has not started, so not ready.
    const response = await fetch(`${h.baseUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'starting' });
  });

  it('/metrics counts commands, deliveries, outbox rows, request latency and event-loop delay', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z');
    const say = (text: string) =>
      post(`${h!.baseUrl}/api/messages`, messageActivity({ serviceUrl: h!.connector.serviceUrl, place: 'personal', text, from: testUsers.anna }));
    await say('frist ny "Slutrapport ICLD" 2026-12-18 remind=7');
    await say('frister');
    await say('frist klar D99');
    await say('blaha blaha');
    // Delivers what is due at once (the refresh of Anna's "my work"), as the minute tick would.
    await h.tickAt('2026-11-23T09:00:00Z');

    let text = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metricValue(text, 'samverkan_commands_total{command="deadline.add",outcome="ok"}')).toBe(1);
    expect(metricValue(text, 'samverkan_commands_total{command="deadlines",outcome="ok"}')).toBe(1);
    expect(metricValue(text, 'samverkan_commands_total{command="deadline.done",outcome="failed"}')).toBe(1);
    expect(metricValue(text, 'samverkan_commands_total{command="unparsed",outcome="invalid"}')).toBe(1);
    // The reminder waits in the outbox; nothing is due now.
    expect(metricValue(text, 'samverkan_outbox_rows{status="pending"}')).toBeGreaterThan(0);
    expect(metricValue(text, 'samverkan_outbox_rows{status="failed"}')).toBe(0);
    expect(metricValue(text, 'samverkan_outbox_oldest_due_age_seconds')).toBe(0);
    expect(metricValue(text, 'samverkan_http_request_duration_seconds_count{method="POST",route="/api/messages",status="200"}')).toBe(4);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);

    // Ten minutes after the reminder was due, before a tick, it is the oldest due row.
    h.clock.set('2026-12-11T07:10:00Z');
    text = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metricValue(text, 'samverkan_outbox_oldest_due_age_seconds')).toBe(600);

    await h.tickAt('2026-12-11T07:10:00Z');
    text = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metricValue(text, 'samverkan_deliveries_total{platform="teams",outcome="sent"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'samverkan_outbox_rows{status="sent"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'samverkan_outbox_oldest_due_age_seconds')).toBe(0);

    expect((await fetch(`${h.baseUrl}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('puts CSP, nosniff, Referrer-Policy and frame-ancestors on the public page, files and errors', async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z', { ...e2eConfig, reporting: { publicFeed: { enabled: true } } });
    const page = await fetch(`${h.baseUrl}/offentligt/samarbeten`);
    expect(page.headers.get('content-type')).toContain('text/html');
    for (const response of [page, await fetch(`${h.baseUrl}/files/not-a-real-token-0123456789/x.docx`), await fetch(`${h.baseUrl}/nothing-here`)]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('script-src');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
