import type { Licence, Material, MaterialRef } from '@suijing/shared';
import { mustProvideOnline } from '@suijing/shared/forms';
import type { UploadSlot } from '@/hooks/useUploads';

/** Materials of any application form (an item, 一件事, 自愿降级, 解除抵押): what is chosen, what is missing. */

/** A material as it will be sent, with what a review shows for it. */
export interface ChosenMaterial {
  material: Material;
  ref: MaterialRef;
  /** "身份证.png" or "电子证照：居民身份证". */
  display: string;
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
    // Exempt online: nothing of it is sent, whatever an earlier visit uploaded.
    if (material.onlineExemption !== undefined) return [];
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

/** Required materials still missing; those the guide exempts online are never missing (the BFF asks the same). */
export function missingMaterials(materials: Material[], chosen: ChosenMaterial[]): Material[] {
  const given = new Set(chosen.map((c) => c.material.name));
  return materials.filter((material) => mustProvideOnline(material) && !given.has(material.name));
}

/** The materials filing online must carry (an upload or an e-licence each). */
export function materialsToProvide(materials: Material[]): Material[] {
  return materials.filter(mustProvideOnline);
}
