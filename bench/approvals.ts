/**
 * Approval buttons under load (issue 3, R3): N approvers press Approve on N different requests
 * at once and then submit their decision forms at once, through signed Slack requests to the
 * real HTTP server (createApp, Bolt's receiver, the outbox store). Measured per request:
 *
 *   ack         the HTTP answer to the button press (block_actions) and to the form (view_submission)
 *   visible     press → the modal (views.open); submission → the updated card (chat.update), as
 *               the fake Slack timestamps those calls
 *
 * against the same number of simultaneous `/samverkan deadlines` commands in the same process
 * (ack; visible = the answer through response_url). Reported as p99 ratios. Server, fake Slack
 * and load generator share one process and event loop, so both sides pay the same overhead.
 *
 *   npx tsx bench/approvals.ts     (BENCH_APPROVERS=50, BENCH_ROUNDS=2, BENCH_DATABASE_URL=postgres://… for PostgreSQL)
 *
 * Seeding takes most of the time, and rightly: every request's card goes to the board's one
 * channel, and the outbox posts to a Slack channel at most once a second (Slack's limit), so N
 * cards take N seconds per round. 200 approvers and 3 rounds took some 14 minutes per database.
 */
import { pathToFileURL } from 'node:url';
import { blockAction, findButton, post, slashCommand, viewSubmission, type OpenedView } from '../test/support/slack-requests.ts';
import { signingSecret, startBenchApp, teamId, type BenchApp } from './slack-app.ts';
import { markdownTable, ms, percentile, ratio, textTable } from './stats.ts';

const sign = { signingSecret };

export interface ApprovalsBenchOptions {
  readonly approvers?: number;
  readonly rounds?: number;
  /** PostgreSQL URL; SQLite (a temporary file) without it. */
  readonly postgresUrl?: string;
  readonly log?: (line: string) => void;
}

export interface Samples {
  readonly ack: number[];
  readonly visible: number[];
}

export interface ApprovalsBenchResult {
  readonly approvers: number;
  readonly rounds: number;
  readonly database: string;
  readonly press: Samples;
  readonly decide: Samples;
  readonly deadlines: Samples;
  /** Decisions recorded: must equal approvers × rounds. */
  readonly decisions: number;
}

const approverId = (i: number) => `U0APPR${String(i).padStart(4, '0')}`;

function start(approvers: number, postgresUrl: string | undefined): Promise<BenchApp> {
  const config = {
    committees: [{ id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { slack: 'C0KFN' } }],
    governance: {
      preset: 'tyreso',
      bodies: [
        {
          id: 'ks',
          kind: 'board',
          name: 'Kommunstyrelsen',
          channel: { slack: 'C0KS' },
          approvers: { slack: Array.from({ length: approvers }, (_, i) => approverId(i)) },
          meetings: ['2099-12-01'],
        },
      ],
    },
  };
  return startBenchApp('approvals', config, postgresUrl);
}

let sequence = 0;
async function command(b: BenchApp, text: string, userId = 'U0ANNA'): Promise<string> {
  const id = `seed-${++sequence}`;
  await post(b.url, slashCommand({ text, responseUrl: b.slack.responseUrl(id), teamId, channelId: 'C0KFN', userId }, sign));
  return JSON.stringify((await b.slack.waitFor('response', (c) => c.id === id, 10_000)).body);
}

/** N requests waiting for a decision, each card posted to the board's channel: their ts and blocks. */
async function seedRequests(b: BenchApp, n: number): Promise<{ ts: string; blocks: unknown }[]> {
  const before = (await b.app.store.db.selectFrom('applications').select('id').execute()).length;
  for (let i = 0; i < n; i++) {
    const answer = await command(b, `ansök E1 "Nordplus ${before + i}" belopp=${10_000 + i}`);
    if (!answer.includes('väntar på beslut')) throw new Error(`seeding a request failed: ${answer.slice(0, 200)}`);
  }
  b.slack.reset();
  // Each request also refreshes every approver's "my work": ticks until all cards are out.
  const cardsPosted = () => b.slack.calls('chat.postMessage').filter((c) => c.body.channel === 'C0KS');
  for (let tick = 0; tick < 100 && cardsPosted().length < n; tick++) await b.app.scheduler.tick();
  const posted = cardsPosted();
  const refs = await b.app.store.db
    .selectFrom('posted_messages')
    .select('message_id')
    .where('conversation_id', '=', 'C0KS')
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
  if (posted.length !== n || refs.length !== n) throw new Error(`expected ${n} posted cards, got ${posted.length}`);
  // Newest first from the query; the fake recorded them in posting order.
  return refs.reverse().map((r, i) => ({ ts: r.message_id, blocks: posted[i]?.body.blocks }));
}

