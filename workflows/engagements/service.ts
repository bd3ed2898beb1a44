import type { Card, Fact } from '../../src/core/card.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { formatDate, formatDueDate, idLabel, personLabel } from '../../src/core/format.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { privateCard, publicCard, type Reply } from '../../src/core/reply.ts';
import { committeeById, type MunicipalitySettings } from '../../src/core/settings.ts';
import { localDate } from '../../src/calendar/index.ts';
import type { MessageKey } from '../../src/i18n/index.ts';
import type { EngagementDeadline, EngagementRecord, EngagementRepos } from './ports.ts';
import { initialStatus } from './rules.ts';

/** The register of engagements that everything else hangs on. */
export class EngagementService {
  constructor(
    private readonly uow: UnitOfWork<EngagementRepos>,
    private readonly settings: MunicipalitySettings,
  ) {}

  async add(args: ResolvedArgs<'engagement.add'>, ctx: RequestContext): Promise<Reply> {
    if (args.form) throw new BotFailure({ code: 'engagement.form.unavailable' });
    if (!committeeById(this.settings, args.committee)) throw this.unknownCommittee(args.committee);
    if (args.start && args.end && args.end < args.start) {
      throw new BotFailure({ code: 'engagement.error.endBeforeStart', params: { start: args.start, end: args.end } });
    }
    const today = localDate(ctx.now, this.settings.timeZone);
    const record = await this.uow.run((repos) =>
      repos.engagements.insert({
        title: args.title,
        type: args.type,
        committeeId: args.committee,
        ...(args.partner ? { partner: args.partner } : {}),
        ...(args.country ? { country: args.country } : {}),
        ...(args.funder ? { funder: args.funder } : {}),
        ...(args.start ? { startDate: args.start } : {}),
        ...(args.end ? { endDate: args.end } : {}),
        ...(args.contact ? { contact: args.contact } : {}),
        status: initialStatus(args.start, args.end, today),
        createdBy: ctx.actor,
        createdAt: toInstant(ctx.now),
      }),
    );
    const text = ctx.t('engagement.added', { id: idLabel.engagement(record.id), title: record.title });
    return publicCard({ tone: 'success', summary: text, sections: [{ type: 'text', text }, { type: 'facts', facts: this.facts(record, ctx) }] });
  }

  async list(args: ResolvedArgs<'engagements'>, ctx: RequestContext): Promise<Reply> {
    if (args.committee !== undefined && !committeeById(this.settings, args.committee)) throw this.unknownCommittee(args.committee);
    const rows = await this.uow.read.engagements.list({
      ...(args.committee !== undefined ? { committeeId: args.committee } : {}),
      ...(args.status !== undefined ? { status: args.status } : {}),
      limit: 100,
    });
    const title = ctx.t('engagement.list.title');
    if (rows.length === 0) return privateCard({ title, summary: ctx.t('engagement.list.empty'), sections: [{ type: 'text', text: ctx.t('engagement.list.empty') }] });
    const items = rows.map((e) => {
      const partner = e.partner ? ` · ${e.partner}${e.country ? ` (${e.country})` : ''}` : '';
      return `${idLabel.engagement(e.id)} · ${e.title}${partner} · ${this.committeeName(e.committeeId)} · ${ctx.t(statusKey(e.status))}`;
    });
    return privateCard({ title, summary: `${title}: ${rows.length}`, sections: [{ type: 'list', items }] });
  }

  async show(args: ResolvedArgs<'engagement.show'>, ctx: RequestContext): Promise<Reply> {
    const record = await this.uow.read.engagements.get(args.id);
    if (!record) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.engagement(args.id) } });
    const deadlines = await this.uow.read.deadlines.listForEngagement(record.id);
    const card: Card = {
      title: `${idLabel.engagement(record.id)} ${record.title}`,
      summary: `${idLabel.engagement(record.id)} ${record.title}`,
      sections: [
        { type: 'facts', facts: this.facts(record, ctx) },
        { type: 'text', text: ctx.t('engagement.show.deadlines') },
        deadlines.length ? { type: 'list', items: deadlines.map((d) => this.deadlineLine(d, ctx)) } : { type: 'text', text: ctx.t('engagement.show.none') },
      ],
    };
    return privateCard(card);
  }

  private deadlineLine(d: EngagementDeadline, ctx: RequestContext): string {
    const state = d.status === 'done' ? ` ✓ ${ctx.t('engagement.show.done')}` : '';
    return `${idLabel.deadline(d.id)} · ${formatDueDate(d.dueDate, d.dueTime, ctx.locale)} · ${d.title}${state}`;
  }

  private facts(e: EngagementRecord, ctx: RequestContext): Fact[] {
    const facts: Fact[] = [
      { label: ctx.t('engagement.field.type'), value: ctx.t(typeKey(e.type)) },
      { label: ctx.t('engagement.field.committee'), value: this.committeeName(e.committeeId) },
      { label: ctx.t('engagement.field.status'), value: ctx.t(statusKey(e.status)) },
    ];
    if (e.partner) facts.push({ label: ctx.t('engagement.field.partner'), value: e.country ? `${e.partner} (${e.country})` : e.partner });
    else if (e.country) facts.push({ label: ctx.t('engagement.field.country'), value: e.country });
    if (e.funder) facts.push({ label: ctx.t('engagement.field.funder'), value: e.funder });
    if (e.startDate || e.endDate) {
      const from = e.startDate ? formatDate(e.startDate, ctx.locale) : '…';
      const to = e.endDate ? formatDate(e.endDate, ctx.locale) : '…';
      facts.push({ label: ctx.t('engagement.field.period'), value: `${from} – ${to}` });
    }
    if (e.contact) facts.push({ label: ctx.t('engagement.field.contact'), value: personLabel(e.contact) });
    return facts;
  }

  private committeeName(id: string): string {
    return committeeById(this.settings, id)?.name ?? id;
  }

  private unknownCommittee(id: string): BotFailure {
    return new BotFailure({
      code: 'error.unknownCommittee',
      params: { committee: id, known: this.settings.committees.map((c) => c.id).join(', ') || '—' },
    });
  }
}

export function statusKey(status: string): MessageKey {
  return `engagement.status.${status}` as MessageKey;
}

export function typeKey(type: string): MessageKey {
  return `engagement.type.${type}` as MessageKey;
}
