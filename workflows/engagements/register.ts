import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Router } from '../../src/core/router.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import type { EngagementRepos } from './ports.ts';
import { EngagementService } from './service.ts';

export function registerEngagements(router: Router, uow: UnitOfWork<EngagementRepos>, settings: MunicipalitySettings): EngagementService {
  const service = new EngagementService(uow, settings);
  router
    .command('engagement.add', (args, ctx) => service.add(args, ctx))
    .command('engagements', (args, ctx) => service.list(args, ctx))
    .command('engagement.show', (args, ctx) => service.show(args, ctx));
  return service;
}
