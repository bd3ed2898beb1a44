import type { RequestContext } from '../../src/core/command.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { RegisterRenderer, RegisterRepos, RegisterSnapshot } from './ports.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Far above any municipality's register; the export has every row, not a page. */
const ALL = 1_000_000;

export async function readSnapshot(read: RegisterRepos): Promise<RegisterSnapshot> {
  const [engagements, calls, deadlines, visits] = await Promise.all([
    read.engagements.list({ limit: ALL }),
    read.calls.list(),
    read.deadlines.listOpen({ limit: ALL }),
    read.visits.list({ limit: ALL }),
  ]);
  return { engagements, calls, deadlines, visits };
}

/** `export`: the whole register as one workbook, one sheet per kind, in the municipality's language. */
export async function exportRegister(uow: UnitOfWork<RegisterRepos>, zone: string, renderer: RegisterRenderer, ctx: RequestContext): Promise<Reply> {
  const snapshot = await readSnapshot(uow.read);
  const data = await renderer.registerXlsx({ snapshot, locale: ctx.locale });
  const counts = {
    engagements: snapshot.engagements.length,
    calls: snapshot.calls.length,
    deadlines: snapshot.deadlines.length,
    visits: snapshot.visits.length,
  };
  const title = ctx.t('register.export.title');
  const text = ctx.t('register.export.text', counts);
  const day = ctx.now.setZone(zone).toISODate() ?? '';
  return {
    kind: 'file',
    card: { title, summary: `${title}: ${text}`, sections: [{ type: 'text', text }] },
    files: [{ name: ctx.t('register.export.file', { date: day }), mimeType: XLSX, data }],
  };
}
