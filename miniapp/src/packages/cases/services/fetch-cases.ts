import type { ApplicationList, ApplicationStatus } from '@suijing/shared';
import { listApplications } from '@/services/applications';

export const CASES_PAGE_SIZE = 20;

/** One page of 我的办件 for a tab; a tab may cover several statuses, which the BFF filters together. */
export function fetchCasesPage(statuses: readonly ApplicationStatus[], page: number): Promise<ApplicationList> {
  return listApplications({ statuses, page, pageSize: CASES_PAGE_SIZE });
}
