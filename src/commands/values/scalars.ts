import type { PersonRef } from '../../core/actor.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { textProblem } from '../../core/text.ts';
import { countryCodes } from './countries.ts';
import type { IdKind } from '../spec-types.ts';

/** A value read, or what was wrong with it: a catalog code and its parameters (without the usage line). */
export type ValueResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: MessageKey; readonly params: Record<string, string | number> };

const valid = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const invalid = (code: MessageKey, value: string, params: Record<string, string | number> = {}): ValueResult<never> => ({
  ok: false,
  code,
  params: { value, ...params },
});

export const idLetters: Readonly<Record<IdKind, string>> = {
  engagement: 'E',
  deadline: 'D',
  call: 'C',
  application: 'A',
  visit: 'V',
};
const idLabels: Readonly<Record<IdKind, MessageKey>> = {
  engagement: 'cmd.id.engagement',
  deadline: 'cmd.id.deadline',
  call: 'cmd.id.call',
  application: 'cmd.id.application',
  visit: 'cmd.id.visit',
};
const idExamples: Readonly<Record<IdKind, string>> = { engagement: 'E12', deadline: 'D34', call: 'C3', application: 'A5', visit: 'V7' };

/** `E12`, `e12` or `12` where an engagement id is expected; `D12` there is a clear mistake. */
export function parseId(word: string, kind: IdKind, t: Translate): ValueResult<number> {
  const m = /^([A-Za-z])?0*(\d{1,9})$/.exec(word);
  const wanted = { what: t(idLabels[kind]), example: idExamples[kind] };
  if (!m || Number(m[2]) === 0) return invalid('parse.badId', word, wanted);
  const letter = m[1]?.toUpperCase();
  if (letter !== undefined && letter !== idLetters[kind]) {
    const other = (Object.keys(idLetters) as IdKind[]).find((k) => idLetters[k] === letter);
    if (!other) return invalid('parse.badId', word, wanted);
    return invalid('parse.wrongIdKind', word, { ...wanted, got: t(idLabels[other]) });
  }
  return valid(Number(m[2]));
}

export function parseText(text: string): ValueResult<string> {
  const value = text.trim();
  if (value === '') return invalid('parse.emptyText', text);
  // The same limits as the forms' text fields, so a command cannot store what a form refuses.
  const problem = textProblem(value);
  return problem ? { ok: false, code: problem.code, params: problem.params } : valid(value);
}

/** Committee ids are lower case in the configuration, so `KFN` (as a spreadsheet or a person may write it) is `kfn`. */
export function parseCommittee(word: string): ValueResult<string> {
  return /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(word) ? valid(word.toLowerCase()) : invalid('parse.badCommittee', word);
}

export function parseCountry(word: string): ValueResult<string> {
  const code = word.toUpperCase();
  return countryCodes.has(code) ? valid(code) : invalid('parse.badCountry', word);
}

/** Whole kronor: `250000`, `250000kr`, `"250 000 kr"`, `250000 SEK`. */
export function parseAmount(text: string): ValueResult<number> {
  const m = /^(\d{1,3}(?: \d{3})+|\d+) ?(?:kr|sek|:-)?$/i.exec(text);
  const amount = m ? Number((m[1] as string).replace(/ /g, '')) : NaN;
  return Number.isSafeInteger(amount) && amount > 0 ? valid(amount) : invalid('parse.badAmount', text);
}

/** Days before a deadline: `30,14,7,1`, each 1–365, duplicates dropped, latest reminder last. */
export function parseRemind(text: string): ValueResult<number[]> {
  const parts = text.replace(/ /g, '').split(',');
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return invalid('parse.badRemind', text);
  const days = parts.map(Number);
  if (days.some((d) => d < 1 || d > 365)) return invalid('parse.badRemind', text);
  return valid([...new Set(days)].sort((a, b) => b - a));
}

/** `3d`, `3`, `3 dagar`: 1–90 days. */
export function parseSnooze(text: string): ValueResult<number> {
  const m = /^(\d{1,3}) ?(?:d|dag|dagar|day|days)?$/i.exec(text);
  const days = m ? Number(m[1]) : NaN;
  return days >= 1 && days <= 90 ? valid(days) : invalid('parse.badSnooze', text);
}

/** True for a word that is the unit after a bare number of days (`3 dagar`). */
export function isDayUnit(word: string | undefined): boolean {
  return word !== undefined && /^(?:d|dag|dagar|day|days)$/i.test(word);
}

/** An http(s) address; Slack's `<https://…|label>` link form is unwrapped. */
export function parseUrl(text: string): ValueResult<string> {
  const unwrapped = /^<(https?:[^|>]+)(?:\|[^>]*)?>$/i.exec(text)?.[1] ?? text;
  let url: URL;
  try {
    url = new URL(unwrapped);
  } catch {
    return invalid('parse.badUrl', text);
  }
  const web = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  return web ? valid(unwrapped) : invalid('parse.badUrl', text);
}

export function parseCount(text: string): ValueResult<number> {
  const n = /^\d{1,6}$/.test(text) ? Number(text) : 0;
  return n > 0 ? valid(n) : invalid('parse.badCount', text);
}

export function parseYear(text: string): ValueResult<number> {
  const n = /^\d{4}$/.test(text) ? Number(text) : 0;
  return n >= 2000 && n <= 2100 ? valid(n) : invalid('parse.badYear', text);
}

const mention = /^<@([\w][\w:.-]*)(?:\|([^>]*))?>$/;
const mailto = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i;
const email = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:.]{2,}$/;
const name = /^@([^\s@<>][^@<>]*)$/;

/** A Slack or Teams mention `<@U123|Anna>`, an e-mail address, or `@name`. */
export function parsePerson(text: string): ValueResult<PersonRef> {
  const m = mention.exec(text);
  if (m) {
    const label = m[2]?.trim();
    return valid(label ? { kind: 'mention', userId: m[1] as string, label } : { kind: 'mention', userId: m[1] as string });
  }
  const address = mailto.exec(text)?.[1] ?? text;
  if (email.test(address)) return valid({ kind: 'email', email: address.toLowerCase() });
  if (address.includes('@') && !address.startsWith('@')) return invalid('parse.badEmail', text);
  const n = name.exec(text);
  if (n) return valid({ kind: 'name', name: (n[1] as string).trim() });
  return invalid('parse.badPerson', text);
}
