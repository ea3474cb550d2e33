import { ASSURANCE, UploadedMaterialSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import { MAX_MATERIAL_BYTES, type MaterialsService } from './materials.service';
import { receiveOneFile } from './multipart-upload';

export function materialsRoutes(
  routes: ApiRoutes,
  deps: { materials: MaterialsService; requireAuth: Middleware<AppState> },
): void {
  defineRoute(routes, {
    method: 'post',
    path: '/materials',
    summary: 'Upload one material (multipart field "file": JPG, PNG or PDF by content, at most 10 MB)',
    tags: ['在线办理'],
    assurance: ASSURANCE.realName,
    before: [deps.requireAuth],
    upload: { field: 'file', maxBytes: MAX_MATERIAL_BYTES, mediaTypes: UploadedMaterialSchema.shape.mime.options },
    response: { status: 201, schema: UploadedMaterialSchema, description: '已上传' },
    handler: (ctx) => deps.materials.upload(authOf(ctx).userId, () => receiveOneFile(ctx.req, MAX_MATERIAL_BYTES)),
  });
}
