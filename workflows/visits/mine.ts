import { actorKey, type Actor, type Target } from '../../src/core/actor.ts';
import type { Card, Section } from '../../src/core/card.ts';
import type { RequestContext } from '../../src/core/command.ts';
import type { Delivery, OutboxRow } from '../../src/core/delivery.ts';
import { idLabel } from '../../src/core/format.ts';
import type { MyWorkProvider } from '../../src/core/my-work.ts';
import type { Router } from '../../src/core/router.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { translator } from '../../src/i18n/index.ts';
import * as cards from './cards.ts';
import type { ReportService } from './reports.ts';
import type { VisitService } from './service.ts';

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

/** The "reports owed" section: visits the person led that are over and not reported. */
export function reportsOwedProvider(reports: ReportService, visits: VisitService): MyWorkProvider {
  return async (person, ctx) => {
    const owed = await reports.owed(actorKey(person), ctx.now);
    const c = visits.cardContext(ctx);
    return {
      order: 30,
      title: ctx.t('mywork.reports.title'),
      empty: ctx.t('mywork.reports.empty'),
      items: owed.map((v) => ctx.t('mywork.reports.item', { id: idLabel.visit(v.id), dates: cards.dates(v, c), place: v.place ?? cards.direction(v, c) })),
    };
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
