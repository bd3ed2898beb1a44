import type { Card } from '../core/card.ts';
import { commandNames, type CommandName } from '../core/command.ts';
import { errorReply, privateCard } from '../core/reply.ts';
import type { Router } from '../core/router.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import { matchCommand } from './match.ts';
import { helpKey, type CommandSpec } from './spec-types.ts';
import { commandSpecs, specFor } from './specs.ts';
import { tokenize } from './tokenize.ts';

/** Registers `help` / `hjälp`: every command at a glance, or one command in detail. */
export function registerHelp(router: Router): void {
  router.command('help', async (args, ctx) => {
    if (!args.topic) return privateCard(helpListCard(ctx.t));
    const spec = findTopic(args.topic);
    if (!spec) return errorReply({ code: 'parse.unknownTopic', params: { topic: args.topic } });
    return privateCard(helpCommandCard(spec, ctx.t, ctx.locale));
  });
}

/** The topic as the parser stores it (`deadline.add`), or as typed (`frist ny`). */
export function findTopic(topic: string): CommandSpec | undefined {
  if ((commandNames as readonly string[]).includes(topic)) return specFor(topic as CommandName);
  const match = matchCommand(tokenize(topic).tokens);
  return match.ok && match.rest.length === 0 ? match.spec : undefined;
}

export function helpListCard(t: Translate): Card {
  return {
    title: t('help.list.title'),
    sections: [
      { type: 'list', items: commandSpecs.map((s) => t('help.list.item', { usage: t(helpKey(s.name, 'usage')), summary: t(helpKey(s.name, 'summary')) })) },
      { type: 'text', text: t('help.list.footer') },
    ],
    summary: t('help.list.summary'),
  };
}

export function helpCommandCard(spec: CommandSpec, t: Translate, locale: Locale): Card {
  const own = locale === 'sv' ? spec.words.sv : spec.words.en;
  const other = locale === 'sv' ? spec.words.en : spec.words.sv;
  const usage = t(helpKey(spec.name, 'usage'));
  return {
    title: t('help.detail.title', { command: own.join(' ') }),
    sections: [
      { type: 'text', text: t(helpKey(spec.name, 'summary')) },
      {
        type: 'facts',
        facts: [
          { label: t('help.detail.usage'), value: usage },
          { label: t('help.detail.example'), value: t(helpKey(spec.name, 'example')) },
          { label: t('help.detail.alias'), value: other.join(' ') },
        ],
      },
      { type: 'text', text: t(helpKey(spec.name, 'description')) },
    ],
    summary: usage,
  };
}
