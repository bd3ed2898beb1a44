import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import { choiceSets, choiceWords, matchChoice, type ChoiceSetName } from './choices.ts';
import type { PositionalSpec, ValueKind } from './spec-types.ts';
import type { Token } from './tokenize.ts';
import { looksLikeTime, parseDateText, parseMonthDay, parseTime, readDate, type DateRead } from './values/dates.ts';
import {
  isDayUnit,
  parseAmount,
  parseCommittee,
  parseCount,
  parseCountry,
  parseId,
  parsePerson,
  parseRemind,
  parseSnooze,
  parseText,
  parseUrl,
  parseYear,
  type ValueResult,
} from './values/scalars.ts';

interface ValueContext {
  readonly t: Translate;
  readonly locale: Locale;
}

type Word = Extract<Token, { kind: 'word' }>;

export type PositionalRead =
  | { readonly kind: 'value'; readonly value: unknown; readonly next: number }
  /** An optional argument that is not there; the word is left for what follows. */
  | { readonly kind: 'skip' }
  | { readonly kind: 'error'; readonly code: MessageKey; readonly params: Record<string, string | number> };

/** Reads one value from a single string: a `key=value` value or one positional word. */
export function readValue(kind: ValueKind, text: string, cx: ValueContext): ValueResult<unknown> {
  switch (kind.type) {
    case 'text':
    case 'topic':
      return parseText(text);
    case 'date':
      return fromDateRead(parseDateText(text));
    case 'time': {
      const time = parseTime(text);
      return time ? { ok: true, value: time } : { ok: false, code: 'parse.badTime', params: { value: text } };
    }
    case 'monthDay': {
      const day = parseMonthDay(text);
      return day ? { ok: true, value: day } : { ok: false, code: 'parse.badMonthDay', params: { value: text } };
    }
    case 'id':
      return parseId(text, kind.id, cx.t);
    case 'choice':
      return readChoice(kind.choice, text, cx);
    case 'committee':
      return parseCommittee(text);
    case 'country':
      return parseCountry(text);
    case 'person':
      return parsePerson(text);
    case 'amount':
      return parseAmount(text);
    case 'remind':
      return parseRemind(text);
    case 'snooze':
      return parseSnooze(text);
    case 'url':
      return parseUrl(text);
    case 'count':
      return parseCount(text);
    case 'year':
      return parseYear(text);
  }
}

/**
 * Reads a positional argument starting at words[at]. Most take one word; an unquoted date takes
 * as many as it needs (`15 okt 2026`), `3 dagar` takes two, a help topic takes the rest.
 */
export function readPositional(param: PositionalSpec, words: readonly Word[], at: number, cx: ValueContext): PositionalRead {
  const word = words[at] as Word;
  const kind = param.value;
  if (kind.type === 'time' && (word.quoted || !looksLikeTime(word.text))) return { kind: 'skip' };
  if (kind.type === 'date' && !word.quoted) {
    const read = readDate(
      words.map((w) => (w.quoted ? '' : w.text)),
      at,
    );
    return read.ok ? { kind: 'value', value: read.date, next: read.next } : asError(fromDateRead(read));
  }
  if (kind.type === 'snooze' && !word.quoted && isDayUnit(words[at + 1]?.text)) {
    return asValue(readValue(kind, `${word.text} ${words[at + 1]?.text}`, cx), at + 2);
  }
  if (kind.type === 'topic') {
    return { kind: 'value', value: words.slice(at).map((w) => w.text).join(' '), next: words.length };
  }
  return asValue(readValue(kind, word.text, cx), at + 1);
}

function asValue(read: ValueResult<unknown>, next: number): PositionalRead {
  return read.ok ? { kind: 'value', value: read.value, next } : asError(read);
}

function asError(read: ValueResult<unknown>): PositionalRead {
  if (read.ok) throw new Error('asError on a value');
  return { kind: 'error', code: read.code, params: read.params };
}

function fromDateRead(read: DateRead): ValueResult<unknown> {
  return read.ok ? { ok: true, value: read.date } : { ok: false, code: read.code, params: { value: read.value } };
}

function readChoice(set: ChoiceSetName, text: string, cx: ValueContext): ValueResult<string> {
  const value = matchChoice(set, text);
  if (value !== undefined) return { ok: true, value };
  const what = cx.t(choiceSets[set].label);
  return { ok: false, code: 'parse.badChoice', params: { value: text, what, choices: choiceWords(set, cx.locale).join(', ') } };
}
