import { resolvePeople } from './people.ts';
import { textProblem } from './text.ts';
import type { Actor, Platform, Target } from './actor.ts';
import type { Clock } from './clock.ts';
import type { Command, CommandName, LocalDate, RequestContext } from './command.ts';
import { BotFailure, type BotError, type Result } from './errors.ts';
import type { Directory } from './ports.ts';
import { errorReply, type ActionInput, type ActionOutcome, type FormCommandRead, type FormInput, type FormOutcome, type Reply, type SettledReply } from './reply.ts';
import type { SearchOption } from './card.ts';
import type { OfferedFile, Router } from './router.ts';

/** A register of a few thousand rows is well under this; a larger file is a mistake, not an import. */
export const MAX_FILE_BYTES = 10_000_000;
import { translator, type Locale, type Translate } from '../i18n/index.ts';
import type { Logger } from './logger.ts';

/** What an adapter knows about who is asking and where, before the core looks at it. */
export interface IncomingRequest {
  readonly actor: Actor;
  readonly conversation: Target;
  readonly isDirect: boolean;
}

export interface BotSettings {
  readonly locale: Locale;
  readonly timeZone: string;
  /** Allowed Slack team ids and Teams tenant ids; `undefined` means any (no configuration file). */
  readonly allowedTenants: { readonly slack?: readonly string[]; readonly teams?: readonly string[] };
}

/** How a text command ended, for metrics: `invalid` did not parse, `failed` is an expected failure. */
export type CommandOutcome = 'ok' | 'failed' | 'invalid' | 'refused' | 'error';
export type CommandObserver = (command: string, outcome: CommandOutcome) => void;

export interface BotDeps {
  readonly router: Router;
  readonly parse: (text: string, today: LocalDate) => Result<Command>;
  /** Reads a form's values by the argument table of the command it stands for (`src/commands`). */
  readonly readForm?: (command: CommandName, values: Readonly<Record<string, string>>, today: LocalDate) => FormCommandRead;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly settings: BotSettings;
  readonly log: Logger;
}

/**
 * The one entry point adapters call. It checks the workspace or tenant, parses text, resolves
 * people, runs the registered handler, and turns expected failures into localized replies.
 */
export class Bot {
  readonly t: Translate;
  private readonly observers: CommandObserver[] = [];
  constructor(private readonly deps: BotDeps) {
    this.t = translator(deps.settings.locale);
  }

  get locale(): Locale {
    return this.deps.settings.locale;
  }

  isAllowed(platform: Platform, tenantId: string | undefined): boolean {
    const list = this.deps.settings.allowedTenants[platform];
    if (!list) return true;
    return tenantId !== undefined && list.includes(tenantId);
  }

  /** Told about every text command once it is answered (metrics); observers must not throw. */
  onCommand(observer: CommandObserver): void {
    this.observers.push(observer);
  }

  async handleText(text: string, req: IncomingRequest): Promise<Reply> {
    let name: string | undefined;
    const reply = await this.guard(req, async (ctx) => {
      // Anywhere in the command, not only in its free-text fields: nothing with a NUL is stored.
      const control = textProblem(text, Number.POSITIVE_INFINITY);
      if (control) return errorReply(control);
      const parsed = this.deps.parse(text, ctx.now.setZone(this.deps.settings.timeZone).toISODate() ?? '');
      if (!parsed.ok) return errorReply(parsed.error);
      const command = parsed.value;
      name = command.name;
      const handler = this.deps.router.commandHandler(command.name);
      if (!handler) return errorReply({ code: 'error.notAvailable', params: { command: commandWords(command.name) } });
      const args = await this.resolvePeople(command.args as Record<string, unknown>, req.actor);
      const reply = await handler(args as never, ctx);
      return reply.kind === 'pending' ? { ...reply, result: reply.result.catch((err: unknown) => this.failed(err)) } : reply;
    });
    if (this.observers.length > 0) {
      const code = reply.kind === 'error' ? reply.error.code : undefined;
      const outcome: CommandOutcome =
        code === undefined ? 'ok' : code === 'error.internal' ? 'error' : code === 'error.tenantNotAllowed' ? 'refused' : name === undefined ? 'invalid' : 'failed';
      for (const observe of this.observers) observe(name ?? 'unparsed', outcome);
    }
    return reply;
  }

  /** A picker's typeahead: the choices for what is typed; none for an unknown search or a failure. */
  async handleSearch(name: string, query: string, req: IncomingRequest): Promise<readonly SearchOption[]> {
    const handler = this.deps.router.searchHandler(name);
    if (!handler || !this.isAllowed(req.actor.platform, req.actor.tenantId)) return [];
    try {
      return await handler(query.slice(0, 200), this.contextOf(req));
    } catch (err) {
      this.deps.log.error({ err, search: name }, 'a typeahead search failed');
      return [];
    }
  }

