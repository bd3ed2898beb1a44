import { actorKey, type Actor } from '../../src/core/actor.ts';
import type { Section } from '../../src/core/card.ts';
import type { CommandName, RequestContext } from '../../src/core/command.ts';
import { toInstant } from '../../src/core/clock.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { resolvePeople } from '../../src/core/people.ts';
import type { Directory, UnitOfWork } from '../../src/core/ports.ts';
import { privateCard, type ActionInput, type ActionOutcome, type Reply } from '../../src/core/reply.ts';
import type { Router } from '../../src/core/router.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { readSnapshot } from './export.ts';
import { matchAll } from './match.ts';
import type { RegisterKind, RegisterRead, RegisterReader, RegisterRepos } from './ports.ts';

export const IMPORT_CONFIRM = 'register.import.confirm';
export const IMPORT_CANCEL = 'register.import.cancel';

/** What each kind's new row is created with: the command that adds one, as if it were typed. */
const addCommand: Record<RegisterKind, CommandName> = {
  engagements: 'engagement.add',
  calls: 'call.add',
  deadlines: 'deadline.add',
  visits: 'visit.add',
};
/** Defaults the command binder fills in for a flag not given. */
const flagDefaults: Partial<Record<RegisterKind, Record<string, unknown>>> = { calls: { yearly: false } };
const kindOrder: readonly RegisterKind[] = ['engagements', 'calls', 'deadlines', 'visits'];
/** A dry run shows this many rows; the rest are counted. */
const SHOWN_LINES = 30;

/** What happened (or would happen) to one row: the stored id and changed columns where there are any. */
export type Outcome =
  | { readonly kind: RegisterKind; readonly row: number; readonly action: 'create' }
  | { readonly kind: RegisterKind; readonly row: number; readonly action: 'update'; readonly id: number; readonly changed: readonly string[] }
  | { readonly kind: RegisterKind; readonly row: number; readonly action: 'unchanged'; readonly id: number }
  | { readonly kind: RegisterKind; readonly row: number; readonly action: 'refused'; readonly column: string; readonly reason: string };

/** Thrown to roll a trial run back: the dry run does everything the import would, then undoes it. */
class TrialOver extends Error {
  constructor(readonly outcomes: readonly Outcome[]) {
    super('trial import rolled back');
  }
}

export interface ImportDeps {
  readonly router: Router;
  readonly uow: UnitOfWork<RegisterRepos>;
  readonly directory: Directory;
  readonly reader: RegisterReader;
  readonly zone: string;
  readonly isCoordinator: (actor: Actor) => boolean;
}

/**
 * The import (R7 register from a spreadsheet): a file sent to the bot is read in a worker thread,
 * every row is matched (create, update, unchanged, refused) and tried as if typed, in a
 * transaction that is rolled back: that is the dry run the person sees. The coordinator's Confirm
 * runs it again for real, in one transaction, all rows or none.
 */
export class RegisterImport {
  constructor(private readonly deps: ImportDeps) {}

