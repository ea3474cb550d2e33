import type { LicenceList } from '@suijing/shared';
import { apiRequest } from './api-client';

/** 电子证照 on file for my verified identity, usable as materials without an upload. */
export function listLicences(): Promise<LicenceList> {
  return apiRequest<LicenceList>({ path: '/api/v1/licences' });
}
