import type { PaymentThing } from '@suijing/shared';
import { routeParam } from '@/utils/navigation';

/** The thing a pay link names (?kind=fine&decisionNo=… or ?kind=fee&caseId=…), or null for a broken link. */
export function thingOf(params: Partial<Record<string, string>>): PaymentThing | null {
  const kind = routeParam(params, 'kind');
  if (kind === 'fine') {
    const decisionNo = routeParam(params, 'decisionNo');
    return /^[0-9A-Za-z]{10,32}$/.test(decisionNo) ? { kind, decisionNo } : null;
  }
  if (kind === 'fee') {
    const caseId = routeParam(params, 'caseId');
    return /^[0-9A-Za-z_-]{6,64}$/.test(caseId) ? { kind, caseId } : null;
  }
  return null;
}
