import { engagementStatuses, engagementTypes } from '../core/command.ts';
import { catalogFor, locales, type Locale, type MessageKey } from '../i18n/index.ts';
import { foldLoose } from './fold.ts';

/** One accepted value: the canonical English value, its Swedish word, and any other spellings. */
export interface ChoiceOption {
  readonly value: string;
  readonly sv: string;
  readonly also?: readonly string[];
}

export interface ChoiceSet {
  /** How errors name the set ("an engagement type", "en samarbetstyp"). */
  readonly label: MessageKey;
  readonly options: readonly ChoiceOption[];
  /** The catalog key under which cards show a value (`engagement.status.closed` → "avslutat"); such words are accepted too. */
  readonly shown?: (value: string) => MessageKey;
}

const typeSv: Record<(typeof engagementTypes)[number], string> = {
  'twin-town': 'vänort',
  partnership: 'partnerskap',
  'eu-project': 'eu-projekt',
  nordplus: 'nordplus',
  school: 'skola',
  'culture-sport': 'kultur-idrott',
  business: 'näringsliv',
  network: 'nätverk',
  'study-visit': 'studiebesök',
  other: 'annat',
};

const statusSv: Record<(typeof engagementStatuses)[number], string> = {
  idea: 'idé',
  'pre-study': 'förstudie',
  application: 'ansökan',
  running: 'pågående',
  reporting: 'rapportering',
  closed: 'avslutad',
  terminated: 'avbruten',
};

export const choiceSets = {
  type: {
    label: 'cmd.choice.type',
    options: engagementTypes.map((value) => ({ value, sv: typeSv[value] })),
    shown: (value) => `engagement.type.${value}` as MessageKey,
  },
  status: {
    label: 'cmd.choice.status',
    options: engagementStatuses.map((value) => ({ value, sv: statusSv[value] })),
    shown: (value) => `engagement.status.${value}` as MessageKey,
  },
  scope: {
    label: 'cmd.choice.scope',
    options: [
      { value: 'mine', sv: 'mina', also: ['mitt'] },
      { value: 'all', sv: 'alla' },
    ],
  },
  direction: {
    label: 'cmd.choice.direction',
    options: [
      { value: 'out', sv: 'ut' },
      { value: 'in', sv: 'in' },
    ],
  },
  filter: {
    label: 'cmd.choice.filter',
    options: [
      { value: 'upcoming', sv: 'kommande' },
      { value: 'reports-due', sv: 'rapporter-saknas' },
    ],
  },
} as const satisfies Record<string, ChoiceSet>;

export type ChoiceSetName = keyof typeof choiceSets;

/** The canonical value a typed word names, in English or Swedish, with or without å, ä, ö and hyphens. */
export function matchChoice(set: ChoiceSetName, word: string): string | undefined {
  const wanted = foldLoose(word);
  const choices: ChoiceSet = choiceSets[set];
  const shownAs = (value: string) => (choices.shown ? locales.map((l) => catalogFor(l)[choices.shown!(value)]) : []);
  const found = choices.options.find((o) => [o.value, o.sv, ...(o.also ?? []), ...shownAs(o.value)].some((w) => foldLoose(w) === wanted));
  return found?.value;
}

/** The values of a set as a reader of that language writes them. */
export function choiceWords(set: ChoiceSetName, locale: Locale): string[] {
  const options: readonly ChoiceOption[] = choiceSets[set].options;
  return options.map((o) => (locale === 'sv' ? o.sv : o.value));
}
