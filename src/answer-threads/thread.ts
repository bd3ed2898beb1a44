/**
 * One answer thread: its own connection to the store, its own Bot wired from the same
 * configuration, and a Slack Web API client. It answers acked slash commands that the main
 * thread hands over (see pool.ts), so the main thread's event loop only receives and acks.
 */
import { workerData } from 'piscina';
import { commandAnswerer, slackWebClient, usergroupMembers, type SlackCommandJob } from '../../adapters/slack/commands.ts';
import { SlackReplies } from '../../adapters/slack/replies.ts';
import { openStore } from '../../db/connect.ts';
import { wireCore } from '../core-wiring.ts';
import { systemClock } from '../core/clock.ts';
import { createLogger } from '../core/logger.ts';
import type { AnswerThreadData, AnswerThreadTask } from './pool.ts';
import { idleThisThread, type AnswerPriority } from './priority.ts';

const priority = idleThisThread();
const data = workerData as AnswerThreadData;
const log = createLogger(data.logLevel).child({ thread: 'answers' });
const store = openStore(data.store.url, data.store.options);
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
const answer = commandAnswerer({ bot, log, replies: new SlackReplies(bot), client });

/** A ping says the thread is up, and at which CPU priority; a command is answered. */
export default async function run(task: AnswerThreadTask): Promise<AnswerPriority | undefined> {
  if (task.kind === 'ping') return priority;
  await answer(task.job satisfies SlackCommandJob);
  return undefined;
}
