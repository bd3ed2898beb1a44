import type { DateTime } from 'luxon';
import { toInstant } from '../../src/core/clock.ts';
import type { Delivery, DeliveryHandler, OutboxRow, PostedMessages } from '../../src/core/delivery.ts';
import { decidedCard, reminderCard, requestCard, warningCard } from './cards.ts';
import { DECIDED, EXPIRE, MY_WORK_FANOUT, REFRESH, REMINDER, REQUEST, WARNING, roundOf, subject, type Governance } from './context.ts';

const drop = (reason: string): Delivery => ({ action: 'drop', reason });

/** Cards are built at send time from current state; a request decided meanwhile is not posted. */
export function approvalDeliveries(g: Governance, posted: PostedMessages): Map<string, DeliveryHandler> {
  const current = async (row: OutboxRow) => {
    const a = row.subject ? await g.uow.read.applications.get(row.subject.id) : undefined;
    return a && a.round === roundOf(row.subject) ? a : undefined;
  };

  const updatePosted = async (row: OutboxRow, now: DateTime): Promise<Delivery> => {
    const a = row.subject ? await g.uow.read.applications.get(row.subject.id) : undefined;
    if (!a || !row.subject) return drop('application missing');
    const card = requestCard(await g.view(g.uow.read, a, roundOf(row.subject)), g.cardContext(now));
    const messages = await posted.postedFor(row.subject, [REQUEST, REMINDER]);
    return messages.length ? { action: 'update', messages, card } : drop('no posted request cards');
  };

  return new Map<string, DeliveryHandler>([
    [
      REQUEST,
      async (row, now) => {
        const a = await current(row);
        if (!a || a.status !== 'awaiting' || !row.target) return drop('no longer waiting for a decision');
        return { action: 'send', target: row.target, card: requestCard(await g.view(g.uow.read, a), g.cardContext(now)) };
      },
    ],
    [REFRESH, updatePosted],
    [
      DECIDED,
      async (row, now) => {
        const a = await current(row);
        if (!a || a.status === 'awaiting' || !row.target) return drop('nothing decided in this round');
        return { action: 'send', target: row.target, card: decidedCard(await g.view(g.uow.read, a), g.cardContext(now)) };
      },
    ],
    [
      WARNING,
      async (row, now) => {
        const a = await current(row);
        if (!a || a.status !== 'awaiting' || !row.target) return drop('no longer waiting for a decision');
        const card = warningCard(await g.view(g.uow.read, a), g.cardContext(now));
        return card ? { action: 'send', target: row.target, card } : drop('no longer late');
      },
    ],
    [
      REMINDER,
      async (row, now) => {
        const a = await current(row);
        if (!a || a.status !== 'awaiting' || !row.target) return drop('no longer waiting for a decision');
        const card = reminderCard(await g.view(g.uow.read, a), String(row.payload.meeting ?? ''), g.cardContext(now));
        return { action: 'send', target: row.target, card };
      },
    ],
    [
      MY_WORK_FANOUT,
      async (row, now) => {
        const body = g.body(String(row.payload.body ?? ''));
        const targets = g.approverTargets(body);
        if (targets.length) await g.uow.run((repos) => repos.outbox.enqueue(g.myWorkRefresh(targets, now, row.dueAt)));
        return drop(`fanned out to ${targets.length} approvers`);
      },
    ],
    [
      EXPIRE,
      async (row, now) => {
        if (!row.subject) return drop('no subject');
        const round = roundOf(row.subject);
        const at = toInstant(now);
        // A request still undecided when its call closes expires; its cards lose their buttons.
        await g.uow.run(async (repos) => {
          const a = await repos.applications.get(row.subject?.id ?? 0);
          if (!a || !(await repos.applications.transition(a.id, { from: ['awaiting'], round, to: 'expired', at }))) return;
          await repos.audit.append({ applicationId: a.id, event: 'expired', from: 'awaiting', to: 'expired', at });
          const s = subject(a.id, round);
          await repos.outbox.cancelPending(s, [REMINDER, WARNING]);
          const requester = { kind: 'user' as const, platform: a.requestedBy.platform, userId: a.requestedBy.userId, tenantId: a.requestedBy.tenantId };
          await repos.outbox.enqueue([
            { kind: DECIDED, subject: s, target: requester, dueAt: at },
            ...g.myWorkChanged(g.body(a.bodyId), requester, now),
          ]);
        });
        const a = await current(row);
        return a?.status === 'expired' ? updatePosted(row, now) : drop('decided before the call closed');
      },
    ],
  ]);
}