  /**
   * A file sent in a direct message; a file in a channel is not for the bot. It is downloaded
   * only when the tenant is allowed, something handles files, and its declared size is allowed.
   */
  async handleFile(file: OfferedFile, req: IncomingRequest): Promise<Reply> {
    return this.guard(req, async (ctx) => {
      const handler = this.deps.router.fileHandler();
      if (!handler) return errorReply({ code: 'error.noFileHandler' });
      const tooLarge = errorReply({ code: 'error.fileTooLarge', params: { file: file.name, mb: MAX_FILE_BYTES / 1_000_000 } });
      if ((file.size ?? 0) > MAX_FILE_BYTES) return tooLarge;
      const bytes = await file.download();
      if (bytes.byteLength > MAX_FILE_BYTES) return tooLarge;
      return handler({ name: file.name, bytes }, ctx);
    });
  }

  async handleAction(action: ActionInput, req: IncomingRequest): Promise<ActionOutcome> {
    const handler = this.deps.router.actionHandler(action.name);
    if (!handler) {
      this.deps.log.warn({ action: action.name }, 'unknown action');
      return { reply: errorReply({ code: 'error.unknownAction' }) };
    }
    let reply: Reply | undefined;
    let outcome: ActionOutcome | undefined;
    reply = await this.guard(req, async (ctx) => {
      outcome = await handler(action, ctx);
      return outcome.reply ?? { kind: 'card', card: { sections: [], summary: '' }, visibility: 'private' };
    });
    if (outcome) return outcome;
    return { reply };
  }

  async handleForm(form: FormInput, req: IncomingRequest): Promise<FormOutcome> {
    const handler = this.deps.router.formHandler(form.name);
    if (!handler) return { kind: 'done', reply: errorReply({ code: 'error.unknownAction' }) };
    let outcome: FormOutcome | undefined;
    const reply = await this.guard(req, async (ctx) => {
      outcome = await handler(await this.withCommand(form, ctx.now, req.actor), ctx);
      return { kind: 'card', card: { sections: [], summary: '' }, visibility: 'private' };
    });
    return outcome ?? { kind: 'done', reply };
  }

  /** Adds the command's reading of the values when the form stands for a command. */
  private async withCommand(form: FormInput, now: RequestContext['now'], asker: Actor): Promise<FormInput> {
    const command = this.deps.router.formCommand(form.name);
    const { readForm } = this.deps;
    if (!command) return form;
    // A command form without its reader would silently validate nothing: that is a wiring bug.
    if (!readForm) throw new Error(`form ${form.name} stands for ${command}, but the bot has no readForm`);
    const read = readForm(command, form.values, now.setZone(this.deps.settings.timeZone).toISODate() ?? '');
    if (!read.ok) return { ...form, command: read };
    return { ...form, command: { ok: true, args: await this.resolvePeople({ ...read.args }, asker) } };
  }

  /** Renders an expected failure in the municipality's language. */
  errorText(error: BotError): string {
    return this.t(error.code, error.params);
  }

  private async guard(req: IncomingRequest, run: (ctx: RequestContext) => Promise<Reply>): Promise<Reply> {
    if (!this.isAllowed(req.actor.platform, req.actor.tenantId)) {
      // "Workspace" is Slack's word; a Teams tenant is the organization.
      return errorReply({ code: req.actor.platform === 'teams' ? 'teams.tenantNotAllowed' : 'error.tenantNotAllowed' });
    }
    const ctx = this.contextOf(req);
    try {
      await this.deps.directory.remember(req.actor);
      return await run(ctx);
    } catch (err) {
      return this.failed(err);
    }
  }

  private contextOf(req: IncomingRequest): RequestContext {
    return { actor: req.actor, conversation: req.conversation, isDirect: req.isDirect, locale: this.deps.settings.locale, t: this.t, now: this.deps.clock.now() };
  }

  /** An expected failure as its message; anything else is a bug or an outage, logged. */
  private failed(err: unknown): SettledReply {
    if (err instanceof BotFailure) return errorReply(err.error);
    this.deps.log.error({ err }, 'handler failed');
    return errorReply({ code: 'error.internal' });
  }

  private resolvePeople(args: Record<string, unknown>, asker: Actor): Promise<Record<string, unknown>> {
    return resolvePeople(this.deps.directory, args, asker);
  }
}

export function commandWords(name: CommandName): string {
  return name.replace('.', ' ');
}
