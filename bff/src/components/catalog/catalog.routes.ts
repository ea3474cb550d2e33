import type Router from '@koa/router';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ASSURANCE,
  CategoriesResponseSchema,
  HotItemsResponseSchema,
  ItemCodeParamsSchema,
  ItemGuideResponseSchema,
  ItemListQuerySchema,
  ItemListResponseSchema,
  PackageCodeParamsSchema,
  PackageDetailResponseSchema,
  PackageListResponseSchema,
} from '@suijing/shared';
import type { AppState } from '../../libraries/context';
import { defineRoute } from '../../libraries/routes';
import { catalogAnswerBytes as answer } from './catalog-answer';
import type { CatalogService } from './catalog.service';

const TAGS = ['办事指南'];

/** The public catalog: no login needed to find an item and read its guide. */
export function catalogRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: { catalog: CatalogService },
): void {
  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/items',
    summary:
      'Search and browse the online items (words, pinyin initials, synonyms; police type and life event filters)',
    tags: TAGS,
    assurance: ASSURANCE.public,
    query: ItemListQuerySchema,
    response: { status: 200, schema: ItemListResponseSchema, description: '事项列表' },
    errors: [503],
    handler: async (_ctx, { query }) => answer(await deps.catalog.list(query)),
  });

  // Before /items/{code}: "hot" is not an item code.
  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/items/hot',
    summary: 'The most requested items',
    tags: TAGS,
    assurance: ASSURANCE.public,
    response: { status: 200, schema: HotItemsResponseSchema, description: '热门事项' },
    errors: [503],
    handler: async () => answer(await deps.catalog.hot()),
  });

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/items/{code}',
    summary: 'An item with its full guide (办事指南) and application form',
    tags: TAGS,
    assurance: ASSURANCE.public,
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: ItemGuideResponseSchema, description: '办事指南' },
    errors: [404, 503],
    handler: async (_ctx, { params }) => answer(await deps.catalog.guide(params.code)),
  });

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/categories',
    summary: 'Police types and life events with their item counts',
    tags: TAGS,
    assurance: ASSURANCE.public,
    response: { status: 200, schema: CategoriesResponseSchema, description: '分类' },
    errors: [503],
    handler: async () => answer(await deps.catalog.categories()),
  });

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/packages',
    summary: '"一件事" packages',
    tags: TAGS,
    assurance: ASSURANCE.public,
    response: { status: 200, schema: PackageListResponseSchema, description: '一件事列表' },
    errors: [503],
    handler: async () => answer(await deps.catalog.packages()),
  });

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/packages/{code}',
    summary: 'A "一件事" package with its member items and their departments',
    tags: TAGS,
    assurance: ASSURANCE.public,
    params: PackageCodeParamsSchema,
    response: { status: 200, schema: PackageDetailResponseSchema, description: '一件事详情' },
    errors: [404, 503],
    handler: async (_ctx, { params }) => answer(await deps.catalog.package(params.code)),
  });
}
