import { BotFailure } from '../../src/core/errors.ts';
import { idLabel } from '../../src/core/format.ts';
import type { DeadlineRecord, DeadlineRepos, EngagementSummary } from './ports.ts';

/** An open deadline, or the failure that says it does not exist or is done. */
export async function openDeadline(repos: Pick<DeadlineRepos, 'deadlines'>, id: number): Promise<DeadlineRecord> {
  const record = await repos.deadlines.get(id);
  if (!record) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.deadline(id) } });
  if (record.status === 'done') throw new BotFailure({ code: 'deadline.error.isDone', params: { id: idLabel.deadline(id) } });
  return record;
}

/** The engagement a deadline is for, or the failure that names the id. */
export async function engagementOf(repos: Pick<DeadlineRepos, 'engagements'>, id: number): Promise<EngagementSummary> {
  const engagement = await repos.engagements.summary(id);
  if (!engagement) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.engagement(id) } });
  return engagement;
}
