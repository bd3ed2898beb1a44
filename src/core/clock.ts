import { DateTime } from 'luxon';

export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = {
  now: () => DateTime.utc(),
};

/** A clock that tests move by hand. */
export class FakeClock implements Clock {
  private current: DateTime;
  constructor(start: string | DateTime) {
    this.current = typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }).toUTC() : start.toUTC();
    if (!this.current.isValid) throw new Error(`FakeClock: invalid start ${String(start)}`);
  }
  now(): DateTime {
    return this.current;
  }
  set(to: string | DateTime): void {
    this.current = typeof to === 'string' ? DateTime.fromISO(to, { setZone: true }).toUTC() : to.toUTC();
  }
  advance(duration: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    this.current = this.current.plus(duration);
  }
}

/** Instants are stored as ISO-8601 UTC strings of fixed width, so text order is time order. */
export function toInstant(dt: DateTime): string {
  const iso = dt.toUTC().toISO({ suppressMilliseconds: false, includeOffset: true });
  if (!iso) throw new Error('invalid DateTime');
  return iso.replace('+00:00', 'Z');
}

export function fromInstant(s: string): DateTime {
  return DateTime.fromISO(s, { zone: 'utc' });
}
