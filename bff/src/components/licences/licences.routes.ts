import type Router from '@koa/router';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ASSURANCE, LicenceListSchema, type LicenceList } from '@suijing/shared';
import { maskIdNumber } from '@suijing/shared/masking';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute } from '../../libraries/routes';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { IdentityService } from '../identity/identity.service';

const day = (compact: string) =>
  /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : compact;

/** 我的电子证照: licences on file for my verified identity, usable as materials without an upload. */
export function licencesRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: { identity: IdentityService; records: IdentityClient; requireAuth: Middleware<AppState> },
): void {
  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/licences',
    dataUse: { feature: 'e-licences', what: '查询名下电子证照' },
    summary: 'E-licences on file for my verified identity (numbers masked)',
    tags: ['在线办理'],
    assurance: ASSURANCE.inPerson,
    before: [deps.requireAuth],
    response: { status: 200, schema: LicenceListSchema, description: '电子证照' },
    errors: [403, 503],
    handler: async (ctx): Promise<LicenceList> => {
      const person = await deps.identity.require(authOf(ctx).userId);
      const records = await deps.records.licences(person.idNumber);
      return {
        items: records.map((record) => ({
          licenceId: record.zzbs,
          typeCode: record.zzlxdm,
          name: record.zzmc,
          // Licence numbers are often the ID number itself; mask every one alike.
          numberMasked: maskIdNumber(record.zzbh),
          issuer: record.fzjg,
          issuedOn: day(record.fzrq),
          validUntil: day(record.yxqz),
          usable: record.zt === '1',
        })),
      };
    },
  });
}
