import type { MessageKey } from '../i18n/index.ts';
import { fold } from './fold.ts';
import type { CommandSpec } from './spec-types.ts';
import { commandSpecs } from './specs.ts';
import type { Token } from './tokenize.ts';

export type CommandMatch =
  | { readonly ok: true; readonly spec: CommandSpec; readonly rest: readonly Token[] }
  | { readonly ok: false; readonly code: MessageKey; readonly params: Record<string, string> };

/** A token as a command word compares: folded, or undefined when it cannot be one. */
function wordOf(token: Token | undefined): string | undefined {
  return token?.kind === 'word' && !token.quoted ? fold(token.text) : undefined;
}

/** Every command's words in both languages, folded once rather than on every command typed. */
const phrases = commandSpecs.flatMap((spec) =>
  [spec.words.en, spec.words.sv].map((words) => ({ spec, words: words.map(fold), shown: words.join(' ') })),
);
const longestPhrase = Math.max(...phrases.map((p) => p.words.length));

/**
 * Finds the command the leading words name, in English or Swedish. The longest match wins, so
 * `engagement add …` is the add command while `engagement E12` shows an engagement.
 */
export function matchCommand(tokens: readonly Token[]): CommandMatch {
  const typedWords = tokens.slice(0, longestPhrase).map(wordOf);
  let best: { spec: CommandSpec; length: number } | undefined;
  for (const { spec, words } of phrases) {
    const hit = words.every((w, i) => typedWords[i] === w);
    if (hit && (!best || words.length > best.length)) best = { spec, length: words.length };
  }
  if (best) return { ok: true, spec: best.spec, rest: tokens.slice(best.length) };

  const first = tokens[0];
  const typed = first?.kind === 'word' ? first.text : first ? `${first.key}=${first.value}` : '';
  // `frist` alone or `frist foo`: offer that family's commands in the language typed.
  const family = phrases.filter(({ words }) => words.length > 1 && words[0] === typedWords[0]).map((p) => p.shown);
  if (family.length > 0) return { ok: false, code: 'parse.incompleteCommand', params: { command: typed, options: family.join(', ') } };
  return { ok: false, code: 'parse.unknownCommand', params: { command: typed } };
}
