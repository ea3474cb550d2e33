import type { Response } from 'supertest';
import type { TestStack } from '../stack';
import { operationKey, type Operation } from '../openapi';
import { as, type World } from './world';

/** The id of A's object a GET path names, by the segment before the {param}. */
function idsOf(w: World): Record<string, () => string> {
  return {
    applications: () => w.ratedCase,
    'package-applications': () => w.packageCaseNo,
    drafts: () => w.item.code,
    items: () => w.item.code,
    favorites: () => w.item.code,
    packages: () => w.packageCode,
    vehicles: () => w.vehicleId,
    violations: () => w.violationId,
    photos: () => '1',
    appointments: () => w.appointmentId,
    tickets: () => w.ticketId,
    complaints: () => w.complaintId,
    halls: () => w.hallId,
    addresses: () => w.addressId,
    orders: () => w.paymentOrderId,
    fines: () => w.decisionNo,
    members: () => w.memberId,
  };
}

/** Where one segment names different things, the {param} tells them apart (catalog items' code, wallet items' id). */
function idsByParamOf(w: World): Record<string, () => string> {
  return { itemId: () => w.walletItemId };
}

function queriesOf(w: World): Record<string, () => Record<string, string | number>> {
  return {
    '/api/v1/halls/{id}/slots': () => ({ business: w.business }),
    '/api/v1/halls/recommend': () => ({ business: w.business, lat: 23.1291, lng: 113.3246 }),
    '/api/v1/search': () => ({ q: '护照' }),
    '/api/v1/search/suggest': () => ({ q: 'huzh' }),
  };
}

/** A's GET of every documented read, with A's own ids; the paths the suite has no id for. */
export async function tourOfReads(
  stack: TestStack,
  operations: Operation[],
  w: World,
): Promise<{ answers: Array<{ key: string; res: Response }>; unknown: string[] }> {
  const idFor = idsOf(w);
  const idForParam = idsByParamOf(w);
  const queryFor = queriesOf(w);

  /** A's concrete URL for a documented path, or undefined when the suite does not know the id. */
  function concrete(path: string): string | undefined {
    let missing = false;
    const url = path.replace(/\/([\w-]+)\/\{(\w+)\}/g, (_all, segment: string, param: string) => {
      const id = idForParam[param] ?? idFor[segment];
      if (!id) missing = true;
      return `/${segment}/${id ? id() : ''}`;
    });
    return missing ? undefined : url;
  }

  const gets = operations.filter((op) => op.method === 'get');
  const answers = [];
  for (const op of gets) {
    const url = concrete(op.path);
    if (!url) continue;
    const res = await stack
      .api()
      .get(url)
      .query(queryFor[op.path]?.() ?? {})
      .set(as(w.a));
    answers.push({ key: operationKey(op), res });
  }
  return { answers, unknown: gets.filter((op) => !concrete(op.path)).map(operationKey) };
}
