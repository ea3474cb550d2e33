import { ASSURANCE, LicenceListSchema, type LicenceList } from '@suijing/shared';
import { maskIdNumber } from '@suijing/shared/masking';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { IdentityService } from '../identity/identity.service';

/** 我的电子证照: licences on file for my verified identity, usable as materials without an upload. */
export function licencesRoutes(
  routes: ApiRoutes,
  deps: { identity: IdentityService; records: IdentityClient; requireAuth: Middleware<AppState> },
): void {
  defineRoute(routes, {
    method: 'get',
    path: '/licences',
    dataUse: { feature: 'e-licences', what: '查询名下电子证照' },
    summary: 'E-licences on file for my verified identity (numbers masked)',
    tags: ['在线办理'],
    assurance: ASSURANCE.inPerson,
    before: [deps.requireAuth],
    response: { status: 200, schema: LicenceListSchema, description: '电子证照' },
    handler: async (ctx): Promise<LicenceList> => {
      const person = await deps.identity.require(authOf(ctx).userId);
      const licences = await deps.records.licences(person.idNumber);
      return {
        items: licences.map((licence) => ({
          licenceId: licence.licenceId,
          typeCode: licence.typeCode,
          name: licence.name,
          // Licence numbers are often the ID number itself; mask every one alike.
          numberMasked: maskIdNumber(licence.number),
          issuer: licence.issuer,
          issuedOn: licence.issuedOn,
          validUntil: licence.validUntil,
          usable: licence.usable,
        })),
      };
    },
  });
}
