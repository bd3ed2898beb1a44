import type { DateTime } from 'luxon';
import type { Actor, PersonRef, Target } from './actor.ts';
import type { Locale, Translate } from '../i18n/index.ts';

/** A calendar day, `YYYY-MM-DD`, in the municipality's zone. */
export type LocalDate = string;
/** A wall-clock time, `HH:mm`, in the municipality's zone. */
export type LocalTime = string;
/** A yearly day, `MM-DD`. */
export type MonthDay = string;

export const commandNames = [
  'help',
  'engagement.add',
  'engagements',
  'engagement.show',
  'engagement.end',
  'deadline.add',
  'deadlines',
  'deadline.done',
  'deadline.snooze',
  'call.add',
  'calls',
  'apply',
  'application.submitted',
  'application.granted',
  'application.denied',
  'approvals',
  'decisions.export',
  'visit.add',
  'visits',
  'report',
  'annual',
  'calendar',
  'mine',
  'register.export',
  'register.import',
  'register.template',
] as const;
export type CommandName = (typeof commandNames)[number];

export const engagementTypes = [
  'twin-town',
  'partnership',
  'eu-project',
  'nordplus',
  'school',
  'culture-sport',
  'business',
  'network',
  'study-visit',
  'other',
] as const;
export type EngagementType = (typeof engagementTypes)[number];

export const engagementStatuses = [
  'idea',
  'pre-study',
  'application',
  'running',
  'reporting',
  'closed',
  'terminated',
] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];

/**
 * The arguments of each command after parsing, as the grammar produces them. People are
 * PersonRefs here; the core resolves them to Actors before a handler runs (see ResolvedArgs).
 */
export interface CommandArgs {
  help: { topic?: string };
  'engagement.add': {
    form?: true;
    title: string;
    type: EngagementType;
    committee: string;
    partner?: string;
    country?: string;
    funder?: string;
    start?: LocalDate;
    end?: LocalDate;
    contact?: PersonRef;
  };
  engagements: { committee?: string; status?: EngagementStatus; page?: number };
  'engagement.show': { id: number };
  'engagement.end': { id: number; date: LocalDate; decision: string };
  'deadline.add': {
    title: string;
    date: LocalDate;
    time?: LocalTime;
    engagement?: number;
    owner?: PersonRef;
    remind?: number[];
  };
  deadlines: { scope: 'mine' | 'all'; committee?: string; page?: number };
  'deadline.done': { id: number };
  'deadline.snooze': { id: number; days: number };
  'call.add': { name: string; opens: MonthDay; closes: MonthDay; funder?: string; url?: string; yearly: boolean };
  calls: { page?: number };
  apply: { form?: true; engagement: number; call: string; amount?: number; prestudy: boolean };
  'application.submitted': { id: number };
  'application.granted': { id: number };
  'application.denied': { id: number };
  approvals: { page?: number };
  'decisions.export': { from: LocalDate; to: LocalDate };
  'visit.add': {
    form?: true;
    engagement: number;
    direction: 'out' | 'in';
    from: LocalDate;
    to: LocalDate;
    place?: string;
    lead?: PersonRef;
    participants?: number;
  };
  visits: { filter?: 'upcoming' | 'reports-due'; page?: number };
  report: { form?: true; visit: number };
  annual: { year: number; committee?: string };
  calendar: { committee?: string };
  mine: Record<string, never>;
  'register.export': Record<string, never>;
  'register.import': Record<string, never>;
  'register.template': Record<string, never>;
}

/** Args with every PersonRef replaced by the Actor it names. */
export type ResolvedArgs<N extends CommandName> = {
  [K in keyof CommandArgs[N]]: CommandArgs[N][K] extends PersonRef | undefined
    ? Actor | Extract<CommandArgs[N][K], undefined>
    : CommandArgs[N][K];
};

export interface Command<N extends CommandName = CommandName> {
  readonly name: N;
  readonly args: CommandArgs[N];
}

/** What the core knows about the request a command or action came in. */
export interface RequestContext {
  readonly actor: Actor;
  /** The conversation the request came from (a channel, a group chat or a direct message). */
  readonly conversation: Target;
  /** True when the conversation is the person's direct messages with the bot. */
  readonly isDirect: boolean;
  readonly locale: Locale;
  readonly t: Translate;
  readonly now: DateTime;
}
