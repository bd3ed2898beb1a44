import type { DateTime } from 'luxon';
import { targetKey } from '../../src/core/actor.ts';
import type { EngagementType } from '../../src/core/command.ts';
import { engagementTypes } from '../../src/core/command.ts';
import type { Delivery, OutboxRow } from '../../src/core/delivery.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { termOfOffice } from '../../src/calendar/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { termCard } from './cards.ts';
import type { ReportingRepos, ReportingSettings } from './ports.ts';
import { previousTerm, reportPeriod, termReminder } from './rules.ts';

export const TERM_REMINDER = 'term.policy';

/** R8: once per term, in its first year, the coordinator is told the policy is due for revision. */
export class TermService {
  constructor(
    private readonly uow: UnitOfWork<ReportingRepos>,
    private readonly settings: MunicipalitySettings,
    private readonly reporting: ReportingSettings,
  ) {}

  async plan(now: DateTime): Promise<void> {
    if (!this.reporting.termReminder) return;
    const due = termReminder(now, this.settings.reminderTime, this.settings.timeZone);
    if (!due) return;
    const messages = this.settings.coordinator.targets.map((target) => ({
      kind: TERM_REMINDER,
      subject: { type: 'term', id: due.term.electionYear },
      target,
      dueAt: due.at,
      payload: { start: due.term.start },
      // One per term and target, however often the planner runs.
      dedupeKey: `term:${due.term.electionYear}:${targetKey(target)}`,
    }));
    if (messages.length) await this.uow.run((repos) => repos.outbox.enqueue(messages));
  }

  async deliver(row: OutboxRow): Promise<Delivery> {
    if (!row.target) return { action: 'drop', reason: 'no target' };
    const term = termOfOffice(String(row.payload.start));
    const previous = previousTerm(term);
    const sources = await this.uow.read.reportSources.forPeriod(reportPeriod(previous.start, previous.end, this.settings.timeZone));
    const counts = new Map<EngagementType, number>();
    for (const type of engagementTypes) {
      const n = sources.engagements.filter((e) => e.type === type).length;
      if (n) counts.set(type, n);
    }
    const c = { t: translator(this.settings.locale), locale: this.settings.locale, zone: this.settings.timeZone };
    return { action: 'send', target: row.target, card: termCard(term, previous, counts, c) };
  }
}
