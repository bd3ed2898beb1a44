import { SIGNING_SECRET, SLACK_TEAM, type AppHarness } from '../support/app-harness.ts';
import { blockAction, eventCallback, findButton, post, slashCommand, viewSubmission, type OpenedView } from '../support/slack-requests.ts';

/** Drives the real app as Slack would: signed slash commands, button presses and modal submissions. */
export function slackDriver(h: () => AppHarness) {
  const sign = { signingSecret: SIGNING_SECRET };
  const events = () => `${h().baseUrl}/slack/events`;
  let n = 0;

  /** Runs a command and returns what the person sees in the response. */
  async function command(text: string, options: { userId?: string; channelId?: string } = {}): Promise<string> {
    const id = `r${++n}`;
    const triggerId = `trigger-${id}`;
    const res = await post(
      events(),
      slashCommand(
        { text, responseUrl: h().slack.responseUrl(id), teamId: SLACK_TEAM, channelId: options.channelId ?? 'C0KFN', userId: options.userId ?? 'U0ANNA', triggerId },
        sign,
      ),
    );
    if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
    const answer = await Promise.race([
      h().slack.waitFor('response', (c) => c.id === id).then((c) => JSON.stringify(c.body)),
      h().slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId).then((c) => JSON.stringify(c.body)),
    ]);
    return answer;
  }

  /** Text of every chat.postMessage to a channel (or a user's DM, by user id). */
  function postedTo(channel: string): { text: string; blocks: unknown; all: string }[] {
    return h()
      .slack.calls('chat.postMessage')
      .filter((c) => c.body.channel === channel)
      .map((c) => ({ text: String(c.body.text ?? ''), blocks: c.body.blocks, all: JSON.stringify(c.body) }));
  }

  /** Presses a button in a posted message; resolves with the modal it opened. */
  async function pressForModal(blocks: unknown, label: string, userId = 'U0ANNA'): Promise<OpenedView> {
    const button = findButton(blocks, { label });
    const id = `p${++n}`;
    const triggerId = `trigger-${id}`;
    const res = await post(
      events(),
      blockAction(
        { actionId: button.actionId, value: button.value, responseUrl: h().slack.responseUrl(id), messageTs: '1.000', channelId: `D${userId}`, teamId: SLACK_TEAM, userId, triggerId },
        sign,
      ),
    );
    if (res.status !== 200) throw new Error(`button press answered ${res.status}`);
    const opened = await h().slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId);
    return opened.body.view as OpenedView;
  }

  /** Submits a modal; returns Slack's answer (field errors, or empty when it closes). */
  async function submit(view: OpenedView, values: Record<string, string>, userId = 'U0ANNA'): Promise<string> {
    const res = await post(events(), viewSubmission({ view, values, teamId: SLACK_TEAM, userId }, sign));
    if (res.status !== 200) throw new Error(`view submission answered ${res.status}`);
    return res.body;
  }

  async function openHome(userId: string): Promise<void> {
    await post(events(), eventCallback({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: '1.1' }, sign, SLACK_TEAM));
  }

  return { command, postedTo, pressForModal, submit, openHome };
}

/** A complete, valid report as a lead would write it. */
export const goodReport = {
  purpose: 'Följa upp samarbetet om äldreomsorg och planera nästa års utbyte.',
  activities: 'Studiebesök på två äldreboenden och möte med Cēsis socialförvaltning.',
  participants: 'Anna Ek (handläggare), Per Berg (ordförande KFN)',
  results: 'Gemensam plan för personalutbyte hösten 2027.',
  costs: '18 500 kr (resor 12 000, logi 6 500)',
  followUps: 'Anna skickar planen till Cēsis före 1 december.',
} as const;