  async preview(file: { readonly name: string; readonly bytes: Uint8Array }, ctx: RequestContext): Promise<Reply> {
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      throw new BotFailure({ code: 'register.import.badFile', params: { file: file.name } });
    }
    const today = ctx.now.setZone(this.deps.zone).toISODate() ?? '';
    const read = await this.deps.reader.readRegister({ fileName: file.name, bytes: file.bytes, locale: ctx.locale, today });
    const outcomes = await this.trial(read, ctx);
    const counts = countOf(outcomes);
    const lines = outcomes.filter((o) => o.action !== 'unchanged').map((o) => lineOf(o, ctx.t));
    const title = ctx.t('register.import.title', { file: file.name });
    const summary = ctx.t('register.import.summary', counts);
    const sections: Section[] = [{ type: 'text', text: summary }];
    if (lines.length) sections.push({ type: 'list', items: lines.slice(0, SHOWN_LINES) });
    if (lines.length > SHOWN_LINES) sections.push({ type: 'text', text: ctx.t('register.import.more', { count: lines.length - SHOWN_LINES }) });
    if (counts.refused > 0) {
      sections.push({ type: 'text', text: ctx.t('register.import.fixFirst') });
      return privateCard({ title, tone: 'warning', summary, sections });
    }
    if (counts.create + counts.update === 0) {
      sections.push({ type: 'text', text: ctx.t('register.import.nothing') });
      return privateCard({ title, summary, sections });
    }
    if (!this.deps.isCoordinator(ctx.actor)) {
      sections.push({ type: 'text', text: ctx.t('register.import.coordinatorOnly') });
      return privateCard({ title, summary, sections });
    }
    const id = await this.deps.uow.run((repos) =>
      repos.registerImports.create({ fileName: file.name, rows: read.rows, requestedBy: ctx.actor, createdAt: toInstant(ctx.now) }),
    );
    sections.push({ type: 'text', text: ctx.t('register.import.confirmHint') });
    return privateCard({
      title,
      summary,
      sections,
      buttons: [
        { action: IMPORT_CONFIRM, label: ctx.t('register.import.confirm', { count: counts.create + counts.update }), value: String(id), style: 'primary' },
        { action: IMPORT_CANCEL, label: ctx.t('register.import.cancel'), value: String(id) },
      ],
    });
  }

  /** Confirm: the rows as read, matched again against the register as it is now, stored all or none. */
  async confirm(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    if (!this.deps.isCoordinator(ctx.actor)) throw new BotFailure({ code: 'register.import.coordinatorOnly' });
    const id = Number(action.value);
    const pending = Number.isSafeInteger(id) ? await this.deps.uow.read.registerImports.get(id) : undefined;
    if (!pending) throw new BotFailure({ code: 'register.import.gone' });
    if (pending.status !== 'pending') throw new BotFailure({ code: pending.status === 'applied' ? 'register.import.alreadyApplied' : 'register.import.alreadyCancelled' });
    const { stored, outcomes } = await this.importAll({ rows: [...pending.rows], refused: [] }, ctx, async () => {
      // The status condition makes a second press, here or on another replica, import nothing.
      const closed = await this.deps.uow.run((repos) => repos.registerImports.close(id, 'applied', ctx.actor, toInstant(ctx.now)));
      if (!closed) throw new BotFailure({ code: 'register.import.alreadyApplied' });
    });
    // Something changed since the dry run: nothing is stored, and the person is told which row.
    const refused = outcomes.find((o) => o.action === 'refused');
    if (!stored && refused) throw new BotFailure({ code: 'register.import.changed', params: { line: lineOf(refused, ctx.t) } });
    const counts = countOf(outcomes);
    const text = ctx.t('register.import.done', { ...counts, by: ctx.actor.name ?? ctx.actor.userId });
    return { replace: { title: ctx.t('register.import.title', { file: pending.fileName }), tone: 'success', summary: text, sections: [{ type: 'text', text }] } };
  }

  async cancel(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const id = Number(action.value);
    const pending = Number.isSafeInteger(id) ? await this.deps.uow.read.registerImports.get(id) : undefined;
    if (!pending) throw new BotFailure({ code: 'register.import.gone' });
    if (pending.requestedByKey !== actorKey(ctx.actor) && !this.deps.isCoordinator(ctx.actor)) throw new BotFailure({ code: 'register.import.coordinatorOnly' });
    const closed = await this.deps.uow.run((repos) => repos.registerImports.close(id, 'cancelled', ctx.actor, toInstant(ctx.now)));
    if (!closed) throw new BotFailure({ code: pending.status === 'applied' ? 'register.import.alreadyApplied' : 'register.import.alreadyCancelled' });
    const text = ctx.t('register.import.cancelled');
    return { replace: { title: ctx.t('register.import.title', { file: pending.fileName }), summary: text, sections: [{ type: 'text', text }] } };
  }

  /**
   * The import from the shell (`npm run import -- <file> --confirm`): the coordinator's, in one
   * transaction; if any row is refused, nothing is stored and the outcomes say why.
   */
  async importRead(read: RegisterRead, ctx: RequestContext): Promise<{ readonly stored: boolean; readonly outcomes: readonly Outcome[] }> {
    if (!this.deps.isCoordinator(ctx.actor)) throw new BotFailure({ code: 'register.import.coordinatorOnly' });
    return this.importAll(read, ctx);
  }

  /** Every row in one transaction, after `first` (in it too); a refused row rolls all of it back. */
  private async importAll(read: RegisterRead, ctx: RequestContext, first?: () => Promise<void>): Promise<{ readonly stored: boolean; readonly outcomes: readonly Outcome[] }> {
    try {
      const outcomes = await this.deps.uow.atomically(async () => {
        await first?.();
        const outcomes = await this.apply(read, ctx);
        if (outcomes.some((o) => o.action === 'refused')) throw new TrialOver(outcomes);
        return outcomes;
      });
      return { stored: true, outcomes };
    } catch (err) {
      if (err instanceof TrialOver) return { stored: false, outcomes: err.outcomes };
      throw err;
    }
  }

  /** Everything the import would do, in a transaction rolled back at the end (the chat's dry run and the shell's). */
  async trial(read: RegisterRead, ctx: RequestContext): Promise<Outcome[]> {
    try {
      await this.deps.uow.atomically(async () => {
        throw new TrialOver(await this.apply(read, ctx));
      });
    } catch (err) {
      if (err instanceof TrialOver) return [...err.outcomes];
      throw err;
    }
    throw new Error('unreachable: the trial always rolls back');
  }

  /** Each row as if typed: a new one by its add command, a correction by the workflow that owns it. */
  private async apply(read: RegisterRead, ctx: RequestContext): Promise<Outcome[]> {
    const outcomes: Outcome[] = read.refused.map((r) => ({ kind: r.kind, row: r.row, action: 'refused', column: r.column, reason: r.reason }));
    const decided = matchAll(read.rows, await readSnapshot(this.deps.uow.read), ctx.locale);
    for (const { kind, decision } of decided) {
      if (decision.action === 'refused') {
        outcomes.push({ kind, ...decision });
        continue;
      }
      if (decision.action === 'unchanged') {
        outcomes.push({ kind, row: decision.row, action: 'unchanged', id: decision.id });
        continue;
      }
      try {
        if (decision.action === 'create') {
          await this.create(kind, decision.values, ctx);
          outcomes.push({ kind, row: decision.row, action: 'create' });
        } else {
          await this.update(kind, decision.id, decision.values, decision.changed, ctx);
          outcomes.push({ kind, row: decision.row, action: 'update', id: decision.id, changed: decision.changed });
        }
      } catch (err) {
        if (!(err instanceof BotFailure)) throw err;
        outcomes.push({ kind, row: decision.row, action: 'refused', column: '', reason: ctx.t(err.error.code, err.error.params) });
      }
    }
    return outcomes.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.row - b.row);
  }


  private async create(kind: RegisterKind, values: Readonly<Record<string, unknown>>, ctx: RequestContext): Promise<void> {
    const name = addCommand[kind];
    const handler = this.deps.router.commandHandler(name);
    if (!handler) throw new BotFailure({ code: 'error.notAvailable', params: { command: name } });
    const { id: _id, ...rest } = values;
    const args = await resolvePeople(this.deps.directory, { ...flagDefaults[kind], ...rest }, ctx.actor);
    const reply = await handler(args as never, ctx);
    if (reply.kind === 'error') throw new BotFailure(reply.error);
  }

  /** A correction goes to the workflow that owns the record: it checks it and replans what follows. */
  private async update(kind: RegisterKind, id: number, values: Readonly<Record<string, unknown>>, changed: readonly string[], ctx: RequestContext): Promise<void> {
    const handler = this.deps.router.correctionHandler(addCommand[kind]);
    if (!handler) throw new BotFailure({ code: 'error.notAvailable', params: { command: addCommand[kind] } });
    await handler({ id, values, changed }, ctx);
  }
}

/** How many rows were (or would be) added, changed, left as they are and refused. */
export function countOf(outcomes: readonly Outcome[]): Record<'create' | 'update' | 'unchanged' | 'refused', number> {
  const counts = { create: 0, update: 0, unchanged: 0, refused: 0 };
  for (const o of outcomes) counts[o.action]++;
  return counts;
}

function lineOf(o: Outcome, t: Translate): string {
  const sheet = t(`register.sheet.${o.kind}`);
  if (o.action === 'refused') {
    return o.column ? t('register.dryRun.refused', { sheet, row: o.row, column: o.column, reason: o.reason }) : t('register.dryRun.refusedRow', { sheet, row: o.row, reason: o.reason });
  }
  if (o.action === 'update') return t('register.dryRun.updated', { sheet, row: o.row });
  if (o.action === 'create') return t('register.dryRun.create', { sheet, row: o.row });
  return t('register.dryRun.unchangedRow', { sheet, row: o.row });
}
