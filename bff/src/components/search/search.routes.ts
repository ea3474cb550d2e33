import type Router from '@koa/router';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ASSURANCE,
  SearchQuerySchema,
  SearchResponseSchema,
  SuggestQuerySchema,
  SuggestResponseSchema,
} from '@suijing/shared';
import type { AppState } from '../../libraries/context';
import { defineRoute } from '../../libraries/routes';
import { catalogAnswerBytes } from '../catalog/catalog-answer';
import type { SearchService } from './search.service';

const TAGS = ['办事指南'];

/** Public: anyone may look for an item before logging in. */
export function searchRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: { search: SearchService },
): void {
  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/search',
    summary:
      'Search items and 一件事 packages as citizens ask (everyday words, verbs, pinyin, typos, traditional, English); help when nothing matches',
    tags: TAGS,
    assurance: ASSURANCE.public,
    query: SearchQuerySchema,
    response: { status: 200, schema: SearchResponseSchema, description: '搜索结果' },
    errors: [503],
    handler: async (_ctx, { query }) => catalogAnswerBytes(await deps.search.search(query)),
  });

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/search/suggest',
    summary: 'At most 8 items or packages for what has been typed so far',
    tags: TAGS,
    assurance: ASSURANCE.public,
    query: SuggestQuerySchema,
    response: { status: 200, schema: SuggestResponseSchema, description: '输入提示' },
    errors: [503],
    handler: async (_ctx, { query }) => catalogAnswerBytes(await deps.search.suggest(query.q)),
  });
}
