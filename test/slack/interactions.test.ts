import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card, Form } from '../../src/core/card.ts';
import type { ActionInput, FormInput } from '../../src/core/reply.ts';
import { privateCard } from '../../src/core/reply.ts';
import { Router } from '../../src/core/router.ts';
import { blockAction, findButton, viewSubmission, type OpenedView } from '../support/slack-requests.ts';
import { sign, sleep, startSlackHarness, type SlackHarness } from './harness.ts';

const reminder: Card = {
  title: 'Frist om 7 dagar',
  tone: 'warning',
  sections: [{ type: 'facts', facts: [{ label: 'Frist', value: 'Nordplus-ansökan' }, { label: 'Datum', value: '2026-10-15' }] }],
  buttons: [
    { action: 'deadline.done', label: 'Klar', value: 'D34', style: 'primary' },
    { action: 'deadline.snooze', label: 'Skjut 1 dag', value: 'D34:1' },
    { action: 'deadline.snooze', label: 'Skjut 1 vecka', value: 'D34:7' },
  ],
  summary: 'Frist om 7 dagar: Nordplus-ansökan',
};

const decisionForm: Form = {
  action: 'approval.decide',
  title: 'Godkänn ansökan',
  submitLabel: 'Spara',
  state: 'A5:approve',
  fields: [
    { id: 'reference', label: 'Beslutsreferens', kind: 'text', required: true, placeholder: 'KS § 45, 2026.112' },
    { id: 'decided', label: 'Beslutsdatum', kind: 'date', required: true },
    { id: 'comment', label: 'Kommentar', kind: 'multiline' },
  ],
};

