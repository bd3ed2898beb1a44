import { afterEach, describe, expect, it } from 'vitest';
import { Router } from '../../src/core/router.ts';
import { slashCommand } from '../support/slack-requests.ts';
import { sign, startSlackHarness, type SlackHarness } from './harness.ts';

/** A file reply (annual report, decision export) reaches the asker as an upload in their DMs. */
describe('Slack: file replies', () => {
  let h: SlackHarness;
  afterEach(async () => h?.close());

  it('uploads the files to the person’s direct messages and shows the card privately', async () => {
    const router = new Router().command('calendar', async () => ({
      kind: 'file',
      card: { summary: 'Beslut 2026', sections: [{ type: 'text', text: 'Här är exporten.' }] },
      files: [{ name: 'beslut-2026.csv', mimeType: 'text/csv', data: new TextEncoder().encode('\uFEFFdatum;organ\n2026-03-01;KS\n') }],
    }));
    h = await startSlackHarness({ router, knowBotIds: true });
    const result = await h.send(slashCommand({ text: 'kalender', responseUrl: h.slack.responseUrl('f1'), teamId: h.slack.teamId, userId: 'U0ANNA' }, sign));
    expect(result.status).toBe(200);

    const opened = await h.slack.waitFor('conversations.open');
    expect(opened.body.users).toBe('U0ANNA');
    const completed = await h.slack.waitFor('files.completeUploadExternal');
    expect(JSON.stringify(completed.body)).toContain('beslut-2026.csv');
    expect(String(completed.body.channel_id)).toMatch(/^D/);
    const uploaded = h.slack.calls('upload');
    expect(uploaded).toHaveLength(1);
    const response = await h.slack.waitFor('response', (c) => c.id === 'f1');
    expect(response.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.body)).toContain('Här är exporten.');
  });
});
