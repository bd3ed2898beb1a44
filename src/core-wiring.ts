import type { Store } from '../db/connect.ts';
import { unitOfWork } from '../db/repositories/index.ts';
import { KyselyOutboxStore } from '../db/repositories/outbox.ts';
import { KyselyDirectory } from '../db/repositories/people.ts';
import { registerApprovals } from '../workflows/approvals/register.ts';
import { registerDeadlines } from '../workflows/deadlines/register.ts';
import { registerEngagements } from '../workflows/engagements/register.ts';
import { registerMyWork } from '../workflows/my-work/register.ts';
import type { RegisterImport } from '../workflows/register/import.ts';
import { registerRegister } from '../workflows/register/register.ts';
import { registerReporting } from '../workflows/reporting/register.ts';
import { readAnnualFacts } from '../workflows/reporting/document/facts.ts';
import { registerVisits } from '../workflows/visits/register.ts';
import { parseCommand, readCommandForm, registerHelp } from './commands/index.ts';
import type { Config } from './config/schema.ts';
import { governanceSettings } from './config/settings-governance.ts';
import { reportingSettings } from './config/settings-reporting.ts';
import { visitsSettings } from './config/settings-visits.ts';
import { isCoordinator, municipalitySettings } from './config/settings.ts';
import type { Platform } from './core/actor.ts';
import { Bot } from './core/bot.ts';
import { toInstant, type Clock } from './core/clock.ts';
import type { WorkflowModule } from './core/delivery.ts';
import type { Logger } from './core/logger.ts';
import { Router } from './core/router.ts';
import type { MunicipalitySettings } from './core/settings.ts';
import type { RenderPool } from './render/pool.ts';

export interface CoreOptions {
  readonly config: Config;
  /** Undefined means built-in defaults: every workspace and tenant is accepted. */
  readonly configSource: string | undefined;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** Members of a platform's user group (approvers named by Slack user group). */
  readonly membersOf: (platform: Platform, groupId: string) => Promise<string[]>;
  /** The address people reach the bot's HTTP server at, read when a link is made. */
  readonly publicBaseUrl: () => string;
  /** Where documents are rendered, off the event loop. */
  readonly renderer: RenderPool;
}

export interface Core {
  readonly bot: Bot;
  readonly settings: MunicipalitySettings;
  readonly outbox: KyselyOutboxStore;
  /** Every routine, for the scheduler's deliveries and planners. */
  readonly modules: readonly WorkflowModule[];
  readonly reporting: ReturnType<typeof registerReporting>;
  /** The register import, for the shell (`npm run import`); chat reaches it through the router. */
  readonly imports: RegisterImport;
}

/**
 * The platform-neutral bot over one store: the routines registered on one router, and the Bot
 * that parses, guards and dispatches.
 */
export function wireCore(options: CoreOptions): Core {
  const { config, store, clock, log } = options;
  const now = () => toInstant(clock.now());
  const uow = unitOfWork(store.db, now);
  const outbox = new KyselyOutboxStore(store.db, store.dialect);
  const settings = municipalitySettings(config);
  const directory = new KyselyDirectory(store.db, now);

  const router = new Router();
  registerHelp(router);
  const engagements = registerEngagements(router, uow, settings);
  const deadlines = registerDeadlines(router, uow, settings, outbox);
  const deps = { router, uow, settings, posted: outbox };
  const { renderer } = options;
  const reporting = registerReporting(deps, reportingSettings(config, options.publicBaseUrl), {
    annualReport: async (query) =>
      renderer.run('annual-report', store.location ? { query, store: store.location } : { query, facts: await readAnnualFacts(uow.read, query) }),
  });
  const modules = [
    deadlines,
    engagements,
    registerApprovals(deps, governanceSettings(config, { membersOf: options.membersOf }), {
      decisionsCsv: (job) => renderer.run('decisions-csv', job),
    }),
    registerVisits(deps, visitsSettings(config)),
    reporting,
    registerMyWork(router, settings),
  ];
  const imports = registerRegister(
    deps,
    {
      registerXlsx: (job) => renderer.run('register-xlsx', job),
      registerTemplate: (job) => renderer.run('register-template', job),
      readRegister: (job) => renderer.run('register-read', job),
    },
    { directory, isCoordinator: (actor) => isCoordinator(config, actor) },
  );

  const allowAll = options.configSource === undefined;
  const bot = new Bot({
    router,
    parse: (text, today) => parseCommand(text, today, settings.locale),
    readForm: (command, values, today) => readCommandForm(command, values, today, settings.locale),
    directory,
    clock,
    log,
    settings: {
      locale: settings.locale,
      timeZone: settings.timeZone,
      allowedTenants: allowAll ? {} : { slack: config.allow.slackTeams, teams: config.allow.teamsTenants },
    },
  });
  return { bot, settings, outbox, modules, reporting, imports };
}
