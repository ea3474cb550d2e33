// What the submission benchmark needs: a verified citizen with the materials of one item uploaded,
// and a complete application body for it.
import { passInPerson } from './in-person.mjs';
import { json } from './stack.mjs';

export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A value each field accepts; the benchmark item's form has no free-pattern fields. The applicant's
 * own identity fields (`field.identity`) are not asked for: the BFF fills them from the verified record.
 */
export function sampleValue(field, person) {
  const byKind = {
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    plate: '粤A12345',
    date: '2026-10-01',
    number: String(field.min ?? 1),
    address: '广州市天河区天河路100号',
  };
  if (field.options?.length) return field.type === 'checkbox' ? [field.options[0].value] : field.options[0].value;
  const value = byKind[field.type] ?? '因个人需要申请办理';
  return value.padEnd(field.minLength ?? 0, '办');
}

export async function applicationFixture(bffUrl, sandboxUrl, auth) {
  const { citizens } = await json(await fetch(`${sandboxUrl}/sandbox/seed/citizens`));
  const person = citizens.find((c) => c.role === 'primary');
  await json(
    await fetch(`${bffUrl}/api/v1/identity/verify`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: person.name, idNumber: person.idNumber }),
    }),
  );
  await passInPerson(bffUrl, sandboxUrl, auth);
  const found = await json(await fetch(`${bffUrl}/api/v1/items?q=${encodeURIComponent('居民身份证有效期满换领')}`));
  const { item } = await json(await fetch(`${bffUrl}/api/v1/items/${found.items[0].code}`));
  const materials = [];
  for (const material of item.materials.filter((m) => m.necessity === 'required')) {
    const form = new FormData();
    form.append('file', new Blob([TINY_PNG], { type: 'image/png' }), 'photo.png');
    const uploaded = await json(
      await fetch(`${bffUrl}/api/v1/materials`, { method: 'POST', headers: auth, body: form }),
    );
    materials.push({ name: material.name, source: 'upload', materialId: uploaded.materialId });
  }
  const data = {};
  for (const field of item.form.sections.flatMap((s) => s.fields)) {
    if (field.required && !field.identity) data[field.key] = sampleValue(field, person);
  }
  return { itemCode: item.code, formVersion: item.form.version, data, materials };
}
