import type { MessageKey } from '../i18n/index.ts';
import { fold } from './fold.ts';
import type { CommandSpec } from './spec-types.ts';
import { commandSpecs } from './specs.ts';
import type { Token } from './tokenize.ts';

export type CommandMatch =
  | { readonly ok: true; readonly spec: CommandSpec; readonly rest: readonly Token[] }
  | { readonly ok: false; readonly code: MessageKey; readonly params: Record<string, string> };

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && !token.quoted && fold(token.text) === fold(word);
}

/**
 * Finds the command the leading words name, in English or Swedish. The longest match wins, so
 * `engagement add …` is the add command while `engagement E12` shows an engagement.
 */
export function matchCommand(tokens: readonly Token[]): CommandMatch {
  let best: { spec: CommandSpec; length: number } | undefined;
  for (const spec of commandSpecs) {
    for (const words of [spec.words.en, spec.words.sv]) {
      const hit = words.every((w, i) => isWord(tokens[i], w));
      if (hit && (!best || words.length > best.length)) best = { spec, length: words.length };
    }
  }
  if (best) return { ok: true, spec: best.spec, rest: tokens.slice(best.length) };

  const first = tokens[0];
  const typed = first?.kind === 'word' ? first.text : first ? `${first.key}=${first.value}` : '';
  // `frist` alone or `frist foo`: offer that family's commands in the language typed.
  const family = commandSpecs
    .flatMap((s) => [s.words.en, s.words.sv])
    .filter((words) => words.length > 1 && isWord(first, words[0] as string))
    .map((words) => words.join(' '));
  if (family.length > 0) return { ok: false, code: 'parse.incompleteCommand', params: { command: typed, options: family.join(', ') } };
  return { ok: false, code: 'parse.unknownCommand', params: { command: typed } };
}
