import type { Target } from '../core/actor.ts';
import type { ApproverGroups, GovernanceRule, GovernanceSettings } from '../../workflows/approvals/ports.ts';
import { governancePresets } from './presets/index.ts';
import type { Config } from './schema.ts';

/**
 * Maps the `governance` section of the configuration to what the workflow needs. Written rules
 * win over a preset; with neither, Tyresö's rule (the board approves every application) applies.
 */
export function governanceSettings(config: Config, groups?: ApproverGroups): GovernanceSettings {
  const g = config.governance;
  const rules: readonly GovernanceRule[] = g.rules ?? governancePresets[g.preset ?? 'tyreso'];
  return {
    rules,
    ...(g.rules ? {} : { preset: g.preset ?? 'tyreso' }),
    warnWorkingDays: g.warnWorkingDays,
    bodies: g.bodies.map((b) => {
      const targets: Target[] = [];
      if (b.channel.slack) targets.push({ kind: 'conversation', platform: 'slack', conversationId: b.channel.slack });
      if (b.channel.teams) targets.push({ kind: 'conversation', platform: 'teams', conversationId: b.channel.teams });
      return {
        id: b.id,
        kind: b.kind,
        name: b.name,
        ...(b.committee ? { committeeId: b.committee } : {}),
        targets,
        approvers: {
          slackUsers: b.approvers.slack,
          slackGroups: b.approvers.slackGroups,
          teams: b.approvers.teams.map((p) => p.toLowerCase()),
        },
        meetings: [...b.meetings].sort(),
      };
    }),
    ...(groups ? { groups } : {}),
    people: config.people,
  };
}
