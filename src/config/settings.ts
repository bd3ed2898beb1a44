import type { Actor, Target } from '../core/actor.ts';
import type { MunicipalitySettings } from '../core/settings.ts';
import type { ChannelConfig, Config } from './schema.ts';

/** Turns the validated configuration into what workflows need; nothing platform-specific leaks. */
export function municipalitySettings(config: Config): MunicipalitySettings {
  const coordinatorChannels = channelTargets(config.coordinator.channel);
  // Without a channel, the coordinator's Slack DMs; Teams people are named by e-mail or AAD id,
  // which cannot be messaged without a stored personal conversation, so a channel is advised.
  const coordinatorTargets: Target[] = coordinatorChannels.length
    ? coordinatorChannels
    : config.coordinator.people.slack.map((userId) => ({ kind: 'user', platform: 'slack', userId }));
  return {
    name: config.municipality.name,
    locale: config.municipality.language,
    timeZone: config.municipality.timeZone,
    reminderTime: config.municipality.reminderTime,
    reminderDays: config.reminders.daysBefore,
    callAnnounceDaysBeforeClose: config.calls.announceDaysBeforeClose,
    committees: config.committees.map((c) => ({ id: c.id, name: c.name, targets: channelTargets(c.channel) })),
    coordinator: { targets: coordinatorTargets },
  };
}

export function channelTargets(channel: ChannelConfig): Target[] {
  const targets: Target[] = [];
  if (channel.slack) targets.push({ kind: 'conversation', platform: 'slack', conversationId: channel.slack });
  if (channel.teams) targets.push({ kind: 'conversation', platform: 'teams', conversationId: channel.teams });
  return targets;
}

/** The international coordinator, as configured: Slack user ids, Teams AAD object ids or e-mails. */
export function isCoordinator(config: Config, actor: Actor): boolean {
  const people = config.coordinator.people;
  if (actor.platform === 'slack') return people.slack.includes(actor.userId);
  const named = people.teams.map((p) => p.toLowerCase());
  return [actor.aadObjectId, actor.email].some((id) => !!id && named.includes(id.toLowerCase()));
}
