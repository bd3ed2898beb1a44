import type { Actor, Target } from '../../src/core/actor.ts';
import type { Card, Section } from '../../src/core/card.ts';
import type { RequestContext } from '../../src/core/command.ts';
import type { Delivery, OutboxRow, WorkflowModule } from '../../src/core/delivery.ts';
import { MY_WORK_REFRESH } from '../../src/core/my-work.ts';
import { personalCard, privateCard } from '../../src/core/reply.ts';
import type { Router } from '../../src/core/router.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { translator } from '../../src/i18n/index.ts';

/** Teams asks for this action when it shows a my-work card (Adaptive Card `refresh`). */
export const MY_WORK_SHOW = 'mywork.show';

type ViewContext = Pick<RequestContext, 't' | 'locale' | 'now'>;

/**
 * "My work": one card with every workflow's section for a person. The `mine` command answers
 * with it; Slack's App Home shows it and is re-published when it changes; in Teams the card
 * asks to be refreshed whenever it is shown, so it is current without the bot posting again.
 */
export async function myWorkCard(router: Router, person: Actor, ctx: ViewContext): Promise<Card> {
  const parts = await Promise.all(router.myWorkProviders().map((provide) => provide(person, ctx)));
  const sections: Section[] = [];
  for (const part of [...parts].sort((a, b) => a.order - b.order)) {
    sections.push({ type: 'text', text: part.title });
    sections.push(part.items.length ? { type: 'list', items: [...part.items] } : { type: 'text', text: part.empty });
  }
  const open = parts.reduce((n, p) => n + p.items.length, 0);
  return {
    title: ctx.t('mywork.title'),
    summary: ctx.t('mywork.summary', { count: open }),
    sections,
    context: ctx.t('mywork.context'),
    refresh: { action: MY_WORK_SHOW, value: '' },
  };
}

/** Re-renders a person's view at send time: Slack's App Home; Teams refreshes its cards itself. */
export function myWorkRefresh(router: Router, municipality: MunicipalitySettings) {
  return async (row: OutboxRow, now: ViewContext['now']): Promise<Delivery> => {
    const target = row.target;
    if (!target || target.kind !== 'user') return { action: 'drop', reason: 'not a person' };
    if (target.platform === 'teams') return { action: 'drop', reason: 'Teams refreshes the my-work card when it is shown' };
    const ctx = { t: translator(municipality.locale), locale: municipality.locale, now };
    return { action: 'home', target, card: await myWorkCard(router, personOf(target), ctx) };
  };
}

function personOf(target: Extract<Target, { kind: 'user' }>): Actor {
  return { platform: target.platform, tenantId: target.tenantId ?? '', userId: target.userId };
}

/**
 * Registers the `mine` command, the Teams refresh action and the refresh delivery. The sections
 * come from the workflows (`router.myWorkSection`): deadlines, reports owed, approvals waiting.
 */
export function registerMyWork(router: Router, municipality: MunicipalitySettings): WorkflowModule {
  router
    .command('mine', async (_args, ctx) => personalCard(await myWorkCard(router, ctx.actor, ctx)))
    .action(MY_WORK_SHOW, async (_action, ctx) => ({ reply: privateCard(await myWorkCard(router, ctx.actor, ctx)) }));
  return { deliveries: new Map([[MY_WORK_REFRESH, myWorkRefresh(router, municipality)]]), planners: [] };
}
