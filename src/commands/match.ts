import type { MessageKey } from '../i18n/index.ts';
import { matchChoice } from './choices.ts';
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
  return matchLeadingChoice(tokens) ?? matchInOrder(tokens);
}

/**
 * Swedish puts the scope or filter word before or after the noun (`mina frister`, `frister
 * mina`; `kommande besök`, `besök kommande`). For every command whose first positional is an
 * optional choice, a leading word of that choice followed by the command's words is read as
 * the command with that word first among its arguments.
 */
function matchLeadingChoice(tokens: readonly Token[]): CommandMatch | undefined {
  const [first, ...after] = tokens;
  const word = wordOf(first);
  if (!first || word === undefined) return undefined;
  for (const { spec, words } of phrases) {
    const leading = spec.positionals[0];
    if (!leading?.optional || leading.value.type !== 'choice') continue;
    if (matchChoice(leading.value.choice, word) === undefined) continue;
    if (!words.every((w, i) => wordOf(after[i]) === w)) continue;
    const rest = after.slice(words.length);
    // `mina frister ny …` is no command; leave it to the ordinary match to explain.
    const inOrder = matchInOrder(after);
    if (inOrder.ok && inOrder.spec !== spec) continue;
    return { ok: true, spec, rest: [first, ...rest] };
  }
  return undefined;
}

function matchInOrder(tokens: readonly Token[]): CommandMatch {
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
