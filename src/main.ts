import { createApp, type SamverkanApp } from './app.ts';
import { obsoleteSettings, readEnv } from './config/env.ts';
import { ConfigError, loadConfig } from './config/load.ts';
import { createLogger } from './core/logger.ts';
import { bindAddress } from './http/bind.ts';
import { StartupError } from './startup-error.ts';

/** Whatever hangs in a shutdown, the process is gone by then (container runtimes wait 10 s). */
const SHUTDOWN_DEADLINE_MS = 9_000;

/**
 * Thin wiring: environment and configuration, then the app; fails fast with one readable line.
 * SIGTERM and SIGINT are handled from the first moment, start-up included: a signal during
 * start-up lets the current step finish, skips the rest, and stops what was started.
 */
function main(): void {
  const log = createLogger();
  let app: SamverkanApp | undefined;
  let stopping = false;

  const started = (async () => {
    const env = readEnv();
    const { config, source } = loadConfig();
    app = await createApp({ config, configSource: source, env, log });
    if (stopping) return;
    const bind = bindAddress(env);
    const port = await app.start(env.PORT, bind.host);
    for (const line of [...app.summary, ...obsoleteSettings()]) console.log(`Samverkan ${line}`);
    const routes = ['/healthz', '/readyz', '/metrics', '/api/messages', ...(app.slack?.httpHandler ? ['/slack/events'] : [])];
    console.log(`Samverkan HTTP: listening on http://${bind.host ?? '0.0.0.0'}:${port}, ${bind.note} (${routes.join(', ')})`);
  })();

  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn({ signal }, 'second signal during shutdown: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Still in createApp (opening or migrating the database): nothing is claimed or sent yet, and
    // an unfinished migration is rolled back by the database, so there is nothing to wait for.
    if (!app) process.exit(0);
    setTimeout(() => {
      log.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time: exiting; unfinished outbox rows stay claimable');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    started
      .catch(() => undefined)
      .then(() => app?.stop())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  started.catch(async (err: unknown) => {
    if (stopping) return;
    await app?.stop().catch(() => undefined);
    if (err instanceof ConfigError || err instanceof StartupError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  });
}

main();
