import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import type { IdempotencyStore } from '../../libraries/idempotency';
import type { ApiRoutes } from '../../libraries/routes';
import type { FeedbackClient } from '../../upstreams/feedback/feedback.client';
import type { ApplicationsRepository } from '../applications/applications.repository';
import type { ApplicationsService } from '../applications/applications.service';
import type { IdentityService } from '../identity/identity.service';
import type { MaterialsService } from '../materials/materials.service';
import type { UsersRepository } from '../users/users.repository';
import { ComplaintsService } from './complaints.service';
import { feedbackRoutes } from './feedback.routes';
import { HotTopicsService } from './hot-topics.service';
import { RatingsService } from './ratings.service';

export interface FeedbackModuleDeps {
  routes: ApiRoutes;
  clock: Clock;
  idempotency: IdempotencyStore;
  feedback: FeedbackClient;
  applications: ApplicationsService;
  cases: ApplicationsRepository;
  identity: IdentityService;
  materials: MaterialsService;
  users: UsersRepository;
  requireAuth: Middleware<AppState>;
}

/** 好差评 and 12345 诉求: rating finished cases, complaints and the hot-topics board. */
export function createFeedbackModule(deps: FeedbackModuleDeps): void {
  const { feedback, applications, cases, identity } = deps;
  feedbackRoutes(deps.routes, {
    ratings: new RatingsService({ feedback, applications, cases, identity }),
    complaints: new ComplaintsService({
      feedback,
      identity,
      materials: deps.materials,
      users: deps.users,
      cases,
      idempotency: deps.idempotency,
    }),
    hotTopics: new HotTopicsService({ feedback, clock: deps.clock }),
    requireAuth: deps.requireAuth,
  });
}
