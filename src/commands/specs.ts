import type { CommandName } from '../core/command.ts';
import type { CommandSpec, FlagSpec, KeySpec, PositionalSpec } from './spec-types.ts';

/*
 * The one table of the command language (docs/commands.md). The parser reads it to bind
 * arguments; help reads it for command words and catalog keys (`help.<name>.<part>`).
 * Adding a command: a row here, its four help texts in both catalogs, and a test.
 */

const committeeKey: KeySpec = { arg: 'committee', en: 'committee', sv: 'nämnd', value: { type: 'committee' } };
const engagementId: PositionalSpec = { arg: 'id', label: 'cmd.id.engagement', value: { type: 'id', id: 'engagement' } };
const deadlineId: PositionalSpec = { arg: 'id', label: 'cmd.id.deadline', value: { type: 'id', id: 'deadline' } };
/** Which page of a list (`page=2` / `sida=2`); every list shows how many rows there are. */
const pageKey: KeySpec = { arg: 'page', en: 'page', sv: 'sida', value: { type: 'count' } };
const none = { positionals: [], keys: [], flags: [] } as const;

function row(
  name: CommandName,
  en: string,
  sv: string,
  params: { positionals?: PositionalSpec[]; keys?: KeySpec[]; flags?: FlagSpec[] } = {},
  extra: Pick<CommandSpec, 'defaults' | 'form'> = {},
): CommandSpec {
  return {
    name,
    words: { en: en.split(' '), sv: sv.split(' ') },
    positionals: params.positionals ?? none.positionals,
    keys: params.keys ?? none.keys,
    flags: params.flags ?? none.flags,
    ...extra,
  };
}

