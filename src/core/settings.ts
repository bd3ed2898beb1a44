import type { Target } from './actor.ts';
import { BotFailure } from './errors.ts';
import type { Locale } from '../i18n/index.ts';

/** What workflows need to know about the municipality, derived from configuration in main. */
export interface MunicipalitySettings {
  readonly name: string;
  readonly locale: Locale;
  readonly timeZone: string;
  /** Local wall-clock time at which reminders go out, `HH:mm`. */
  readonly reminderTime: string;
  readonly reminderDays: readonly number[];
  readonly callAnnounceDaysBeforeClose: readonly number[];
  readonly committees: readonly CommitteeSettings[];
  readonly coordinator: {
    /** The coordinator's channels, or their direct messages when no channel is configured. */
    readonly targets: readonly Target[];
  };
}

export interface CommitteeSettings {
  readonly id: string;
  readonly name: string;
  readonly targets: readonly Target[];
}

export function committeeById(settings: MunicipalitySettings, id: string): CommitteeSettings | undefined {
  return settings.committees.find((c) => c.id === id);
}

/** The committee a person named, or the failure that lists the ones that exist. */
export function requireCommittee(settings: MunicipalitySettings, id: string): CommitteeSettings {
  const committee = committeeById(settings, id);
  if (committee) return committee;
  throw new BotFailure({
    code: 'error.unknownCommittee',
    params: { committee: id, known: settings.committees.map((c) => c.id).join(', ') || '—' },
  });
}
