import { describe, expect, test } from 'vitest';
import { commandText, conversationIdOf, decodeEntities } from '../../adapters/teams/activity.ts';
import { renderCard, renderForm } from '../../adapters/teams/render.ts';
import { teamsText } from '../../adapters/teams/text.ts';
import { translator } from '../../src/i18n/index.ts';
import { TEST_CHANNEL_ID, messageActivity, testUsers } from '../support/teams-activities.ts';
import { reportForm } from './test-bot.ts';

describe('Card → Adaptive Card 1.5', () => {
  test('title, text, facts, list, divider, context, buttons and tone', () => {
    const card = renderCard({
      title: 'Godkännande begärt',
      tone: 'warning',
      sections: [
        { type: 'text', text: 'Ansökan till Erasmus+ behöver beslut.' },
        { type: 'facts', facts: [{ label: 'Belopp', value: '120 000 kr' }] },
        { type: 'divider' },
        { type: 'list', items: ['Tartu', 'Vilnius'] },
      ],
      buttons: [
        { action: 'approval.approve', label: 'Godkänn', value: 'A5', style: 'primary' },
        { action: 'approval.reject', label: 'Avslå', value: 'A5', style: 'danger' },
        { action: 'approval.change', label: 'Begär ändring', value: 'A5' },
      ],
      context: 'A5 · begärd av Anna Andersson',
      summary: 'Godkännande begärt: A5',
    });
    expect(card).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', fallbackText: 'Godkännande begärt: A5' });
    expect(card.body).toEqual([
      {
        type: 'Container',
        style: 'warning',
        bleed: true,
        items: [
          { type: 'TextBlock', text: 'Godkännande begärt', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
          { type: 'TextBlock', text: 'Ansökan till Erasmus+ behöver beslut.', wrap: true },
          { type: 'FactSet', facts: [{ title: 'Belopp', value: '120 000 kr' }] },
          { type: 'TextBlock', text: '- Tartu\r- Vilnius', wrap: true, separator: true },
          { type: 'TextBlock', text: 'A5 · begärd av Anna Andersson', size: 'Small', isSubtle: true, wrap: true, spacing: 'Medium' },
        ],
      },
    ]);
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Godkänn', verb: 'approval.approve', data: { value: 'A5' }, style: 'positive', fallback: { type: 'Action.Submit', title: 'Godkänn', data: { value: 'A5', samverkanVerb: 'approval.approve' }, style: 'positive' } },
      { type: 'Action.Execute', title: 'Avslå', verb: 'approval.reject', data: { value: 'A5' }, style: 'destructive', fallback: { type: 'Action.Submit', title: 'Avslå', data: { value: 'A5', samverkanVerb: 'approval.reject' }, style: 'destructive' } },
      { type: 'Action.Execute', title: 'Begär ändring', verb: 'approval.change', data: { value: 'A5' }, fallback: { type: 'Action.Submit', title: 'Begär ändring', data: { value: 'A5', samverkanVerb: 'approval.change' } } },
    ]);
  });

  test('an info card is not wrapped and has no actions when it has no buttons', () => {
    const card = renderCard({ sections: [{ type: 'text', text: 'Hej' }], summary: 'Hej' });
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Hej', wrap: true }]);
    expect(card.actions).toBeUndefined();
  });

  test('a form becomes inputs with labels, limits and a submit Action.Execute carrying the state', () => {
    const card = renderForm(reportForm('7'), translator('en'));
    const inputs = card.body.filter((e) => String(e.type).startsWith('Input.'));
    expect(inputs).toEqual([
      { type: 'Input.Text', id: 'summary', label: 'Sammanfattning', isRequired: true, errorMessage: 'This field is required.', isMultiline: true, maxLength: 2000 },
      { type: 'Input.Number', id: 'participants', label: 'Antal deltagare', isRequired: false },
      { type: 'Input.Date', id: 'date', label: 'Datum', isRequired: false, value: '2026-10-15' },
      {
        type: 'Input.ChoiceSet',
        id: 'outcome',
        label: 'Resultat',
        isRequired: false,
        style: 'compact',
        placeholder: 'Choose…',
        choices: [
          { title: 'Bra', value: 'good' },
          { title: 'Blandat', value: 'mixed' },
        ],
      },
    ]);
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Skicka rapport', verb: 'report.submit', data: { state: '{"visit":"7"}' }, style: 'positive', fallback: { type: 'Action.Submit', title: 'Skicka rapport', data: { state: '{"visit":"7"}', samverkanVerb: 'report.submit' }, style: 'positive' } }]);
  });
});

