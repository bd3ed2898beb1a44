import type { PostedMessages } from './delivery.ts';
import type { UnitOfWork } from './ports.ts';
import type { Router } from './router.ts';
import type { MunicipalitySettings } from './settings.ts';

/** What every workflow gets when it registers; `R` is the slice of repositories it declares. */
export interface WorkflowDeps<R> {
  readonly router: Router;
  readonly uow: UnitOfWork<R>;
  readonly settings: MunicipalitySettings;
  readonly posted: PostedMessages;
}
