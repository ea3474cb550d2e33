import type { ResidenceOverview, ResidencePermitCard } from '@suijing/shared';
import { apiRequest } from './api-client';

/**
 * 我的居住证: the permit, the 居住登记 it rests on, the 签注 record and what may
 * be filed next (申领, 签注, 补领, 换领, 居住登记), each with why not.
 */
export function fetchResidence(): Promise<ResidenceOverview> {
  return apiRequest<ResidenceOverview>({ path: '/api/v1/residence' });
}

/**
 * The 电子居住证 with a fresh signed QR payload (only while the permit is
 * valid); fetched again every `qr.refreshAfterSeconds`. Answers 404
 * RESIDENCE_PERMIT_NOT_FOUND when the person holds no permit.
 */
export function fetchResidenceCard(): Promise<ResidencePermitCard> {
  return apiRequest<ResidencePermitCard>({ path: '/api/v1/residence/e-card' });
}
