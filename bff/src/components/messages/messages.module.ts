import type { Middleware } from 'koa';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { MessageModels } from './message.model';
import { MessagesRepository } from './messages.repository';
import { messagesRoutes } from './messages.routes';
import { MessagesService } from './messages.service';
import { SubscribeNotifier, type SubscribeNotifierDeps } from './subscribe-notices';

export interface MessagesModuleDeps extends SubscribeNotifierDeps {
  routes: ApiRoutes;
  models: MessageModels;
  requireAuth: Middleware<AppState>;
}

/** 消息中心, and the WeChat subscribe messages that go with it. */
export function createMessagesModule({ routes, models, requireAuth, ...notifierDeps }: MessagesModuleDeps) {
  const messages = new MessagesService(new MessagesRepository(models));
  messagesRoutes(routes, { messages, requireAuth });
  return { messages, notifier: new SubscribeNotifier(notifierDeps) };
}
