import { describe, expect, it } from 'vitest';
import { renderCard as slackCard } from '../../adapters/slack/render.ts';
import { renderCard as teamsCard, renderForm as teamsForm } from '../../adapters/teams/render.ts';
import { messageResponse } from '../../adapters/teams/reply.ts';
import { commandSpecs, helpCommandCard, helpListCard } from '../../src/commands/index.ts';
import { textCard, type Card, type Form } from '../../src/core/card.ts';
import { catalogFor, locales, translator, type MessageKey } from '../../src/i18n/index.ts';

/**
 * Every help and error text that shows syntax (`<id>`, `<MM-DD>`, `<ut|in>` …) must still show
 * it after a platform has rendered the card. The clients are modelled harshly: Teams drops
 * anything between angle brackets (it reads card text as HTML), Slack reads a raw `<…>` as a
 * link or mention and shows `&lt;` as `<`.
 */

const PLACEHOLDER = /<([^<>\n{}]+)>/g;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** What a Teams client shows of a string: tags, and whatever looks like one, are gone. */
const teamsShows = (text: string) => text.replace(/<[^<>]*>/g, '');
/** What Slack shows of mrkdwn: raw `<…>` becomes a link or mention, entities are decoded. */
const slackShows = (text: string) => text.replace(/<[^<>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A placeholder survives when its words are still there, in whatever brackets. */
function lost(source: string, shown: string): string[] {
  return [...source.matchAll(PLACEHOLDER)].map((m) => m[1] as string).filter((inner) => !shown.includes(inner));
}

function shownByTeams(card: Card): string {
  return strings(teamsCard(card)).map(teamsShows).join('\n');
}

/** Slack parses markup only in `mrkdwn` text objects (and the fallback `text`); `plain_text` shows as is. */
function slackStrings(value: unknown, mrkdwn: boolean, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(mrkdwn ? slackShows(value) : value);
  else if (Array.isArray(value)) value.forEach((v) => slackStrings(v, mrkdwn, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own = record.type === 'plain_text' ? false : record.type === 'mrkdwn' ? true : mrkdwn;
    Object.values(record).forEach((v) => slackStrings(v, own, out));
  }
  return out;
}

function shownBySlack(card: Card, t: ReturnType<typeof translator>): string {
  return slackStrings(slackCard(card, t), true).join('\n');
}

for (const locale of locales) {
  const t = translator(locale);
  const catalog = catalogFor(locale);
  const withSyntax = (Object.keys(catalog) as MessageKey[]).filter((key) => PLACEHOLDER.test(catalog[key].replace(/\{\w+\}/g, '')));

  describe(`placeholders in the ${locale} catalog survive both renderers`, () => {
    it('the catalog has texts with syntax placeholders to check', () => {
      expect(withSyntax.length).toBeGreaterThan(20);
      expect(withSyntax).toEqual(expect.arrayContaining(['help.deadline.add.usage', 'help.visit.add.usage', 'call.list.empty']));
    });

    it('the model of the clients loses a bare placeholder (the test can fail)', () => {
      expect(lost('frist skjut <id> <n>d', teamsShows('frist skjut <id> <n>d'))).toEqual(['id', 'n']);
    });

    it.each(withSyntax)('%s as card text, fact, list item, title and error', (key) => {
      // Parameters stay as `{name}`: what matters is the catalog's own syntax.
      const text = catalog[key];
      const card: Card = {
        title: text,
        sections: [
          { type: 'text', text },
          { type: 'facts', facts: [{ label: 'x', value: text }] },
          { type: 'list', items: [text] },
        ],
        context: text,
        summary: text,
      };
      for (const section of card.sections) {
        const one: Card = { sections: [section], summary: '' };
        expect(lost(text, shownByTeams(one)), `Teams ${section.type}`).toEqual([]);
        expect(lost(text, shownBySlack(one, t)), `Slack ${section.type}`).toEqual([]);
      }
      expect(lost(text, teamsShows(strings(teamsCard({ title: text, sections: [], summary: '' }).body).join('\n')))).toEqual([]);
      expect(lost(text, shownBySlack({ title: text, sections: [], summary: '' }, t))).toEqual([]);
      expect(lost(text, shownByTeams(textCard(text, 'error')))).toEqual([]);
      expect(lost(text, teamsShows(String(messageResponse(text).value)))).toEqual([]);
      const form: Form = { action: 'x', title: 'F', submitLabel: 'OK', state: '', fields: [{ id: 'a', label: 'A', kind: 'text' }], errors: { a: text } };
      expect(lost(text, strings(teamsForm(form, t)).map(teamsShows).join('\n'))).toEqual([]);
    });

    it.each(commandSpecs.map((s) => s.name))('the help card of %s', (name) => {
      const spec = commandSpecs.find((s) => s.name === name)!;
      const card = helpCommandCard(spec, t, locale);
      const source = strings(card).join('\n');
      expect(lost(source, shownByTeams(card))).toEqual([]);
      expect(lost(source, shownBySlack(card, t))).toEqual([]);
    });

    it('the list of all commands', () => {
      const card = helpListCard(t);
      const source = strings(card).join('\n');
      expect([...source.matchAll(PLACEHOLDER)].length).toBeGreaterThan(20);
      expect(lost(source, shownByTeams(card))).toEqual([]);
      expect(lost(source, shownBySlack(card, t))).toEqual([]);
    });
  });
}

describe('Teams shows a placeholder in guillemets', () => {
  it('keeps the words and the order of the hint', () => {
    const shown = shownByTeams(textCard('Skriv så här: frist skjut <id> <n>d'));
    expect(shown).toContain('frist skjut ‹id› ‹n›d');
  });
});
