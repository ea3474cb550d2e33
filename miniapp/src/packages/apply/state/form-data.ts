import type { ApplicationForm, Draft, FormField, Licence, Material, MaterialRef } from '@suijing/shared';
import { checkField, formFields, type FormData, type FormValue } from '@suijing/shared/forms';
import type { UploadSlot } from '@/hooks/useUploads';
import type { ChosenMaterial } from './session';

/** Pure helpers of the item form: what to resume, what to save, what to send. */

const isEmpty = (value: FormValue | undefined): boolean =>
  value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** The draft's values for fields the form still has (a newer form version may have dropped some). */
export function resumeData(form: ApplicationForm, draft: Draft | null): FormData {
  if (!draft) return {};
  const known = new Set(formFields(form).map((field) => field.key));
  return Object.fromEntries(Object.entries(draft.data).filter(([key]) => known.has(key)));
}

/**
 * What the draft may hold: values that pass their field's rules (the BFF
 * checks drafts with the same rules). A half-typed ID number waits in the
 * form until it is whole.
 */
export function draftData(form: ApplicationForm, data: FormData): FormData {
  const out: FormData = {};
  for (const field of formFields(form)) {
    const value = data[field.key];
    if (!isEmpty(value) && value !== undefined && checkField(field, value) === undefined) out[field.key] = value;
  }
  return out;
}

/** What is submitted: every non-empty value, trimmed. */
export function submitData(form: ApplicationForm, data: FormData): FormData {
  const out: FormData = {};
  for (const field of formFields(form)) {
    const value = data[field.key];
    if (value === undefined || isEmpty(value)) continue;
    out[field.key] = Array.isArray(value) ? value : value.trim();
  }
  return out;
}

/** The value as the review page shows it: option labels instead of codes. */
export function displayValue(field: FormField, value: FormValue | undefined): string {
  if (value === undefined || isEmpty(value)) return '未填写';
  const values = Array.isArray(value) ? value : [value];
  const labels = values.map((v) => field.options?.find((option) => option.value === v)?.label ?? v);
  return labels.join('、');
}

/** A usable e-licence that can stand in for the material (matched by the guide's e-licence name). */
export function licenceFor(material: Material, licences: Licence[]): Licence | undefined {
  if (!material.eLicence.reusable) return undefined;
  const wanted = material.eLicence.name ?? material.name;
  return licences.find((licence) => licence.usable && licence.name === wanted);
}

/** The materials to send: an e-licence where chosen, else a finished upload. */
export function chosenMaterials(
  materials: Material[],
  slots: Record<string, UploadSlot | undefined>,
  licenceChoice: Record<string, Licence | undefined>,
): ChosenMaterial[] {
  return materials.flatMap((material): ChosenMaterial[] => {
    const licence = licenceChoice[material.name];
    if (licence) {
      const ref: MaterialRef = { name: material.name, source: 'elicence', licenceId: licence.licenceId };
      return [{ material, ref, display: `电子证照：${licence.name}（${licence.numberMasked}）` }];
    }
    const slot = slots[material.name];
    if (slot?.status !== 'done') return [];
    const ref: MaterialRef = { name: material.name, source: 'upload', materialId: slot.uploaded.materialId };
    return [{ material, ref, display: slot.uploaded.filename }];
  });
}

/** Required materials still missing. */
export function missingMaterials(materials: Material[], chosen: ChosenMaterial[]): Material[] {
  const given = new Set(chosen.map((c) => c.material.name));
  return materials.filter((material) => material.necessity === 'required' && !given.has(material.name));
}
