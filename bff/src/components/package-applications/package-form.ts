import {
  mustProvideOnline,
  type FormField,
  type ItemGuide,
  type PackageDetail,
  type PackageForm,
} from '@suijing/shared';

/**
 * The combined form of a package: sections of the member items' forms in
 * member order, each field (by key) asked once; materials by name, required
 * when any member requires them online.
 */
export function combinePackageForm(detail: PackageDetail, guides: ReadonlyMap<string, ItemGuide>): PackageForm {
  const seen = new Set<string>();
  const sections: PackageForm['form']['sections'] = [];
  const materials = new Map<string, PackageForm['materials'][number]>();
  for (const member of detail.members) {
    const guide = guides.get(member.itemCode);
    if (!guide) continue;
    for (const section of guide.form.sections) {
      const fields: FormField[] = section.fields.filter((field) => !seen.has(field.key));
      fields.forEach((field) => seen.add(field.key));
      if (fields.length === 0) continue;
      const existing = sections.find((s) => s.title === section.title);
      if (existing) existing.fields.push(...fields);
      else sections.push({ title: section.title, fields });
    }
    for (const material of guide.materials) {
      // Nothing to provide online for what the guide exempts (the online form is it, or its issuer supplies it).
      if (material.necessity === 'conditional' || material.onlineExemption !== undefined) continue;
      const entry = materials.get(material.name) ?? { name: material.name, required: false, forItems: [] };
      entry.required ||= mustProvideOnline(material);
      entry.forItems.push(guide.code);
      materials.set(material.name, entry);
    }
  }
  const versions = detail.members.map((m) => guides.get(m.itemCode)?.form.version ?? '-').join('+');
  return {
    packageCode: detail.code,
    name: detail.name,
    form: { version: versions, sections },
    materials: [...materials.values()],
    members: detail.members.map((member) => ({
      itemCode: member.itemCode,
      itemName: member.itemName,
      department: member.department,
      online: guides.has(member.itemCode),
    })),
  };
}
