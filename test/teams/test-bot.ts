import type { Actor, PersonRef } from '../../src/core/actor.ts';
import { Bot } from '../../src/core/bot.ts';
import type { Form } from '../../src/core/card.ts';
import { FakeClock } from '../../src/core/clock.ts';
import type { Command, LocalDate } from '../../src/core/command.ts';
import { fail, ok, type Result } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { privateCard, publicCard, type ActionInput, type FormInput } from '../../src/core/reply.ts';
import { Router } from '../../src/core/router.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { MemoryTeamsDirectory } from '../support/memory-teams-stores.ts';

/**
 * A real Bot with a tiny grammar and router written for the adapter tests (the real grammar and
 * workflows live elsewhere). Everything the handlers see is recorded in `seen`.
 */

export interface Seen {
  readonly texts: string[];
  readonly commands: { name: string; args: Record<string, unknown>; actor: Actor; conversationId: string; isDirect: boolean }[];
  readonly actions: ActionInput[];
  readonly forms: FormInput[];
}

export const reportForm = (visit: string, errors?: Record<string, string>): Form => ({
  action: 'report.submit',
  title: `Rapport för besök V${visit}`,
  submitLabel: 'Skicka rapport',
  state: JSON.stringify({ visit }),
  fields: [
    { id: 'summary', label: 'Sammanfattning', kind: 'multiline', required: true, maxLength: 2000 },
    { id: 'participants', label: 'Antal deltagare', kind: 'number' },
    { id: 'date', label: 'Datum', kind: 'date', initial: '2026-10-15' },
    {
      id: 'outcome',
      label: 'Resultat',
      kind: 'select',
      options: [
        { value: 'good', label: 'Bra' },
        { value: 'mixed', label: 'Blandat' },
      ],
    },
  ],
  ...(errors ? { errors } : {}),
});

function parse(text: string, _today: LocalDate): Result<Command> {
  const words = text.split(/\s+/).filter(Boolean);
  const [first, second] = words;
  if (words.length === 0 || first === 'help' || first === 'hjälp') return ok({ name: 'help', args: {} });
  if (first === 'deadlines' || first === 'frister') return ok({ name: 'deadlines', args: { scope: 'all' } });
  if (first === 'report' && second) return ok({ name: 'report', args: { visit: Number(second.replace(/^V/i, '')) } });
  if (first === 'calendar') return ok({ name: 'calendar', args: {} });
  if (first === 'deadline' && second === 'add') {
    const owner = /owner=<@([^|>]+)\|([^>]*)>/.exec(text);
    const title = /"([^"]*)"/.exec(text)?.[1] ?? '';
    const ownerRef: PersonRef | undefined = owner ? { kind: 'mention', userId: owner[1] ?? '', label: owner[2] ?? '' } : undefined;
    return ok({ name: 'deadline.add', args: { title, date: '2026-11-01', ...(ownerRef ? { owner: ownerRef } : {}) } });
  }
  return fail('error.notAvailable', { command: text });
}

export function createTestBot(options: { allowedTenants?: readonly string[]; locale?: Locale } = {}): { bot: Bot; seen: Seen } {
  const seen: Seen = { texts: [], commands: [], actions: [], forms: [] };
  const record = (name: string, args: Record<string, unknown>, ctx: { actor: Actor; conversation: { kind: string }; isDirect: boolean }): void => {
    const conversationId = 'conversationId' in ctx.conversation ? String(ctx.conversation.conversationId) : '';
    seen.commands.push({ name, args, actor: ctx.actor, conversationId, isDirect: ctx.isDirect });
  };

  const router = new Router()
    .command('help', async (args, ctx) => {
      record('help', args, ctx);
      return privateCard({ title: 'Samverkan hjälper till', sections: [{ type: 'text', text: 'Skriv frister för att se dina frister.' }], summary: 'Hjälp' });
    })
    .command('deadlines', async (args, ctx) => {
      record('deadlines', args, ctx);
      return publicCard({
        title: 'Kommande frister',
        tone: 'warning',
        sections: [
          { type: 'facts', facts: [{ label: 'D34', value: 'Erasmus+ ansökan, 15 okt 2026' }] },
          { type: 'divider' },
          { type: 'list', items: ['Nordplus rapport', 'Vänort möte'] },
        ],
        buttons: [
          { action: 'deadline.done', label: 'Klar', value: '34', style: 'primary' },
          { action: 'deadline.snooze', label: 'Skjut upp 1 dag', value: '34:1' },
        ],
        context: 'Visar 1 av 1',
        summary: 'Kommande frister',
      });
    })
    .command('deadline.add', async (args, ctx) => {
      record('deadline.add', args as Record<string, unknown>, ctx);
      return privateCard({ sections: [{ type: 'text', text: `Frist tillagd: ${args.title}` }], summary: 'Frist tillagd' });
    })
    .command('report', async (args, ctx) => {
      record('report', args, ctx);
      return { kind: 'form', form: reportForm(String(args.visit)) };
    })
    .command('calendar', async () => {
      throw new Error('a bug in the calendar handler');
    })
    .action('deadline.done', async (action, ctx) => {
      seen.actions.push(action);
      return { replace: { title: 'Frist klar', tone: 'success', sections: [{ type: 'text', text: `D${action.value} markerad klar av ${ctx.actor.name}` }], summary: 'Frist klar' } };
    })
    .action('deadline.snooze', async (action) => {
      seen.actions.push(action);
      return { reply: privateCard({ sections: [{ type: 'text', text: 'Påminnelsen flyttad en dag.' }], summary: 'Flyttad' }) };
    })
    .action('visit.report', async (action) => {
      seen.actions.push(action);
      return { form: reportForm(action.value) };
    })
    .form('report.submit', async (form) => {
      seen.forms.push(form);
      const errors: Record<string, string> = {};
      if (!form.values.summary?.trim()) errors.summary = 'Skriv en sammanfattning.';
      if (form.values.participants && !/^\d+$/.test(form.values.participants)) errors.participants = 'Ange ett heltal.';
      const visit = (JSON.parse(form.state) as { visit: string }).visit;
      // Like a workflow would, the handler returns the empty form with errors only; the adapter
      // must keep what was typed.
      if (Object.keys(errors).length > 0) return { kind: 'invalid', form: reportForm(visit, errors) };
      return { kind: 'done', reply: privateCard({ sections: [{ type: 'text', text: `Rapporten för V${visit} är sparad.` }], summary: 'Sparad' }) };
    });

  const bot = new Bot({
    router,
    parse: (text, today) => {
      seen.texts.push(text);
      return parse(text, today);
    },
    directory: new MemoryTeamsDirectory(),
    clock: new FakeClock('2026-10-01T08:00:00Z'),
    settings: {
      locale: options.locale ?? 'sv',
      timeZone: 'Europe/Stockholm',
      allowedTenants: options.allowedTenants ? { teams: options.allowedTenants } : {},
    },
    log: silentLogger(),
  });
  return { bot, seen };
}