async function approvalRound(b: BenchApp, cards: { ts: string; blocks: unknown }[], press: Samples, decide: Samples): Promise<void> {
  b.slack.reset();
  // Every approver presses Approve on their own request at the same moment.
  const pressed = await Promise.all(
    cards.map(async (card, i) => {
      const trigger = `trig-${++sequence}`;
      const request = blockAction(
        { ...findButton(card.blocks, { label: 'Godkänn' }), responseUrl: b.slack.responseUrl(trigger), messageTs: card.ts, channelId: 'C0KS', teamId, userId: approverId(i), triggerId: trigger },
        sign,
      );
      const t0 = Date.now();
      const res = await post(b.url, request);
      if (res.status !== 200) throw new Error(`press answered HTTP ${res.status}`);
      press.ack.push(Date.now() - t0);
      const open = await b.slack.waitFor('views.open', (c) => c.body.trigger_id === trigger, 30_000);
      press.visible.push(open.at - t0);
      return { card, userId: approverId(i), view: open.body.view as OpenedView };
    }),
  );
  // …and then all submit their decision forms at the same moment.
  await Promise.all(
    pressed.map(async ({ card, userId, view }, i) => {
      const request = viewSubmission({ view, values: { reference: `KS § ${i + 1}, 2026.${100 + i}` }, teamId, userId }, sign);
      const t0 = Date.now();
      const res = await post(b.url, request);
      if (res.status !== 200) throw new Error(`submission answered HTTP ${res.status}`);
      decide.ack.push(Date.now() - t0);
      const update = await b.slack.waitFor('chat.update', (c) => c.body.ts === card.ts, 30_000);
      decide.visible.push(update.at - t0);
    }),
  );
}

async function deadlinesRound(b: BenchApp, n: number, samples: Samples): Promise<void> {
  b.slack.reset();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const id = `deadlines-${++sequence}`;
      const request = slashCommand({ text: 'frister', responseUrl: b.slack.responseUrl(id), teamId, channelId: 'C0KFN', userId: approverId(i) }, sign);
      const t0 = Date.now();
      const res = await post(b.url, request);
      if (res.status !== 200) throw new Error(`deadlines answered HTTP ${res.status}`);
      samples.ack.push(Date.now() - t0);
      const answer = await b.slack.waitFor('response', (c) => c.id === id, 30_000);
      samples.visible.push(answer.at - t0);
    }),
  );
}

export async function runApprovalsBench(options: ApprovalsBenchOptions = {}): Promise<ApprovalsBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const approvers = options.approvers ?? 50;
  const rounds = options.rounds ?? 2;
  const b = await start(approvers, options.postgresUrl);
  try {
    await command(b, 'samarbete ny "Nordplus Junior" type=nordplus committee=kfn');
    for (let m = 1; m <= 8; m++) await command(b, `frist ny "Slutrapport ${m}" 2099-${String(m).padStart(2, '0')}-15`);
    const press: Samples = { ack: [], visible: [] };
    const decide: Samples = { ack: [], visible: [] };
    const deadlines: Samples = { ack: [], visible: [] };
    // One unmeasured round of each warms up the JIT, the pools and the prepared statements.
    log(`  warming up with ${approvers} approvers (${b.database}); each round first posts ${approvers} cards to the board's channel at Slack's pace, one a second`);
    await approvalRound(b, await seedRequests(b, approvers), { ack: [], visible: [] }, { ack: [], visible: [] });
    await deadlinesRound(b, approvers, { ack: [], visible: [] });
    for (let round = 1; round <= rounds; round++) {
      const cards = await seedRequests(b, approvers);
      // Alternate the order, so neither side always runs on a warmer process.
      if (round % 2 === 1) {
        await approvalRound(b, cards, press, decide);
        await deadlinesRound(b, approvers, deadlines);
      } else {
        await deadlinesRound(b, approvers, deadlines);
        await approvalRound(b, cards, press, decide);
      }
      log(`  round ${round}/${rounds}: p99 decision→card ${ms(percentile(decide.visible, 99))} ms, deadlines answer ${ms(percentile(deadlines.visible, 99))} ms`);
    }
    const decisions = (await b.app.store.db.selectFrom('decisions').select('id').execute()).length;
    return { approvers, rounds, database: b.database, press, decide, deadlines, decisions: decisions - approvers };
  } finally {
    await b.close();
  }
}

