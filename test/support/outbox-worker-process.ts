/**
 * A real process delivering the outbox, for the soak test (test/soak): the production
 * Scheduler, outbox store and Slack notifier, on the database and fake Slack the test names.
 * Times are scaled down (a 1 s client timeout, a 2 s lease, a 200 ms tick) so several kills
 * fit in the suite's time; the ratios between them are production's.
 *
 *   node --import tsx test/support/outbox-worker-process.ts <database-url> <schema|-> <slack-api-url> <worker-id> <concurrency>
 */
import { webApi } from '@slack/bolt';
import { slackClientOptions } from '../../adapters/slack/commands.ts';
import { createSlackNotifier } from '../../adapters/slack/notifier.ts';
import { openStore } from '../../db/connect.ts';
import { KyselyOutboxStore } from '../../db/repositories/outbox.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { translator } from '../../src/i18n/index.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';

const [url = '', schema = '-', slackUrl = '', workerId = 'w', concurrency = '8'] = process.argv.slice(2);
const store = openStore(url, schema === '-' ? {} : { schema, poolSize: 4 });
const client = new webApi.WebClient('xoxb-soak', { ...slackClientOptions(slackUrl), timeout: 1_000 });
const scheduler = new Scheduler({
  store: new KyselyOutboxStore(store.db, store.dialect),
  notifiers: new Map([['slack', createSlackNotifier(client, translator('sv'))]]),
  handlers: new Map([
    ['soak.reminder', async (row) => (row.target ? { action: 'send', target: row.target, card: { summary: `soak ${String(row.payload.n)}`, sections: [] } } : { action: 'drop', reason: 'no target' })],
  ]),
  clock: systemClock,
  log: silentLogger(),
  markLate: (card) => card,
  workerId,
  leaseMs: 2_000,
  tickMs: 200,
  concurrency: Number(concurrency),
  batchSize: 50,
});
// The first tick may deliver everything; the test wants to know the process is up, not done.
void scheduler.start();
process.send?.('started');
// The scheduler's timer does not keep a process alive (the app's HTTP server does); this does,
// until the test kills it.
setInterval(() => undefined, 60_000);
