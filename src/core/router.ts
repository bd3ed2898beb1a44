import type { SearchOption } from './card.ts';
import type { CommandName, RequestContext, ResolvedArgs } from './command.ts';
import type { MyWorkProvider } from './my-work.ts';
import type { ActionInput, ActionOutcome, FormInput, FormOutcome, Reply } from './reply.ts';

export type CommandHandler<N extends CommandName> = (args: ResolvedArgs<N>, ctx: RequestContext) => Promise<Reply>;
export type ActionHandler = (action: ActionInput, ctx: RequestContext) => Promise<ActionOutcome>;
export type FormHandler = (form: FormInput, ctx: RequestContext) => Promise<FormOutcome>;
/** A file a person sent the bot in a direct message (Slack DM, Teams personal chat). */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A file as an adapter offers it: its declared size, and how to fetch it (only if it is wanted). */
export interface OfferedFile {
  readonly name: string;
  readonly size?: number;
  download(): Promise<Uint8Array>;
}
export type FileHandler = (file: IncomingFile, ctx: RequestContext) => Promise<Reply>;
/** The choices a typeahead picker offers for what the person has typed so far. */
export type SearchHandler = (query: string, ctx: RequestContext) => Promise<readonly SearchOption[]>;
/**
 * A correction of something an add command created, brought in by the register import: the
 * columns that differ from what is stored (`changed`, named by the add command's arguments) and
 * the row's values. The workflow that owns the record changes it and replans what follows from it.
 */
export interface Correction {
  readonly id: number;
  readonly changed: readonly string[];
  readonly values: Readonly<Record<string, unknown>>;
}
export type CorrectionHandler = (correction: Correction, ctx: RequestContext) => Promise<void>;

/**
 * The table of what the bot can do. Workflows register their commands, buttons and forms here;
 * adapters never see it directly, they go through the Bot facade.
 */
export class Router {
  private readonly commands = new Map<CommandName, CommandHandler<CommandName>>();
  private readonly actions = new Map<string, ActionHandler>();
  private readonly forms = new Map<string, FormHandler>();
  private readonly formCommands = new Map<string, CommandName>();
  private readonly myWork: MyWorkProvider[] = [];
  private files: FileHandler | undefined;
  private readonly searches = new Map<string, SearchHandler>();
  private readonly corrections = new Map<CommandName, CorrectionHandler>();

  command<N extends CommandName>(name: N, handler: CommandHandler<N>): this {
    if (this.commands.has(name)) throw new Error(`command ${name} registered twice`);
    this.commands.set(name, handler as unknown as CommandHandler<CommandName>);
    return this;
  }

  action(name: string, handler: ActionHandler): this {
    if (this.actions.has(name)) throw new Error(`action ${name} registered twice`);
    this.actions.set(name, handler);
    return this;
  }

  /** `command`: the form stands for that command, and its values are read by the command's table. */
  form(name: string, handler: FormHandler, options: { readonly command?: CommandName } = {}): this {
    if (this.forms.has(name)) throw new Error(`form ${name} registered twice`);
    this.forms.set(name, handler);
    if (options.command) this.formCommands.set(name, options.command);
    return this;
  }

  formCommand(name: string): CommandName | undefined {
    return this.formCommands.get(name);
  }

  /** How a record the add command `name` created is corrected (by the register import). */
  correction(name: CommandName, handler: CorrectionHandler): this {
    if (this.corrections.has(name)) throw new Error(`correction for ${name} registered twice`);
    this.corrections.set(name, handler);
    return this;
  }

  correctionHandler(name: CommandName): CorrectionHandler | undefined {
    return this.corrections.get(name);
  }

  /** A typeahead source for pickers (`FormField.search`). */
  search(name: string, handler: SearchHandler): this {
    if (this.searches.has(name)) throw new Error(`search ${name} registered twice`);
    this.searches.set(name, handler);
    return this;
  }

  searchHandler(name: string): SearchHandler | undefined {
    return this.searches.get(name);
  }

  /** What a file sent to the bot is for (the register import); one handler. */
  file(handler: FileHandler): this {
    if (this.files) throw new Error('file handler registered twice');
    this.files = handler;
    return this;
  }

  fileHandler(): FileHandler | undefined {
    return this.files;
  }

  /** Adds a section to every person's "my work" view. */
  myWorkSection(provider: MyWorkProvider): this {
    this.myWork.push(provider);
    return this;
  }

  myWorkProviders(): readonly MyWorkProvider[] {
    return this.myWork;
  }

  commandHandler(name: CommandName): CommandHandler<CommandName> | undefined {
    return this.commands.get(name);
  }

  actionHandler(name: string): ActionHandler | undefined {
    return this.actions.get(name);
  }

  formHandler(name: string): FormHandler | undefined {
    return this.forms.get(name);
  }

  hasCommand(name: CommandName): boolean {
    return this.commands.has(name);
  }
}
