import type { CommandName } from '../core/command.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { ChoiceSetName } from './choices.ts';

/** The kinds of record an id can name; each is shown with its own letter (E12, D34 …). */
export type IdKind = 'engagement' | 'deadline' | 'call' | 'application' | 'visit';

/** What a positional word or a `key=value` value must look like, and how it is read. */
export type ValueKind =
  | { readonly type: 'text' }
  /** `after` names an earlier date argument: a date without a year is the next one on or after it, and may not precede it. */
  | { readonly type: 'date'; readonly after?: string }
  | { readonly type: 'time' }
  | { readonly type: 'id'; readonly id: IdKind }
  | { readonly type: 'choice'; readonly choice: ChoiceSetName }
  | {
      readonly type:
        | 'committee'
        | 'country'
        | 'person'
        | 'amount'
        | 'remind'
        | 'snooze'
        | 'url'
        | 'count'
        | 'year'
        | 'monthDay'
        | 'topic';
    };

export interface PositionalSpec {
  /** The property of CommandArgs it fills. */
  readonly arg: string;
  readonly value: ValueKind;
  /** How a missing-argument error names it ("a date", "ett datum"). */
  readonly label: MessageKey;
  readonly optional?: boolean;
}

export interface KeySpec {
  readonly arg: string;
  readonly value: ValueKind;
  /** The key as written in English (canonical) and in Swedish; both are accepted everywhere. */
  readonly en: string;
  readonly sv: string;
  readonly required?: boolean;
}

/** A bare word that switches a boolean argument on (`yearly`, `prestudy`). */
export interface FlagSpec {
  readonly arg: string;
  readonly en: string;
  readonly sv: string;
}

export interface CommandSpec {
  readonly name: CommandName;
  /** The command words; English is canonical, Swedish an alias that works everywhere. */
  readonly words: { readonly en: readonly string[]; readonly sv: readonly string[] };
  readonly positionals: readonly PositionalSpec[];
  readonly keys: readonly KeySpec[];
  readonly flags: readonly FlagSpec[];
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** With no arguments at all the command opens a form instead (`{ form: true }`). */
  readonly form?: boolean;
}

export type HelpPart = 'summary' | 'usage' | 'example' | 'description';
type HelpKey = `help.${CommandName}.${HelpPart}`;

/**
 * The catalog key of one part of a command's help. The assignment below fails to compile when
 * a catalog lacks a key for some command, so help cannot silently miss one.
 */
export function helpKey(name: CommandName, part: HelpPart): MessageKey {
  const key: HelpKey = `help.${name}.${part}`;
  return key;
}
