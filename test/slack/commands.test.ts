import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/core/command.ts';
import { privateCard, publicCard } from '../../src/core/reply.ts';
import { Router } from '../../src/core/router.ts';
import { eventCallback, slashCommand, type Tamper } from '../support/slack-requests.ts';
import { sign, sleep, startSlackHarness, type SlackHarness } from './harness.ts';

describe('Slack slash command over HTTP', () => {
  let h: SlackHarness;
  const seen: { args: unknown; ctx: RequestContext }[] = [];

  beforeAll(async () => {
    const router = new Router()
      .command('deadlines', async (args, ctx) => {
        seen.push({ args, ctx });
        return privateCard({ title: 'Öppna frister', sections: [{ type: 'text', text: 'Ansökan till Nordplus <senast> fredag & lördag' }], summary: 'Öppna frister' });
      })
      .command('approvals', async () => publicCard({ sections: [{ type: 'text', text: 'Två beslut väntar.' }], summary: 'Två beslut väntar.' }))
      .command('calendar', async () => {
        await sleep(1000);
        return privateCard({ sections: [{ type: 'text', text: 'Kalenderadressen' }], summary: 'Kalenderadressen' });
      })
      .command('report', async () => ({
        kind: 'form',
        form: {
          action: 'report.submit',
          title: 'Besöksrapport',
          submitLabel: 'Skicka',
          state: 'V7',
          fields: [{ id: 'summary', label: 'Sammanfattning', kind: 'multiline', required: true, maxLength: 2000 }],
        },
      }))
      .command('help', async () => privateCard({ title: 'Samverkan', sections: [{ type: 'text', text: 'Kommandon' }], summary: 'Hjälp' }))
      .command('mine', async (_args, ctx) =>
        privateCard({ title: 'Mitt arbete', sections: [{ type: 'text', text: `Inga öppna frister för ${ctx.actor.userId}.` }], summary: 'Mitt arbete' }),
      );
    h = await startSlackHarness({ router });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.slack.reset();
    seen.length = 0;
  });

  it('acks a signed command and answers at response_url, privately, in Swedish', async () => {
    const res = await h.send(slashCommand({ text: 'frister mine', responseUrl: h.slack.responseUrl('c1') }, sign));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');

    const reply = await h.slack.waitFor('response', (c) => c.id === 'c1');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.replace_original).toBe(false);
    expect(reply.body.text).toBe('Öppna frister');
    expect(reply.body.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Öppna frister', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Ansökan till Nordplus &lt;senast&gt; fredag &amp; lördag' } },
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.args).toEqual({ rest: 'mine' });
    expect(seen[0]?.ctx.actor).toEqual({ platform: 'slack', tenantId: 'T0001', userId: 'U0001', name: 'anna' });
    expect(seen[0]?.ctx.conversation).toEqual({ kind: 'conversation', platform: 'slack', conversationId: 'C0001', tenantId: 'T0001' });
    expect(seen[0]?.ctx.isDirect).toBe(false);
  });

  it('answers an unknown command with the Swedish error, privately', async () => {
    await h.send(slashCommand({ text: 'trolla', responseUrl: h.slack.responseUrl('c2') }, sign));
    const reply = await h.slack.waitFor('response', (c) => c.id === 'c2');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toBe('”trolla” finns inte ännu i den här versionen av Samverkan.');
    expect(reply.body.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '❌ ”trolla” finns inte ännu i den här versionen av Samverkan.' } },
    ]);
  });

  it('posts a public reply in the channel', async () => {
    await h.send(slashCommand({ text: 'beslut', responseUrl: h.slack.responseUrl('c3') }, sign));
    const reply = await h.slack.waitFor('response', (c) => c.id === 'c3');
    expect(reply.body.response_type).toBe('in_channel');
    expect(reply.body.text).toBe('Två beslut väntar.');
  });

  it('marks a command in a direct message as direct and keeps mentions as typed', async () => {
    await h.send(
      slashCommand({ text: 'frister owner=<@U0042|bo>', channelId: 'D0001', channelName: 'directmessage', responseUrl: h.slack.responseUrl('c4') }, sign),
    );
    await h.slack.waitFor('response', (c) => c.id === 'c4');
    expect(seen[0]?.ctx.isDirect).toBe(true);
    expect(seen[0]?.args).toEqual({ rest: 'owner=<@U0042|bo>' });
  });

  it('opens a form reply as a modal with the command trigger_id', async () => {
    const res = await h.send(slashCommand({ text: 'rapport V7', triggerId: 'trig-1', responseUrl: h.slack.responseUrl('c5') }, sign));
    expect(res.status).toBe(200);
    const open = await h.slack.waitFor('views.open');
    expect(open.body.trigger_id).toBe('trig-1');
    expect(open.token).toBe('xoxb-test-token');
    const view = open.body.view as { callback_id: string; private_metadata: string; close: { text: string } };
    expect(view.callback_id).toBe('report.submit');
    expect(JSON.parse(view.private_metadata)).toEqual({ samverkan: 1, state: 'V7', origin: { channelId: 'C0001' } });
    expect(view.close.text).toBe('Avbryt');
    expect(h.slack.calls('response')).toHaveLength(0);
  });

  it('acks before a slow handler finishes', async () => {
    const started = Date.now();
    const res = await h.send(slashCommand({ text: 'kalender', responseUrl: h.slack.responseUrl('slow') }, sign));
    const ackedAfter = Date.now() - started;
    expect(res.status).toBe(200);
    expect(ackedAfter).toBeLessThan(500);
    expect(h.slack.calls('response')).toHaveLength(0);

    const reply = await h.slack.waitFor('response', (c) => c.id === 'slow', 3000);
    expect(reply.at - started).toBeGreaterThanOrEqual(950);
  });

  it.each<Tamper>(['unsigned', 'forged', 'stale'])('refuses a %s request with 401 and runs nothing', async (tamper) => {
    const res = await h.send(slashCommand({ text: 'frister', responseUrl: h.slack.responseUrl('bad') }, { ...sign, tamper }));
    expect(res.status).toBe(401);
    await sleep(100);
    expect(seen).toHaveLength(0);
    expect(h.slack.calls()).toHaveLength(0);
  });

  it('refuses a workspace that is not allowed, in Swedish, and runs nothing', async () => {
    const res = await h.send(slashCommand({ text: 'frister', teamId: 'T9999', responseUrl: h.slack.responseUrl('other') }, sign));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      response_type: 'ephemeral',
      text: 'Den här arbetsytan är inte ansluten till Samverkan. Be din samordnare att lägga till den i konfigurationen.',
    });
    await sleep(100);
    expect(seen).toHaveLength(0);
    expect(h.slack.calls()).toHaveLength(0);
  });

  it('also serves a renamed command of a staging app', async () => {
    await h.send(slashCommand({ command: '/samverkan-test', text: 'frister', responseUrl: h.slack.responseUrl('stage') }, sign));
    expect((await h.slack.waitFor('response', (c) => c.id === 'stage')).body.text).toBe('Öppna frister');
  });

  it('answers only POST on the events path', async () => {
    const res = await fetch(h.eventsUrl);
    expect(res.status).toBe(405);
  });

  it('shows the person’s own work on the App Home tab', async () => {
    const res = await h.send(eventCallback({ type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home', event_ts: '1.1' }, sign));
    expect(res.status).toBe(200);
    const publish = await h.slack.waitFor('views.publish');
    expect(publish.body.user_id).toBe('U0001');
    expect(publish.body.view).toMatchObject({ type: 'home', blocks: [{ type: 'header' }, { type: 'section' }] });
    expect(JSON.stringify(publish.body.view)).toContain('Inga öppna frister för U0001.');
  });
});

describe('Slack adapter start', () => {
  it('checks the token with auth.test once, in start()', async () => {
    const h = await startSlackHarness({ router: new Router().command('help', async () => privateCard({ sections: [], summary: 'x' })) });
    try {
      expect(h.slack.calls('auth.test')).toHaveLength(1);
      await h.send(slashCommand({ text: 'help', responseUrl: h.slack.responseUrl() }, sign));
      await h.send(slashCommand({ text: 'help', responseUrl: h.slack.responseUrl() }, sign));
      expect(h.slack.calls('auth.test')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('skips auth.test when it is told the bot ids', async () => {
    const h = await startSlackHarness({ router: new Router(), knowBotIds: true });
    try {
      await h.send(slashCommand({ text: 'help', responseUrl: h.slack.responseUrl('x') }, sign));
      await h.slack.waitFor('response', (c) => c.id === 'x');
      expect(h.slack.calls('auth.test')).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