export const commandSpecs: readonly CommandSpec[] = [
  row('help', 'help', 'hjälp', {
    positionals: [{ arg: 'topic', label: 'cmd.label.topic', value: { type: 'topic' }, optional: true }],
  }),
  row(
    'engagement.add',
    'engagement add',
    'samarbete ny',
    {
      positionals: [{ arg: 'title', label: 'cmd.label.title', value: { type: 'text' } }],
      keys: [
        { arg: 'type', en: 'type', sv: 'typ', value: { type: 'choice', choice: 'type' }, required: true },
        { ...committeeKey, required: true },
        { arg: 'partner', en: 'partner', sv: 'partner', value: { type: 'text' } },
        { arg: 'country', en: 'country', sv: 'land', value: { type: 'country' } },
        { arg: 'funder', en: 'funder', sv: 'finansiär', value: { type: 'text' } },
        { arg: 'start', en: 'start', sv: 'start', value: { type: 'date' } },
        { arg: 'end', en: 'end', sv: 'slut', value: { type: 'date', after: 'start' } },
        { arg: 'contact', en: 'contact', sv: 'kontakt', value: { type: 'person' } },
      ],
    },
    { form: true },
  ),
  row('engagements', 'engagements', 'samarbeten', {
    keys: [committeeKey, { arg: 'status', en: 'status', sv: 'status', value: { type: 'choice', choice: 'status' } }, pageKey],
  }),
  row('engagement.show', 'engagement', 'samarbete', { positionals: [engagementId] }),
  row('engagement.end', 'engagement end', 'samarbete avsluta', {
    positionals: [engagementId, { arg: 'date', label: 'cmd.label.date', value: { type: 'date' } }],
    keys: [{ arg: 'decision', en: 'decision', sv: 'beslut', value: { type: 'text' }, required: true }],
  }),
  row('deadline.add', 'deadline add', 'frist ny', {
    positionals: [
      { arg: 'title', label: 'cmd.label.title', value: { type: 'text' } },
      { arg: 'date', label: 'cmd.label.date', value: { type: 'date' } },
      { arg: 'time', label: 'cmd.label.time', value: { type: 'time' }, optional: true },
    ],
    keys: [
      { arg: 'engagement', en: 'engagement', sv: 'samarbete', value: { type: 'id', id: 'engagement' } },
      { arg: 'owner', en: 'owner', sv: 'ägare', value: { type: 'person' } },
      { arg: 'remind', en: 'remind', sv: 'påminn', value: { type: 'remind' } },
    ],
  }),
  row(
    'deadlines',
    'deadlines',
    'frister',
    {
      positionals: [{ arg: 'scope', label: 'cmd.choice.scope', value: { type: 'choice', choice: 'scope' }, optional: true }],
      keys: [committeeKey, pageKey],
    },
    { defaults: { scope: 'all' } },
  ),
  row('deadline.done', 'deadline done', 'frist klar', { positionals: [deadlineId] }),
  row('deadline.snooze', 'deadline snooze', 'frist skjut', {
    positionals: [deadlineId, { arg: 'days', label: 'cmd.label.days', value: { type: 'snooze' } }],
  }),
  row(
    'call.add',
    'call add',
    'utlysning ny',
    {
      positionals: [{ arg: 'name', label: 'cmd.label.name', value: { type: 'text' } }],
      keys: [
        { arg: 'opens', en: 'opens', sv: 'öppnar', value: { type: 'monthDay' }, required: true },
        { arg: 'closes', en: 'closes', sv: 'stänger', value: { type: 'monthDay' }, required: true },
        { arg: 'funder', en: 'funder', sv: 'finansiär', value: { type: 'text' } },
        { arg: 'url', en: 'url', sv: 'url', value: { type: 'url' } },
      ],
      flags: [{ arg: 'yearly', en: 'yearly', sv: 'årlig' }],
    },
  ),
  row('calls', 'calls', 'utlysningar', { keys: [pageKey] }),
  row(
    'apply',
    'apply',
    'ansök',
    {
      positionals: [
        { arg: 'engagement', label: 'cmd.id.engagement', value: { type: 'id', id: 'engagement' } },
        { arg: 'call', label: 'cmd.label.call', value: { type: 'text' } },
      ],
      keys: [{ arg: 'amount', en: 'amount', sv: 'belopp', value: { type: 'amount' } }],
      flags: [{ arg: 'prestudy', en: 'prestudy', sv: 'förstudie' }],
    },
    { form: true },
  ),
  row('application.submitted', 'application submitted', 'ansökan inskickad', {
    positionals: [{ arg: 'id', label: 'cmd.id.application', value: { type: 'id', id: 'application' } }],
  }),
  row('application.granted', 'application granted', 'ansökan beviljad', {
    positionals: [{ arg: 'id', label: 'cmd.id.application', value: { type: 'id', id: 'application' } }],
  }),
  row('application.denied', 'application denied', 'ansökan avslagen', {
    positionals: [{ arg: 'id', label: 'cmd.id.application', value: { type: 'id', id: 'application' } }],
  }),
  row('approvals', 'approvals', 'beslut', { keys: [pageKey] }),
  row('decisions.export', 'decisions export', 'beslut export', {
    positionals: [
      { arg: 'from', label: 'cmd.label.from', value: { type: 'date' } },
      { arg: 'to', label: 'cmd.label.to', value: { type: 'date', after: 'from' } },
    ],
  }),
  row(
    'visit.add',
    'visit add',
    'besök ny',
    {
      positionals: [
        { arg: 'engagement', label: 'cmd.id.engagement', value: { type: 'id', id: 'engagement' } },
        { arg: 'direction', label: 'cmd.choice.direction', value: { type: 'choice', choice: 'direction' } },
        { arg: 'from', label: 'cmd.label.from', value: { type: 'date' } },
        { arg: 'to', label: 'cmd.label.to', value: { type: 'date', after: 'from' } },
      ],
      keys: [
        { arg: 'place', en: 'place', sv: 'plats', value: { type: 'text' } },
        { arg: 'lead', en: 'lead', sv: 'ledare', value: { type: 'person' } },
        { arg: 'participants', en: 'participants', sv: 'deltagare', value: { type: 'count' } },
      ],
    },
    { form: true },
  ),
  row('visits', 'visits', 'besök', {
    positionals: [{ arg: 'filter', label: 'cmd.choice.filter', value: { type: 'choice', choice: 'filter' }, optional: true }],
    keys: [pageKey],
  }),
  row(
    'report',
    'report',
    'rapport',
    { positionals: [{ arg: 'visit', label: 'cmd.id.visit', value: { type: 'id', id: 'visit' } }] },
    { form: true },
  ),
  row('annual', 'annual', 'årsrapport', {
    positionals: [{ arg: 'year', label: 'cmd.label.year', value: { type: 'year' } }],
    keys: [committeeKey],
  }),
  row('calendar', 'calendar', 'kalender', { keys: [committeeKey] }),
  row('mine', 'mine', 'mitt'),
  row('register.export', 'export', 'exportera'),
  row('register.import', 'import', 'importera'),
  row('register.template', 'import template', 'importera mall'),
];

export function specFor(name: CommandName): CommandSpec {
  const spec = commandSpecs.find((s) => s.name === name);
  if (!spec) throw new Error(`no command spec for ${name}`);
  return spec;
}
