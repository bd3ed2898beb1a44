import { actorKey } from '../../src/core/actor.ts';
import { idLabel } from '../../src/core/format.ts';
import type { MyWorkProvider } from '../../src/core/my-work.ts';
import * as cards from './cards.ts';
import type { ReportService } from './reports.ts';
import type { VisitService } from './service.ts';

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
