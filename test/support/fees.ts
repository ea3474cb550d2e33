import { randomUUID } from 'node:crypto';
import type { ApplicationDetail, ItemGuideResponse, ItemListResponse } from '@suijing/shared';
import { bearer, uploadMaterial } from './auth-helpers';
import { fillForm, TINY_PNG } from './forms';
import type { TestStack } from './stack';

const PASSPORT = '普通护照首次申领';

/**
 * A passport application filed by the person (every required material
 * uploaded) and accepted by staff: its fee (120 元) is due. Gives its case number.
 */
export async function acceptedPassportCase(
  stack: TestStack,
  accessToken: string,
  person: { name: string; idNumber: string; phone: string },
): Promise<string> {
  const found = (await stack.api().get('/api/v1/items').query({ q: PASSPORT }).expect(200)).body as ItemListResponse;
  const code = found.items.find((item) => item.name === PASSPORT)?.code ?? found.items[0]?.code ?? '';
  const guide = ((await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse).item;
  const materials = [];
  for (const material of guide.materials.filter((m) => m.necessity === 'required')) {
    const materialId = await uploadMaterial(stack, accessToken, TINY_PNG);
    materials.push({ name: material.name, source: 'upload' as const, materialId });
  }
  const filed = await stack
    .api()
    .post('/api/v1/applications')
    .set(bearer(accessToken))
    .set('Idempotency-Key', randomUUID())
    .send({
      itemCode: guide.code,
      formVersion: guide.form.version,
      data: fillForm(guide.form, person, { contactPhone: person.phone }),
      materials,
    });
  if (filed.status !== 201) throw new Error(`filing: ${filed.status} ${JSON.stringify(filed.body)}`);
  const caseNo = (filed.body as ApplicationDetail).caseNo;
  await stack.sandbox.approvalAction(caseNo, 'accept');
  return caseNo;
}
