import type { Material, PackageForm } from '@suijing/shared';

/**
 * The package form in the shapes the item form's components take: its
 * materials as guide materials (必要 when required, else 情形), each noting
 * the member items that need it.
 */
export function packageMaterials(form: PackageForm): Material[] {
  const names = new Map(form.members.map((member) => [member.itemCode, member.itemName]));
  return form.materials.map((material) => ({
    name: material.name,
    necessity: material.required ? 'required' : 'conditional',
    source: '申请人自备',
    paperCopies: 0,
    spec: material.forItems.length > 0 ? `用于：${material.forItems.map((c) => names.get(c) ?? c).join('、')}` : '',
    eLicence: { reusable: false },
    sampleAvailable: false,
    blankFormAvailable: false,
  }));
}
