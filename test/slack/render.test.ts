import { describe, expect, it } from 'vitest';
import { decodeMetadata, encodeMetadata, readFormValues, renderModal } from '../../adapters/slack/modal.ts';
import { actionIdFor, actionNameOf, blockKitLimits, renderCard } from '../../adapters/slack/render.ts';
import { chunk, clip, escapeMrkdwn } from '../../adapters/slack/text.ts';
import type { Card, Form } from '../../src/core/card.ts';
import { translator } from '../../src/i18n/index.ts';

const t = translator('sv');

describe('escapeMrkdwn', () => {
  it('escapes &, < and > but keeps user, channel and group mentions, a user by id alone', () => {
    expect(escapeMrkdwn('A & B <b> <@U123> <@W9|bo> <#C42|allmänt> <!subteam^S1|@nämnd>')).toBe(
      'A &amp; B &lt;b&gt; <@U123> <@W9> <#C42|allmänt> <!subteam^S1|@nämnd>',
    );
  });

  it('escapes broadcasts and links so card text cannot ping a channel or hide a URL', () => {
    expect(escapeMrkdwn('<!channel> <https://evil.example|bank>')).toBe('&lt;!channel&gt; &lt;https://evil.example|bank&gt;');
  });

  it('cuts and splits without breaking an entity or a mention', () => {
    expect(clip('abc &amp; def', 6)).toBe('abc…');
    expect(clip('hi <@U123456>', 8)).toBe('hi…');
    const pieces = chunk(`${'a'.repeat(2995)} &amp; ${'b'.repeat(100)}`, 3000);
    expect(pieces).toHaveLength(2);
    expect(pieces.every((p) => p.length <= 3000 && !/&[a-z]*$/.test(p))).toBe(true);
  });
});

describe('renderCard', () => {
  it('renders title, tone, text, facts, list, divider, context and buttons', () => {
    const card: Card = {
      title: 'Frist',
      tone: 'warning',
      sections: [
        { type: 'text', text: 'Ansökan <@U1> ska in' },
        { type: 'facts', facts: [{ label: 'Datum', value: '15 okt' }] },
        { type: 'list', items: ['ett', 'två'] },
        { type: 'divider' },
      ],
      buttons: [
        { action: 'deadline.done', label: 'Klar', value: 'D1', style: 'primary' },
        { action: 'deadline.done', label: 'Klar igen', value: 'D2' },
      ],
      context: 'D1 · samordnare',
      summary: 'Frist: ansökan',
    };
    expect(renderCard(card, t)).toEqual({
      text: 'Frist: ansökan',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '⚠️ Frist', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Ansökan <@U1> ska in' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Datum*\n15 okt' }] },
        { type: 'section', text: { type: 'mrkdwn', text: '• ett\n• två' } },
        { type: 'divider' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'D1 · samordnare' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'deadline.done:0', text: { type: 'plain_text', text: 'Klar', emoji: true }, value: 'D1', style: 'primary' },
            { type: 'button', action_id: 'deadline.done:1', text: { type: 'plain_text', text: 'Klar igen', emoji: true }, value: 'D2' },
          ],
        },
      ],
    });
  });

  it('reads the action name back from an action id', () => {
    expect(actionNameOf(actionIdFor('deadline.snooze', 12))).toBe('deadline.snooze');
    expect(actionNameOf('report.write')).toBe('report.write');
  });

  it('puts at most 10 facts in a section and splits long text at 3000 characters', () => {
    const facts = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: String(i) }));
    const long = 'ord '.repeat(2000);
    const { blocks } = renderCard({ sections: [{ type: 'facts', facts }, { type: 'text', text: long }], summary: 's' }, t);
    const sections = blocks as { fields?: unknown[]; text?: { text: string } }[];
    expect(sections.slice(0, 3).map((b) => b.fields?.length)).toEqual([10, 10, 3]);
    expect(sections.slice(3).every((b) => (b.text?.text.length ?? 0) <= blockKitLimits.sectionText)).toBe(true);
    expect(sections.slice(3).map((b) => b.text?.text).join(' ').replace(/\s+/g, ' ').trim()).toBe(long.trim());
  });

  it('stays within 50 blocks, keeps the buttons and says it was shortened', () => {
    const sections = Array.from({ length: 80 }, () => ({ type: 'divider' as const }));
    const { blocks } = renderCard({ sections, buttons: [{ action: 'a', label: 'A', value: '1' }], summary: 's' }, t);
    expect(blocks).toHaveLength(50);
    expect(blocks[48]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Meddelandet var för långt för Slack och har kortats.' }] });
    expect(blocks[49]?.type).toBe('actions');
  });

  it('prefixes the tone on the first text when there is no title, and falls back to it for text', () => {
    const message = renderCard({ tone: 'error', sections: [{ type: 'text', text: 'Fel & fel' }], summary: '' }, t);
    expect(message.text).toBe('Fel &amp; fel');
    expect(message.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '❌ Fel &amp; fel' } }]);
  });
});

