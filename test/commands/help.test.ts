import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { commandSpecs, helpKey, parseCommand, registerHelp } from '../../src/commands/index.ts';
import type { Card } from '../../src/core/card.ts';
import { commandNames, type RequestContext } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { Router } from '../../src/core/router.ts';
import { locales, translator, type Locale } from '../../src/i18n/index.ts';
import { today } from './support.ts';

function helpHandler() {
  const router = new Router();
  registerHelp(router);
  const handler = router.commandHandler('help');
  if (!handler) throw new Error('help is not registered');
  return handler;
}

function context(locale: Locale): RequestContext {
  return {
    actor: { platform: 'slack', tenantId: 'T1', userId: 'U1' },
    conversation: { kind: 'user', platform: 'slack', userId: 'U1' },
    isDirect: true,
    locale,
    t: translator(locale),
    now: DateTime.fromISO('2026-03-10T09:00:00Z'),
  };
}

/** Everything a person reads on the card. */
function cardText(reply: Reply): string {
  if (reply.kind !== 'card') throw new Error(`expected a card, got ${reply.kind}`);
  const card: Card = reply.card;
  const parts = [card.title ?? '', card.summary];
  for (const section of card.sections) {
    if (section.type === 'text') parts.push(section.text);
    if (section.type === 'list') parts.push(...section.items);
    if (section.type === 'facts') parts.push(...section.facts.flatMap((f) => [f.label, f.value]));
  }
  return parts.join('\n');
}

const help = (topic: string | undefined, locale: Locale) => helpHandler()(topic === undefined ? {} : { topic }, context(locale));

describe('help', () => {
  it('covers every command there is', () => {
    expect(commandSpecs.map((s) => s.name).sort()).toStrictEqual([...commandNames].sort());
  });

  it.each(locales)('lists every command with its usage and summary (%s)', async (locale) => {
    const t = translator(locale);
    const reply = await help(undefined, locale);
    expect(reply).toMatchObject({ kind: 'card', visibility: 'private' });
    const text = cardText(reply);
    for (const spec of commandSpecs) {
      expect(text).toContain(`${t(helpKey(spec.name, 'usage'))} — ${t(helpKey(spec.name, 'summary'))}`);
    }
  });

  it('lists in Swedish words and syntax', async () => {
    const text = cardText(await help(undefined, 'sv'));
    expect(text).toContain('frist ny "<titel>" <datum> [<tid>] [samarbete=<id>] [ägare=<person>] [påminn=30,14,7,1] — Lägger till en frist med påminnelser.');
    expect(text).toContain('Skriv hjälp <kommando> för syntax och exempel');
  });

  describe.each(locales)('one command (%s)', (locale) => {
    const t = translator(locale);
    it.each(commandSpecs.map((s) => [s.name, s] as const))('%s shows its syntax, description and example', async (name, spec) => {
      const text = cardText(await help(name, locale));
      expect(text).toContain(t(helpKey(name, 'usage')));
      expect(text).toContain(t(helpKey(name, 'example')));
      expect(text).toContain(t(helpKey(name, 'description')));
      // The other language's words are shown too, since both work.
      expect(text).toContain((locale === 'sv' ? spec.words.en : spec.words.sv).join(' '));
    });
  });

  it('finds a topic by its words in either language', async () => {
    for (const typed of ['deadline add', 'frist ny', 'frist NY', 'hjalp']) {
      const topic = parseCommand(`help ${typed}`, today);
      expect(topic.ok).toBe(true);
      if (!topic.ok) continue;
      expect(topic.value.name).toBe('help');
      const reply = await help((topic.value.args as { topic: string }).topic, 'sv');
      expect(reply.kind).toBe('card');
    }
    expect(cardText(await help('frist ny', 'sv'))).toContain('Hjälp: frist ny');
    expect(cardText(await help('deadline.add', 'en'))).toContain('Help: deadline add');
  });

  it('answers an unknown topic with an error that points to the list', async () => {
    const reply = await help('flyg', 'sv');
    expect(reply.kind).toBe('error');
    if (reply.kind !== 'error') return;
    expect(translator('sv')(reply.error.code, reply.error.params)).toBe(
      'Det finns ingen hjälp om ”flyg”. Skriv hjälp för att se alla kommandon.',
    );
  });
});

describe('help texts agree with the grammar', () => {
  describe.each(locales)('%s', (locale) => {
    const t = translator(locale);
    it.each(commandSpecs.map((s) => [s.name, s] as const))('the example of %s parses as that command', (name, spec) => {
      const example = t(helpKey(name, 'example'));
      const result = parseCommand(example, today, locale);
      if (!result.ok) throw new Error(`${example}: ${t(result.error.code, result.error.params)}`);
      expect(result.value.name).toBe(name);
      // Examples show real arguments, not the form.
      if (spec.positionals.length + spec.keys.length > 0) expect(result.value.args).not.toHaveProperty('form');
    });

    it.each(commandSpecs.map((s) => [s.name, s] as const))('the usage of %s names its words, keys and flags', (name, spec) => {
      const usage = t(helpKey(name, 'usage'));
      const words = locale === 'sv' ? spec.words.sv : spec.words.en;
      expect(usage.startsWith(`${words.join(' ')}`)).toBe(true);
      const keysInUsage = [...usage.matchAll(/([\p{L}]+)=/gu)].map((m) => m[1]);
      expect(keysInUsage).toStrictEqual(spec.keys.map((k) => (locale === 'sv' ? k.sv : k.en)));
      for (const flag of spec.flags) expect(usage).toContain(`[${locale === 'sv' ? flag.sv : flag.en}]`);
    });
  });
});
