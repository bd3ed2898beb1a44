/**
 * The Swedish and English message catalogs. Each area keeps its messages in `en/<area>.ts` and
 * `sv/<area>.ts`; the Swedish catalog must have every key the English one has (checked by tsc).
 * Templates use `{name}` placeholders.
 */
import { common as enCommon } from './en/common.ts';
import { errors as enErrors } from './en/errors.ts';
import { commands as enCommands } from './en/commands.ts';
import { deadlines as enDeadlines } from './en/deadlines.ts';
import { calls as enCalls } from './en/calls.ts';
import { engagements as enEngagements } from './en/engagements.ts';
import { scheduler as enScheduler } from './en/scheduler.ts';
import { slack as enSlack } from './en/slack.ts';
import { teams as enTeams } from './en/teams.ts';
import { reporting as enReporting } from './en/reporting.ts';
import { visits as enVisits } from './en/visits.ts';
import { approvals as enApprovals } from './en/approvals.ts';
import { register as enRegister } from './en/register.ts';
import { common as svCommon } from './sv/common.ts';
import { errors as svErrors } from './sv/errors.ts';
import { commands as svCommands } from './sv/commands.ts';
import { deadlines as svDeadlines } from './sv/deadlines.ts';
import { calls as svCalls } from './sv/calls.ts';
import { engagements as svEngagements } from './sv/engagements.ts';
import { scheduler as svScheduler } from './sv/scheduler.ts';
import { slack as svSlack } from './sv/slack.ts';
import { teams as svTeams } from './sv/teams.ts';
import { reporting as svReporting } from './sv/reporting.ts';
import { visits as svVisits } from './sv/visits.ts';
import { approvals as svApprovals } from './sv/approvals.ts';
import { register as svRegister } from './sv/register.ts';

const en = { ...enCommon, ...enErrors, ...enCommands, ...enDeadlines, ...enCalls, ...enEngagements, ...enScheduler, ...enSlack, ...enTeams, ...enApprovals, ...enVisits, ...enReporting, ...enRegister };
export type MessageKey = keyof typeof en;
const sv: Record<MessageKey, string> = {
  ...svCommon,
  ...svErrors,
  ...svCommands,
  ...svDeadlines,
  ...svCalls,
  ...svEngagements,
  ...svScheduler,
  ...svSlack,
  ...svTeams,
  ...svReporting,
  ...svVisits,
  ...svApprovals,
  ...svRegister,
};

export type Locale = 'sv' | 'en';
export const locales: readonly Locale[] = ['sv', 'en'];
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, sv };

export type Params = Readonly<Record<string, string | number | undefined>>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => format(catalog[key] ?? en[key] ?? key, params);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * Fills `{name}` placeholders. `{name|one|other}` picks the word that agrees with the number
 * `name` ("om 1 dag", "om 3 dagar"; "1 day", "3 days"): `one` when it is exactly 1.
 */
function format(template: string, params?: Params): string {
  if (!params) return template;
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      return value === undefined ? whole : Number(value) === 1 ? one : other;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
}

export function catalogFor(locale: Locale): Readonly<Record<MessageKey, string>> {
  return catalogs[locale];
}
