import { createApp } from './app.ts';
import { obsoleteSettings, readEnv } from './config/env.ts';
import { ConfigError, loadConfig } from './config/load.ts';
import { createLogger } from './core/logger.ts';

/** Thin wiring: environment and configuration, then the app; fails fast with a readable error. */
async function main(): Promise<void> {
  const log = createLogger();
  let app;
  try {
    const env = readEnv();
    const { config, source } = loadConfig();
    app = await createApp({ config, configSource: source, env, log });
    const port = await app.start(env.PORT, env.HOST);
    for (const line of [...app.summary, ...obsoleteSettings()]) console.log(`Samverkan ${line}`);
    console.log(`Samverkan HTTP: listening on http://${env.HOST ?? 'localhost'}:${port} (/healthz, /api/messages${app.slack?.httpHandler ? ', /slack/events' : ''})`);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
