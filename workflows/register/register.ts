import type { WorkflowDeps } from '../../src/core/workflow.ts';
import { exportRegister } from './export.ts';
import type { RegisterRenderer, RegisterRepos } from './ports.ts';

/** The register as a spreadsheet: `export` (and, to come, `import`). */
export function registerRegister(deps: WorkflowDeps<RegisterRepos>, renderer: RegisterRenderer): void {
  deps.router.command('register.export', (_args, ctx) => exportRegister(deps.uow, deps.settings.timeZone, renderer, ctx));
}
