import {
  ASSURANCE,
  SearchQuerySchema,
  SearchResponseSchema,
  SuggestQuerySchema,
  SuggestResponseSchema,
} from '@suijing/shared';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { RepeatAnswers } from '../catalog/repeat-answers';
import type { SearchService } from './search.service';

/** Public: anyone may look for an item before logging in. */
const common = { tags: ['办事指南'], assurance: ASSURANCE.public };

/** Search over the catalog, and suggestions while typing. */
export function searchRoutes(routes: ApiRoutes, deps: { search: SearchService; repeats: RepeatAnswers }): void {
  const { repeats } = deps;
  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/search',
    summary:
      'Search items and 一件事 packages as citizens ask (everyday words, verbs, pinyin, typos, traditional, English); help when nothing matches',
    query: SearchQuerySchema,
    response: { status: 200, schema: SearchResponseSchema, description: '搜索结果' },
    before: [repeats.answerRepeat],
    handler: async (ctx, { query }) => repeats.remember(ctx, await deps.search.search(query)),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/search/suggest',
    summary: 'At most 8 items or packages for what has been typed so far',
    query: SuggestQuerySchema,
    response: { status: 200, schema: SuggestResponseSchema, description: '输入提示' },
    before: [repeats.answerRepeat],
    handler: async (ctx, { query }) => repeats.remember(ctx, await deps.search.suggest(query.q)),
  });
}
