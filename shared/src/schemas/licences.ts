import { z } from 'zod';

export const LicenceSchema = z
  .object({
    licenceId: z.string().describe('Reference to use as an application material'),
    typeCode: z.string().describe('e.g. SFZ 居民身份证, HKB 居民户口簿, JSZ 机动车驾驶证'),
    name: z.string(),
    numberMasked: z.string(),
    issuer: z.string(),
    issuedOn: z.string().describe('yyyy-MM-dd'),
    validUntil: z.string().describe('yyyy-MM-dd or 长期'),
    usable: z.boolean().describe('Valid now; expired or cancelled licences cannot stand in for a material'),
  })
  .meta({ id: 'Licence' });
export type Licence = z.infer<typeof LicenceSchema>;

export const LicenceListSchema = z.object({ items: z.array(LicenceSchema) }).meta({ id: 'LicenceList' });
export type LicenceList = z.infer<typeof LicenceListSchema>;