describe('Slack buttons and modals over HTTP', () => {
  let h: SlackHarness;
  const actions: ActionInput[] = [];
  const forms: FormInput[] = [];

  beforeAll(async () => {
    const router = new Router()
      .action('deadline.done', async (action) => {
        actions.push(action);
        return {
          replace: { title: 'Frist klar', tone: 'success', sections: [{ type: 'text', text: 'Nordplus-ansökan är klar.' }], summary: 'Frist klar' },
          reply: privateCard({ sections: [{ type: 'text', text: 'Påminnelserna är borttagna.' }], summary: 'Påminnelserna är borttagna.' }),
        };
      })
      .action('deadline.snooze', async (action) => {
        actions.push(action);
        return { reply: privateCard({ sections: [{ type: 'text', text: `Skjuten ${action.value}` }], summary: 'Skjuten' }) };
      })
      .action('approval.approve', async (action) => {
        actions.push(action);
        return { form: decisionForm };
      })
      .form('approval.decide', async (form) => {
        forms.push(form);
        if (!/§/.test(form.values.reference ?? '')) {
          return { kind: 'invalid', form: { ...decisionForm, errors: { reference: 'Skriv referensen som ”KS § 45, 2026.112”.' } } };
        }
        return {
          kind: 'done',
          reply: privateCard({ sections: [{ type: 'text', text: `Beslutet ${form.values.reference} är sparat.` }], summary: 'Beslutet är sparat.' }),
          replace: { title: 'Ansökan godkänd', sections: [{ type: 'text', text: form.values.reference ?? '' }], summary: 'Ansökan godkänd' },
        };
      });
    h = await startSlackHarness({ router });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    h.slack.reset();
    actions.length = 0;
    forms.length = 0;
  });

  /** Posts the reminder as the scheduler would and returns where it landed. */
  async function postReminder(card: Card = reminder) {
    const ref = await h.adapter.notifier.post({ kind: 'conversation', platform: 'slack', conversationId: 'C0001' }, card);
    const posted = await h.slack.waitFor('chat.postMessage');
    return { ref, blocks: posted.body.blocks };
  }

  it('renders unique action ids and passes the action name, value and message back', async () => {
    const { ref, blocks } = await postReminder();
    const ids = (blocks as { type: string; elements?: { action_id: string }[] }[]).flatMap((b) => b.elements?.map((e) => e.action_id) ?? []);
    expect(ids).toEqual(['deadline.done:0', 'deadline.snooze:1', 'deadline.snooze:2']);

    const button = findButton(blocks, { label: 'Skjut 1 vecka' });
    const res = await h.send(blockAction({ ...button, messageTs: ref.messageId, responseUrl: h.slack.responseUrl('b0') }, sign));
    expect(res.status).toBe(200);
    await h.slack.waitFor('response', (c) => c.id === 'b0');
    expect(actions).toEqual([{ name: 'deadline.snooze', value: 'D34:7', source: { platform: 'slack', conversationId: 'C0001', messageId: ref.messageId } }]);
  });

  it('replaces the card for everyone with chat.update and answers the presser privately', async () => {
    const { ref, blocks } = await postReminder();
    const res = await h.send(blockAction({ ...findButton(blocks, { action: 'deadline.done' }), messageTs: ref.messageId, responseUrl: h.slack.responseUrl('b1') }, sign));
    expect(res.status).toBe(200);

    const update = await h.slack.waitFor('chat.update');
    expect(update.body).toMatchObject({ channel: 'C0001', ts: ref.messageId, text: 'Frist klar' });
    expect(update.body.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '✅ Frist klar', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Nordplus-ansökan är klar.' } },
    ]);
    expect(h.slack.message('C0001', ref.messageId)?.text).toBe('Frist klar');

    const reply = await h.slack.waitFor('response', (c) => c.id === 'b1');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Påminnelserna är borttagna.' });
  });

  it('replaces an ephemeral card through its response_url', async () => {
    const res = await h.send(
      blockAction({ actionId: 'deadline.done:0', value: 'D34', messageTs: '1760000000.000009', ephemeral: true, responseUrl: h.slack.responseUrl('eph') }, sign),
    );
    expect(res.status).toBe(200);
    const replace = await h.slack.waitFor('response', (c) => c.id === 'eph' && c.body.replace_original === true);
    expect(replace.body.text).toBe('Frist klar');
    await h.slack.waitFor('response', (c) => c.id === 'eph' && c.body.replace_original === false);
    expect(h.slack.calls('chat.update')).toHaveLength(0);
  });

  it('tells the presser in Swedish when a button is no longer in use', async () => {
    await h.send(blockAction({ actionId: 'engagement.archive:0', value: 'E1', messageTs: '1.2', responseUrl: h.slack.responseUrl('old') }, sign));
    const reply = await h.slack.waitFor('response', (c) => c.id === 'old');
    expect(reply.body.text).toBe('Den knappen används inte längre. Inget ändrades.');
    expect(reply.body.response_type).toBe('ephemeral');
  });

  it('refuses a button press from another workspace and runs nothing', async () => {
    const res = await h.send(blockAction({ actionId: 'deadline.done:0', value: 'D34', teamId: 'T9999', messageTs: '1.3', responseUrl: h.slack.responseUrl('x') }, sign));
    expect(res.status).toBe(200);
    const reply = await h.slack.waitFor('response', (c) => c.id === 'x');
    expect(reply.body.text).toContain('inte ansluten till Samverkan');
    await sleep(50);
    expect(actions).toHaveLength(0);
    expect(h.slack.calls('chat.update')).toHaveLength(0);
  });

  it('refuses a forged button press with 401', async () => {
    const res = await h.send(blockAction({ actionId: 'deadline.done:0', value: 'D34', messageTs: '1.4', responseUrl: h.slack.responseUrl() }, { ...sign, tamper: 'forged' }));
    expect(res.status).toBe(401);
    await sleep(50);
    expect(actions).toHaveLength(0);
  });

  it('opens a form from a button, returns field errors, then closes it, replies by DM and replaces the card', async () => {
    const approval: Card = { title: 'Ansökan A5', sections: [], buttons: [{ action: 'approval.approve', label: 'Godkänn', value: 'A5' }], summary: 'Ansökan A5' };
    const { ref, blocks } = await postReminder(approval);
    await h.send(blockAction({ ...findButton(blocks, { action: 'approval.approve' }), messageTs: ref.messageId, triggerId: 'trig-9', responseUrl: h.slack.responseUrl('a') }, sign));
    const open = await h.slack.waitFor('views.open');
    expect(open.body.trigger_id).toBe('trig-9');
    const view = open.body.view as OpenedView;
    expect(view.callback_id).toBe('approval.decide');
    expect(view.blocks?.map((b) => b.element?.type)).toEqual(['plain_text_input', 'datepicker', 'plain_text_input']);

    const invalid = await h.send(viewSubmission({ view, values: { reference: 'KS 45', decided: '2026-09-30' } }, sign));
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toEqual({ response_action: 'errors', errors: { reference: 'Skriv referensen som ”KS § 45, 2026.112”.' } });
    expect(forms[0]).toEqual({ name: 'approval.decide', state: 'A5:approve', values: { reference: 'KS 45', decided: '2026-09-30', comment: '' } });
    expect(h.slack.calls('chat.postMessage')).toHaveLength(1);

    const done = await h.send(viewSubmission({ view, values: { reference: 'KS § 45, 2026.112', decided: '2026-09-30' } }, sign));
    expect(done.status).toBe(200);
    expect(done.body).toBe('');
    const dm = await h.slack.waitFor('chat.postMessage', (c) => c.body.channel === 'U0001');
    expect(dm.body.text).toBe('Beslutet är sparat.');
    const update = await h.slack.waitFor('chat.update');
    expect(update.body).toMatchObject({ channel: 'C0001', ts: ref.messageId, text: 'Ansökan godkänd' });
  });
});
