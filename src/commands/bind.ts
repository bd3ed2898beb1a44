import type { Command, LocalDate } from '../core/command.ts';
import { fail, ok, type Result } from '../core/errors.ts';
import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import { fold } from './fold.ts';
import type { CommandSpec, FlagSpec, KeySpec, PositionalSpec } from './spec-types.ts';
import type { Token } from './tokenize.ts';
import { readPositional, readValue } from './read-value.ts';
import { resolveDate, type PartialDate } from './values/dates.ts';

export interface BindContext {
  readonly today: LocalDate;
  readonly locale: Locale;
  readonly t: Translate;
  /** The command's usage line in the reply language, appended to every error. */
  readonly usage: string;
}

type Word = Extract<Token, { kind: 'word' }>;

/** Binds the tokens after the command words to the command's arguments. */
export function bindArgs(spec: CommandSpec, tokens: readonly Token[], cx: BindContext): Result<Command> {
  const failWith = (code: MessageKey, params: Record<string, string | number> = {}) =>
    fail(code, { ...params, usage: cx.usage });
  const args: Record<string, unknown> = {};
  const dates = new Map<string, PartialDate>();
  const words: Word[] = [];

  for (const token of tokens) {
    if (token.kind === 'pair') {
      const key = findByName(spec.keys, token.key);
      if (!key) {
        const flag = findByName(spec.flags, token.key);
        return failWith(flag ? 'parse.flagValue' : 'parse.unknownKey', { key: token.key });
      }
      if (key.arg in args || dates.has(key.arg)) return failWith('parse.duplicateKey', { key: token.key });
      if (token.value === '') return failWith('parse.emptyValue', { key: token.key });
      const read = readValue(key.value, token.value, cx);
      if (!read.ok) return failWith(read.code, read.params);
      if (key.value.type === 'date') dates.set(key.arg, read.value as PartialDate);
      else args[key.arg] = read.value;
      continue;
    }
    const flag = token.quoted ? undefined : findByName(spec.flags, token.text);
    if (flag) {
      if (flag.arg in args) return failWith('parse.duplicateKey', { key: token.text });
      args[flag.arg] = true;
      continue;
    }
    words.push(token);
  }

  let at = 0;
  let unquotedTextJustBefore = false;
  let unquotedText = false;
  for (const param of spec.positionals) {
    if (at >= words.length) {
      if (param.optional) continue;
      return failWith('parse.missingArgument', { what: cx.t(param.label) });
    }
    const read = readPositional(param, words, at, cx);
    if (read.kind === 'skip') continue;
    if (read.kind === 'error') {
      // `frist ny Slutrapport Erasmus 15 okt`: the real mistake is the missing quotes, not the date.
      const word = words[at]?.text ?? '';
      if (unquotedTextJustBefore && !/\d/.test(word)) return failWith('parse.tooManyText', { extra: word });
      return failWith(read.code, read.params);
    }
    unquotedTextJustBefore = param.value.type === 'text' && !words[at]?.quoted;
    unquotedText ||= unquotedTextJustBefore;
    if (param.value.type === 'date') dates.set(param.arg, read.value as PartialDate);
    else args[param.arg] = read.value;
    at = read.next;
  }
  const extra = words[at];
  if (extra) return failWith(unquotedText ? 'parse.tooManyText' : 'parse.tooMany', { extra: extra.text });

  const missingKey = spec.keys.find((k) => k.required && !(k.arg in args) && !dates.has(k.arg));
  if (missingKey) return failWith('parse.missingKey', { key: cx.locale === 'sv' ? missingKey.sv : missingKey.en });

  // Dates are resolved last, in table order, so a to-date without a year follows its from-date.
  for (const param of [...spec.positionals, ...spec.keys] as (PositionalSpec | KeySpec)[]) {
    const partial = dates.get(param.arg);
    if (!partial || param.value.type !== 'date') continue;
    const after = param.value.after ? (args[param.value.after] as LocalDate | undefined) : undefined;
    const date = resolveDate(partial, after ?? cx.today);
    if (after !== undefined && date < after) return failWith('parse.dateOrder', { from: after, to: date });
    args[param.arg] = date;
  }

  for (const flag of spec.flags) args[flag.arg] ??= false;
  for (const [arg, value] of Object.entries(spec.defaults ?? {})) args[arg] ??= value;
  return ok({ name: spec.name, args } as Command);
}

function findByName<T extends KeySpec | FlagSpec>(list: readonly T[], typed: string): T | undefined {
  const wanted = fold(typed);
  return list.find((k) => fold(k.en) === wanted || fold(k.sv) === wanted);
}
