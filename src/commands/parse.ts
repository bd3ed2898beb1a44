import type { Command, LocalDate } from '../core/command.ts';
import { fail, ok, type Result } from '../core/errors.ts';
import { translator, type Locale } from '../i18n/index.ts';
import { bindArgs } from './bind.ts';
import { matchCommand } from './match.ts';
import { helpKey } from './spec-types.ts';
import { tokenize, tokenText, type Token } from './tokenize.ts';

/**
 * Parses what a person typed after `/samverkan` (Slack) or to the bot (Teams) into a Command.
 *
 * `today` is the municipality's local date; a date typed without a year is the next such date
 * on or after it. `locale` is the language of the replies: errors carry the command's usage
 * line already rendered in it, since a BotError's parameters are plain text. Wire it as
 * `parse: (text, today) => parseCommand(text, today, settings.locale)`.
 */
export function parseCommand(text: string, today: LocalDate, locale: Locale = 'sv'): Result<Command> {
  const { tokens, unterminated } = tokenize(text);
  if (tokens.length === 0 && !unterminated) return ok({ name: 'help', args: {} });

  const match = matchCommand(tokens);
  if (!match.ok) return fail(match.code, match.params);
  const { spec, rest } = match;
  const t = translator(locale);
  const usage = t(helpKey(spec.name, 'usage'));
  if (unterminated) return fail('parse.unterminatedQuote', { usage });
  if (spec.form && rest.length === 0) return ok({ name: spec.name, args: { form: true } } as Command);
  if (spec.name === 'help') return parseHelpTopic(rest);
  return bindArgs(spec, rest, { today, locale, t, usage });
}

/** `help deadline add`, `hjälp frist ny`: the topic is stored as the command's name (`deadline.add`). */
function parseHelpTopic(rest: readonly Token[]): Result<Command> {
  if (rest.length === 0) return ok({ name: 'help', args: {} });
  const typed = rest.map(tokenText).join(' ');
  const match = matchCommand(rest);
  if (match.ok && match.rest.length === 0) return ok({ name: 'help', args: { topic: match.spec.name } });
  if (!match.ok && match.code === 'parse.incompleteCommand') return fail(match.code, match.params);
  return fail('parse.unknownTopic', { topic: typed });
}
