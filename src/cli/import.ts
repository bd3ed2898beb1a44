import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { openStore, type Store } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { toActor } from '../../db/repositories/people.ts';
import { localDate } from '../calendar/time.ts';
import { readEnv } from '../config/env.ts';
import { ConfigError, loadConfig } from '../config/load.ts';
import { userTarget, type Actor } from '../core/actor.ts';
import { systemClock } from '../core/clock.ts';
import type { RequestContext } from '../core/command.ts';
import { BotFailure } from '../core/errors.ts';
import { wireCore } from '../core-wiring.ts';
import { translator, type Locale } from '../i18n/index.ts';
import { countOf, type Outcome } from '../../workflows/register/import.ts';
import { sheetName } from '../register/read.ts';
import { createRenderPool } from '../render/pool.ts';

/**
 * `npm run import -- <file> [--as <person>] [--confirm]`: the register import from the shell. It
 * reads the workbook or CSV in the render pool and runs every row as the chat import does (the
 * add commands, in a transaction): without `--confirm` that transaction is rolled back and the
 * outcome printed per row; with `--confirm` (and `--as` naming the coordinator) it is committed,
 * all rows or none. `--as` is a person the bot knows: their e-mail address, Slack user id or
 * Teams AAD object id; rows that name people are then read on that person's platform.
 * Exit 0: every row is valid (and stored, with --confirm); 1: some row or cell is refused, nothing
 * stored; 2: usage, configuration, person or file error.
 */
const usage =
  'Usage: npm run import -- <file.xlsx|file.csv> [--as <person>] [--confirm]\n' +
  '  without --confirm: a dry run, prints what the import would do and stores nothing\n' +
  "  --confirm --as <person>: imports it, all rows or none, as the coordinator (their e-mail, Slack user id or Teams AAD object id)";

/** The outcomes per row, as the shell prints them (ids and changed columns included), and their counts. */
export function linesOf(outcomes: readonly Outcome[], locale: Locale): { lines: string[]; counts: ReturnType<typeof countOf> } {
  const t = translator(locale);
  const lines = outcomes.map((o) => {
    const sheet = sheetName(o.kind, locale);
    if (o.action === 'refused') return o.column ? t('register.dryRun.refused', { sheet, row: o.row, column: o.column, reason: o.reason }) : t('register.dryRun.refusedRow', { sheet, row: o.row, reason: o.reason });
    if (o.action === 'update') return t('register.dryRun.update', { sheet, row: o.row, id: o.id, columns: o.changed.join(', ') });
    if (o.action === 'create') return t('register.dryRun.create', { sheet, row: o.row });
    return t('register.dryRun.unchanged', { sheet, row: o.row, id: o.id });
  });
  return { lines, counts: countOf(outcomes) };
}

class UsageError extends Error {}

/** The person `--as` names, as the bot last saw them (so their platform and tenant are right). */
async function knownPerson(store: Store, who: string): Promise<Actor> {
  const wanted = who.trim().toLowerCase();
  const row = await store.db
    .selectFrom('people')
    .selectAll()
    .where((eb) => eb.or([eb('email', '=', wanted), eb('user_id', '=', who.trim()), eb('aad_object_id', '=', wanted)]))
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  if (!row) throw new UsageError(`Samverkan import: no one the bot knows is ${who}; they must have used Samverkan in Slack or Teams once`);
  return toActor(row);
}

async function main(): Promise<void> {
  let args: { file: string; as?: string; confirm: boolean };
  try {
    const { positionals, values } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, confirm: { type: 'boolean', default: false } } });
    if (positionals.length !== 1 || !positionals[0]) throw new UsageError(usage);
    if (values.confirm && !values.as) throw new UsageError(`--confirm needs --as <the coordinator>\n${usage}`);
    args = { file: positionals[0], confirm: values.confirm ?? false, ...(values.as ? { as: values.as } : {}) };
  } catch (err) {
    console.error(err instanceof UsageError ? err.message : `${err instanceof Error ? err.message : String(err)}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  let store: Store | undefined;
  const pool = createRenderPool({ threads: 1, timeoutMs: 60_000, log: silent });
  try {
    const path = resolve(args.file);
    if (!existsSync(path)) throw new UsageError(`Samverkan import: no file at ${path}`);
    const { config, source } = loadConfig();
    const locale = config.municipality.language;
    const t = translator(locale);
    const now = DateTime.utc();
    store = openStore(readEnv().DATABASE_URL);
    await migrateToLatest(store);
    const core = wireCore({ config, configSource: source, store, clock: systemClock, log: silent, membersOf: async () => [], publicBaseUrl: () => '', renderer: pool });
    const read = await pool.run('register-read', { fileName: basename(path), bytes: new Uint8Array(readFileSync(path)), locale, today: localDate(now, config.municipality.timeZone) });
    // Without --as, a dry run on behalf of no one in particular, on the coordinator's platform.
    const actor: Actor = args.as
      ? await knownPerson(store, args.as)
      : { platform: config.coordinator.people.slack.length === 0 && config.coordinator.people.teams.length > 0 ? 'teams' : 'slack', tenantId: '', userId: 'npm-run-import', name: 'npm run import' };
    const ctx: RequestContext = { actor, conversation: userTarget(actor), isDirect: true, locale, t, now };
    if (!args.confirm) {
      const { lines, counts } = linesOf(await core.imports.trial(read, ctx), locale);
      for (const line of lines) console.log(line);
      console.log(t('register.dryRun.summary', counts));
      process.exitCode = counts.refused > 0 ? 1 : 0;
      return;
    }
    const { stored, outcomes } = await core.imports.importRead(read, ctx);
    const { lines, counts } = linesOf(outcomes, locale);
    for (const line of lines) console.log(line);
    console.log(stored ? t('register.import.done', { ...counts, by: actor.name ?? actor.userId }) : t('register.dryRun.summary', counts));
    process.exitCode = stored ? 0 : 1;
  } catch (err) {
    if (err instanceof BotFailure) console.error(translator(loadConfig().config.municipality.language)(err.error.code, err.error.params));
    else console.error(err instanceof ConfigError || err instanceof UsageError ? err.message : `Samverkan import failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  } finally {
    await store?.close();
    await pool.close();
  }
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;

// Run as a command, not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) await main();
