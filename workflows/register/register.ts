import type { Actor } from '../../src/core/actor.ts';
import type { Directory } from '../../src/core/ports.ts';
import { privateCard } from '../../src/core/reply.ts';
import type { WorkflowDeps } from '../../src/core/workflow.ts';
import { exportRegister } from './export.ts';
import { IMPORT_CANCEL, IMPORT_CONFIRM, RegisterImport } from './import.ts';
import type { RegisterReader, RegisterRenderer, RegisterRepos } from './ports.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The register as a spreadsheet: `export`, `import` (a file sent to the bot) and its template. */
export function registerRegister(
  deps: WorkflowDeps<RegisterRepos>,
  renderer: RegisterRenderer & RegisterReader,
  people: { readonly directory: Directory; readonly isCoordinator: (actor: Actor) => boolean },
): RegisterImport {
  const zone = deps.settings.timeZone;
  const imports = new RegisterImport({ router: deps.router, uow: deps.uow, directory: people.directory, reader: renderer, zone, isCoordinator: people.isCoordinator });
  deps.router
    .command('register.export', (_args, ctx) => exportRegister(deps.uow, zone, renderer, ctx))
    .command('register.import', async (_args, ctx) =>
      privateCard({ title: ctx.t('register.import.howTo.title'), summary: ctx.t('register.import.howTo.title'), sections: [{ type: 'text', text: ctx.t('register.import.howTo') }] }),
    )
    .command('register.template', async (_args, ctx) => {
      const today = ctx.now.setZone(zone).toISODate() ?? '';
      const committee = deps.settings.committees[0]?.id ?? 'ks';
      const data = await renderer.registerTemplate({ locale: ctx.locale, committee, today });
      const title = ctx.t('register.template.title');
      const text = ctx.t('register.template.text');
      return { kind: 'file', card: { title, summary: `${title}: ${text}`, sections: [{ type: 'text', text }] }, files: [{ name: ctx.t('register.template.file'), mimeType: XLSX, data }] };
    })
    .file((file, ctx) => imports.preview(file, ctx))
    .action(IMPORT_CONFIRM, (action, ctx) => imports.confirm(action, ctx))
    .action(IMPORT_CANCEL, (action, ctx) => imports.cancel(action, ctx));
  return imports;
}
