import type { EngagementStatus } from '../../src/core/command.ts';

/**
 * The status an engagement starts in, from what is known when it is registered: with a start
 * date in the past or today it is running; a future start means it is still being prepared.
 */
export function initialStatus(startDate: string | undefined, endDate: string | undefined, today: string): EngagementStatus {
  if (endDate !== undefined && endDate < today) return 'closed';
  if (startDate !== undefined && startDate <= today) return 'running';
  return 'idea';
}