describe('message text', () => {
  const serviceUrl = 'http://127.0.0.1:1/';

  test('the bot mention goes, other mentions become <@id|Name>, entities are decoded', () => {
    const { bertil } = testUsers;
    const activity = messageActivity({
      serviceUrl,
      place: 'channel',
      text: `deadline add &quot;Möte &amp; middag&quot; 15&nbsp;okt owner=<at>${bertil.name}</at>&#160;`,
      mentions: [bertil],
    });
    expect(commandText(activity)).toBe(`deadline add "Möte & middag" 15 okt owner=<@${bertil.id}|${bertil.name}>`);
  });

  test('a person mentioned by each part of the name is one mention', () => {
    const activity = {
      text: '<at>Samverkan</at> deadline add "X" 2026-11-01 owner=<at>Bertil</at> <at>Berg</at>',
      recipient: { id: '28:bot', name: 'Samverkan' },
      entities: [
        { type: 'mention', text: '<at>Samverkan</at>', mentioned: { id: '28:bot', name: 'Samverkan' } },
        { type: 'mention', text: '<at>Bertil</at>', mentioned: { id: '29:b', name: 'Bertil Berg' } },
        { type: 'mention', text: '<at>Berg</at>', mentioned: { id: '29:b', name: 'Bertil Berg' } },
      ],
    };
    expect(commandText(activity)).toBe('deadline add "X" 2026-11-01 owner=<@29:b|Bertil Berg>');
  });

  test('formatting tags from rich text are dropped, typed angle brackets stay', () => {
    const activity = { text: '<p>help &lt;command&gt;</p>', recipient: { id: '28:bot', name: 'Samverkan' } };
    expect(commandText(activity)).toBe('help <command>');
  });

  test('decodeEntities leaves unknown entities alone', () => {
    expect(decodeEntities('&foo; &#x41; &#246;')).toBe('&foo; A ö');
  });

  test('a channel conversation is named by its channel, not the thread', () => {
    const activity = messageActivity({ serviceUrl, place: 'channel', text: 'x' });
    expect((activity.conversation as { id: string }).id).toContain(';messageid=');
    expect(conversationIdOf(activity)).toBe(TEST_CHANNEL_ID);
  });
});

describe('teamsText', () => {
  test('what Teams would take for a tag is shown in guillemets; other text is left alone', () => {
    expect(teamsText('frist skjut <id> <n>d')).toBe('frist skjut ‹id› ‹n›d');
    expect(teamsText('besök ny <samarbete> <ut|in> <från-datum>')).toBe('besök ny ‹samarbete› ‹ut|in› ‹från-datum›');
    expect(teamsText('a <b and </i')).toBe('a ‹b and ‹/i');
    expect(teamsText('3 < 5 and 5 > 3, A & B')).toBe('3 < 5 and 5 > 3, A & B');
  });

  test('a filed report’s label is a bold block of its own and line breaks survive', () => {
    const card = renderCard({ sections: [{ type: 'text', text: 'Syfte', role: 'label' }, { type: 'text', text: 'Rad ett\nRad två' }], summary: '' });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Syfte', wrap: true, weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: 'Rad ett\n\nRad två', wrap: true },
    ]);
  });
});
