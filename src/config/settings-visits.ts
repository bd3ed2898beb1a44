import type { VisitsSettings } from '../../workflows/visits/ports.ts';
import type { Config } from './schema.ts';
import { channelTargets } from './settings.ts';

/** The executive board's usual committee id. */
const BOARD = 'ks';

/**
 * Maps the `visits` section of the configuration to what the workflow needs. Filed reports go to
 * `reportsTo`, else to the `ks` committee; with neither configured, to the coordinator's channel,
 * so a report is never lost. A `reportsTo` that names no committee is a configuration error.
 */
export function visitsSettings(config: Config): VisitsSettings {
  const named = config.visits.reportsTo;
  const board = config.committees.find((c) => c.id === (named ?? BOARD));
  if (named !== undefined && !board) {
    const known = config.committees.map((c) => c.id).join(', ') || 'none';
    throw new Error(`visits.reportsTo names "${named}", which is not a committee in the configuration (committees: ${known})`);
  }
  const boardTargets = board ? channelTargets(board.channel) : [];
  return {
    boardTargets: boardTargets.length ? boardTargets : channelTargets(config.coordinator.channel),
    // The committee the reports go to, else the configured board's name, never a bare id.
    boardName: board?.name ?? config.governance.bodies.find((b) => b.kind === 'board')?.name ?? (config.municipality.language === 'sv' ? 'kommunstyrelsen' : 'the executive board'),
    reminderEveryWorkingDays: config.visits.reminderEveryWorkingDays,
    remindersBeforeEscalation: config.visits.remindersBeforeCoordinator,
    twinTownVisitsPerTerm: config.visits.twinTownVisitsPerTerm,
  };
}
