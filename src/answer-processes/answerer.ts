/**
 * The entry of an answer process (see processes.ts): its own connection to the store, its own Bot
 * wired from the same configuration, and a Slack Web API client. It answers acked slash commands
 * that the main process hands over, so the main process's event loop only receives and acks.
 */
import type { CommandAnswerer, SlackCommandJob } from '../../adapters/slack/commands.ts';
import type { Store } from '../../db/connect.ts';
import { kernelPriorityOfThisProcess } from './priority.ts';
import type { AnswerProcessData, FromAnswerer, ToAnswerer } from './protocol.ts';

// After the main process has gone, there is nobody to tell.
const send = (message: FromAnswerer) => void (process.connected && process.send?.(message));

let answer: CommandAnswerer | undefined;
let store: Store | undefined;
let concurrency = 1;
let running = 0;
const queue: { id: number; job: SlackCommandJob }[] = [];

async function init(data: AnswerProcessData): Promise<void> {
  // The app's modules load only now, so the process listens before it spends a second loading.
  const [{ commandAnswerer, slackWebClient, usergroupMembers }, { SlackReplies }, { openStore }, { wireCore }, { systemClock }, { createLogger }] = await Promise.all([
    import('../../adapters/slack/commands.ts'),
    import('../../adapters/slack/replies.ts'),
    import('../../db/connect.ts'),
    import('../core-wiring.ts'),
    import('../core/clock.ts'),
    import('../core/logger.ts'),
  ]);
  const log = createLogger(data.logLevel).child({ process: 'answers' });
  store = openStore(data.store.url, data.store.options);
  const client = slackWebClient({ botToken: data.slack.botToken, ...(data.slack.apiUrl ? { apiUrl: data.slack.apiUrl } : {}) });
  const { bot } = wireCore({
    config: data.config,
    configSource: data.configSource,
    store,
    clock: systemClock,
    log,
    membersOf: async (platform, id) => (platform === 'slack' ? usergroupMembers(client, id, log) : []),
    publicBaseUrl: () => data.publicBaseUrl,
  });
  answer = commandAnswerer({ bot, log, replies: new SlackReplies(bot), client });
  concurrency = Math.max(1, data.concurrency);
  send({ kind: 'ready', priority: kernelPriorityOfThisProcess() });
}

function next(): void {
  while (answer && running < concurrency && queue.length > 0) {
    const { id, job } = queue.shift()!;
    running++;
    answer(job).then(
      () => send({ kind: 'done', id }),
      (err: unknown) => send({ kind: 'failed', id, message: err instanceof Error ? err.message : String(err) }),
    ).finally(() => {
      running--;
      next();
    });
  }
}

process.on('message', (message: ToAnswerer) => {
  if (message.kind === 'init') {
    init(message.data).catch((err: unknown) => {
      console.error('Samverkan answer process could not start:', err);
      process.exit(1);
    });
  } else {
    queue.push({ id: message.id, job: message.job });
    next();
  }
});

// The main process closed the channel (it is stopping, or it died): finish and go.
process.on('disconnect', () => {
  const finish = () => (running > 0 || queue.length > 0 ? setTimeout(finish, 20) : void (store?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
  finish();
});

send({ kind: 'hello' });
