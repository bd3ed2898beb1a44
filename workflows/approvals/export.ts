import { localDaysToUtc } from '../../src/calendar/index.ts';
import type { Actor } from '../../src/core/actor.ts';
import { fromInstant, toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import { idLabel } from '../../src/core/format.ts';
import type { Reply } from '../../src/core/reply.ts';
import { translator } from '../../src/i18n/index.ts';
import { outcomeWord } from './cards.ts';
import type { Governance } from './context.ts';
import type { DecisionsCsvJob, DecisionsRenderer } from './ports.ts';

const BOM = '\uFEFF';

/** One CSV field as Excel reads it: quoted when needed, and never taken for a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The decisions of a period for the records register: UTF-8 with a byte order mark (so Excel
 * does not read it as Latin-1), semicolons (what Swedish Excel expects), CRLF line ends.
 */
export function decisionsCsv({ rows, bodyNames, zone, locale }: DecisionsCsvJob): Uint8Array {
  const t = translator(locale);
  const lines = [t('approval.csv.header')];
  for (const d of rows) {
    const decided = fromInstant(d.decidedAt).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
    lines.push(
      [
        decided,
        bodyNames[d.bodyId] ?? d.bodyId,
        t(outcomeWord(d.outcome)),
        d.reference,
        idLabel.application(d.applicationId),
        `${idLabel.engagement(d.engagementId)} ${d.engagementTitle}`,
        d.callText,
        d.amount === undefined ? '' : String(d.amount),
        personText(d.decidedBy),
        d.comment,
      ]
        .map(csvField)
        .join(';'),
    );
  }
  return new TextEncoder().encode(`${BOM}${lines.join('\r\n')}\r\n`);
}

/** A name for the register, with the id that stays the same when the name changes. */
function personText(p: Actor): string {
  const id = p.platform === 'teams' ? (p.aadObjectId ?? p.userId) : p.userId;
  return p.name ? `${p.name} (${id})` : id;
}

export async function exportDecisions(g: Governance, renderer: DecisionsRenderer, args: ResolvedArgs<'decisions.export'>, ctx: RequestContext): Promise<Reply> {
  // Both days count, in the municipality's calendar; the grammar has made sure `to` is not before `from`.
  const days = localDaysToUtc(args.from, args.to, g.zone);
  const rows = await g.uow.read.decisions.between(toInstant(days.start), toInstant(days.end));
  const bodyNames = Object.fromEntries(g.settings.bodies.map((b) => [b.id, b.name]));
  const data = await renderer.decisionsCsv({ rows, bodyNames, zone: g.zone, locale: ctx.locale });
  const text = ctx.t('approval.export.text', { count: rows.length });
  const title = ctx.t('approval.export.title', { from: args.from, to: args.to });
  return {
    kind: 'file',
    card: { title, summary: `${title}: ${text}`, sections: [{ type: 'text', text }] },
    files: [{ name: ctx.t('approval.export.file', { from: args.from, to: args.to }), mimeType: 'text/csv', data }],
  };
}
