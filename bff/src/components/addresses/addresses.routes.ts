import {
  AddressIdParamsSchema,
  AddressInputSchema,
  AddressListSchema,
  AddressSchema,
  AddressUpdateSchema,
  ASSURANCE,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { AddressesService } from './addresses.service';

/** 收件地址: always the logged-in user's own; another user's address id is 404. */
export function addressesRoutes(
  routes: ApiRoutes,
  deps: { addresses: AddressesService; requireAuth: Middleware<AppState> },
): void {
  const { addresses, requireAuth } = deps;
  const common = { tags: ['收件地址'], assurance: ASSURANCE.account, before: [requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/addresses',
    summary: 'My postal addresses, masked (the default first)',
    response: { status: 200, schema: AddressListSchema, description: '地址簿' },
    handler: (ctx) => addresses.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/addresses',
    summary: 'Add an address (Idempotency-Key header required: a repeat answers the same address)',
    body: AddressInputSchema,
    response: { status: 201, schema: AddressSchema, description: '已保存' },
    idempotent: true,
    handler: (ctx, { body }) => addresses.create(authOf(ctx).userId, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/addresses/{id}',
    summary: 'One of my addresses in full, to edit it',
    params: AddressIdParamsSchema,
    response: { status: 200, schema: AddressSchema, description: '收件地址' },
    handler: (ctx, { params }) => addresses.get(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'put',
    path: '/addresses/{id}',
    summary: 'Change one of my addresses (the mobile only when it changes)',
    params: AddressIdParamsSchema,
    body: AddressUpdateSchema,
    response: { status: 200, schema: AddressSchema, description: '已保存' },
    handler: (ctx, { params, body }) => addresses.update(authOf(ctx).userId, params.id, body),
  });

  defineRoute(routes, {
    ...common,
    method: 'delete',
    path: '/addresses/{id}',
    summary: 'Remove one of my addresses; answers the book left',
    params: AddressIdParamsSchema,
    response: { status: 200, schema: AddressListSchema, description: '已删除' },
    handler: (ctx, { params }) => addresses.remove(authOf(ctx).userId, params.id),
  });
}