export function approvalsTable(r: ApprovalsBenchResult): { header: string[]; rows: string[][] } {
  const header = ['load', 'samples', 'ack p50', 'ack p99', 'visible p50', 'visible p99', 'what is visible'];
  const row = (name: string, s: Samples, what: string) => [
    name,
    String(s.ack.length),
    `${ms(percentile(s.ack, 50))} ms`,
    `${ms(percentile(s.ack, 99))} ms`,
    `${ms(percentile(s.visible, 50))} ms`,
    `${ms(percentile(s.visible, 99))} ms`,
    what,
  ];
  return {
    header,
    rows: [
      row('Approve pressed', r.press, 'the decision form (views.open)'),
      row('decision submitted', r.decide, 'the updated card (chat.update)'),
      row('`deadlines` typed', r.deadlines, 'the answer (response_url)'),
    ],
  };
}

export function approvalsSummary(r: ApprovalsBenchResult): string[] {
  const p99 = (s: number[]) => percentile(s, 99);
  const expected = r.approvers * r.rounds;
  return [
    `${r.approvers} approvers at once on ${r.approvers} different requests, ${r.rounds} rounds, ${r.database}`,
    `p99 ack, press / deadlines: ${ratio(p99(r.press.ack) / p99(r.deadlines.ack))}; submission / deadlines: ${ratio(p99(r.decide.ack) / p99(r.deadlines.ack))}`,
    `p99 visible, form / deadlines answer: ${ratio(p99(r.press.visible) / p99(r.deadlines.visible))}; updated card / deadlines answer: ${ratio(p99(r.decide.visible) / p99(r.deadlines.visible))}`,
    `decisions recorded: ${r.decisions} of ${expected}${r.decisions === expected ? '' : ' (INVALID)'}`,
  ];
}

/** For bench/run.ts: SQLite, then PostgreSQL unless BENCH_SKIP_POSTGRES=1; prints and returns a Markdown section. */
export async function approvalsBench(): Promise<string> {
  console.log(`\n4. Approval buttons (R3): ${process.env.BENCH_APPROVERS ?? 50} approvers on as many requests at once, against as many \`deadlines\` commands`);
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const sizes = {
    ...(process.env.BENCH_APPROVERS ? { approvers: Number(process.env.BENCH_APPROVERS) } : {}),
    ...(process.env.BENCH_ROUNDS ? { rounds: Number(process.env.BENCH_ROUNDS) } : {}),
  };
  const runs = [await runApprovalsBench(sizes)];
  if (process.env.BENCH_SKIP_POSTGRES !== '1') runs.push(await runApprovalsBench({ ...sizes, postgresUrl }));
  const section = ['### Approval buttons under load (R3)', ''];
  for (const r of runs) {
    const table = approvalsTable(r);
    console.log(`\n${textTable(table.header, table.rows)}\n${approvalsSummary(r).join('\n')}`);
    section.push(`${r.database}:`, '', markdownTable(table.header, table.rows), '', ...approvalsSummary(r).map((l) => `- ${l}`), '');
  }
  return section.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runApprovalsBench({
    ...(process.env.BENCH_APPROVERS ? { approvers: Number(process.env.BENCH_APPROVERS) } : {}),
    ...(process.env.BENCH_ROUNDS ? { rounds: Number(process.env.BENCH_ROUNDS) } : {}),
    ...(process.env.BENCH_DATABASE_URL ? { postgresUrl: process.env.BENCH_DATABASE_URL } : {}),
  });
  const table = approvalsTable(result);
  console.log(`\n${textTable(table.header, table.rows)}\n\n${approvalsSummary(result).join('\n')}`);
}
