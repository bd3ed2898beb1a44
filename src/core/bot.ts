import { textProblem } from './text.ts';
import type { Actor, PersonRef, Platform, Target } from './actor.ts';
import type { Clock } from './clock.ts';
import type { Command, CommandName, LocalDate, RequestContext } from './command.ts';
import { BotFailure, type BotError, type Result } from './errors.ts';
import type { Directory } from './ports.ts';
import { errorReply, type ActionInput, type ActionOutcome, type FormInput, type FormOutcome, type Reply } from './reply.ts';
import type { Router } from './router.ts';
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

export interface BotDeps {
  readonly router: Router;
  readonly parse: (text: string, today: LocalDate) => Result<Command>;
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

  async handleText(text: string, req: IncomingRequest): Promise<Reply> {
    return this.guard(req, async (ctx) => {
      // Anywhere in the command, not only in its free-text fields: nothing with a NUL is stored.
      const control = textProblem(text, Number.POSITIVE_INFINITY);
      if (control) return errorReply(control);
      const parsed = this.deps.parse(text, ctx.now.setZone(this.deps.settings.timeZone).toISODate() ?? '');
      if (!parsed.ok) return errorReply(parsed.error);
      const command = parsed.value;
      const handler = this.deps.router.commandHandler(command.name);
      if (!handler) return errorReply({ code: 'error.notAvailable', params: { command: commandWords(command.name) } });
      const args = await this.resolvePeople(command.args as Record<string, unknown>, req.actor);
      return handler(args as never, ctx);
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
      outcome = await handler(form, ctx);
      return { kind: 'card', card: { sections: [], summary: '' }, visibility: 'private' };
    });
    return outcome ?? { kind: 'done', reply };
  }

  /** Renders an expected failure in the municipality's language. */
  errorText(error: BotError): string {
    return this.t(error.code, error.params);
  }

  private async guard(req: IncomingRequest, run: (ctx: RequestContext) => Promise<Reply>): Promise<Reply> {
    if (!this.isAllowed(req.actor.platform, req.actor.tenantId)) {
      return errorReply({ code: 'error.tenantNotAllowed' });
    }
    const ctx: RequestContext = {
      actor: req.actor,
      conversation: req.conversation,
      isDirect: req.isDirect,
      locale: this.deps.settings.locale,
      t: this.t,
      now: this.deps.clock.now(),
    };
    try {
      await this.deps.directory.remember(req.actor);
      return await run(ctx);
    } catch (err) {
      if (err instanceof BotFailure) return errorReply(err.error);
      this.deps.log.error({ err }, 'handler failed');
      return errorReply({ code: 'error.internal' });
    }
  }

  private async resolvePeople(args: Record<string, unknown>, asker: Actor): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) {
      out[key] = isPersonRef(value) ? await this.resolvePerson(value, asker) : value;
    }
    return out;
  }

  private async resolvePerson(ref: PersonRef, asker: Actor): Promise<Actor> {
    const { directory } = this.deps;
    switch (ref.kind) {
      case 'mention': {
        const known = await directory.find(asker.platform, ref.userId);
        if (known) return known;
        return {
          platform: asker.platform,
          tenantId: asker.tenantId,
          userId: ref.userId,
          ...(ref.label ? { name: ref.label } : {}),
        };
      }
      case 'email': {
        const found = await directory.findByEmail(asker.platform, ref.email);
        if (!found) throw new BotFailure({ code: 'error.unknownPerson', params: { person: ref.email } });
        return found;
      }
      case 'name': {
        const found = await directory.findByName(asker.platform, ref.name);
        if (found.length === 1 && found[0]) return found[0];
        throw new BotFailure({
          code: found.length === 0 ? 'error.unknownPerson' : 'error.ambiguousPerson',
          params: { person: `@${ref.name}` },
        });
      }
    }
  }
}

function isPersonRef(value: unknown): value is PersonRef {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const kind = (value as { kind: unknown }).kind;
  return kind === 'mention' || kind === 'email' || kind === 'name';
}

export function commandWords(name: CommandName): string {
  return name.replace('.', ' ');
}