describe('renderModal and readFormValues', () => {
  const form: Form = {
    action: 'visit.add',
    title: 'Nytt besök hos vänorten i Estland',
    submitLabel: 'Spara',
    state: 'E12',
    fields: [
      { id: 'place', label: 'Plats', kind: 'text', maxLength: 100, initial: 'Tartu' },
      { id: 'notes', label: 'Anteckningar', kind: 'multiline' },
      { id: 'from', label: 'Från', kind: 'date', required: true, initial: '2026-11-02' },
      { id: 'participants', label: 'Deltagare', kind: 'number', initial: '4' },
      { id: 'direction', label: 'Riktning', kind: 'select', required: true, initial: 'out', options: [{ value: 'out', label: 'Utresa' }, { value: 'in', label: 'Mottagning' }] },
    ],
    errors: { from: 'Datumet har passerat.' },
  };

  it('renders each field kind as its input, with errors as hints', () => {
    const view = renderModal(form, t, encodeMetadata(form.state, { channelId: 'C1' }));
    expect(view.title.text).toHaveLength(24);
    expect(view.callback_id).toBe('visit.add');
    expect(view.blocks.map((b) => (b as { element: { type: string } }).element.type)).toEqual([
      'plain_text_input',
      'plain_text_input',
      'datepicker',
      'number_input',
      'static_select',
    ]);
    expect(view.blocks[0]).toMatchObject({ block_id: 'place', optional: true, element: { action_id: 'place', max_length: 100, initial_value: 'Tartu', multiline: false } });
    expect(view.blocks[1]).toMatchObject({ element: { multiline: true, max_length: 3000 } });
    expect(view.blocks[2]).toMatchObject({ optional: false, element: { initial_date: '2026-11-02' }, hint: { text: '⚠️ Datumet har passerat.' } });
    expect(view.blocks[3]).toMatchObject({ element: { is_decimal_allowed: false, initial_value: '4' } });
    expect(view.blocks[4]).toMatchObject({ element: { initial_option: { value: 'out', text: { text: 'Utresa' } } } });
  });

  it('shows an error about the whole form above the fields', () => {
    const view = renderModal({ ...form, errors: { _form: 'Samarbetet E9 finns inte.' } }, t, encodeMetadata(form.state, { channelId: 'C1' }));
    expect(view.blocks[0]).toEqual({ type: 'section', text: { type: 'plain_text', text: '⚠️ Samarbetet E9 finns inte.', emoji: true } });
    expect(view.blocks).toHaveLength(form.fields.length + 1);
  });

  it('reads submitted values by field id', () => {
    const values = readFormValues({
      values: {
        place: { place: { type: 'plain_text_input', value: 'Tartu' } },
        notes: { notes: { type: 'plain_text_input', value: null } },
        from: { from: { type: 'datepicker', selected_date: '2026-11-02' } },
        participants: { participants: { type: 'number_input', value: '4' } },
        direction: { direction: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Utresa' }, value: 'out' } } },
      },
    });
    expect(values).toEqual({ place: 'Tartu', notes: '', from: '2026-11-02', participants: '4', direction: 'out' });
  });

  it('round-trips the state and origin in private_metadata, and takes anything else as a bare state', () => {
    expect(decodeMetadata(encodeMetadata('A5', { channelId: 'C1', messageTs: '1.2' }))).toEqual({ state: 'A5', origin: { channelId: 'C1', messageTs: '1.2' } });
    expect(decodeMetadata('A5')).toEqual({ state: 'A5', origin: {} });
    expect(decodeMetadata('{"x":1}')).toEqual({ state: '{"x":1}', origin: {} });
    expect(() => encodeMetadata('x'.repeat(3000))).toThrow(/3000/);
  });
});
