import type { FormRecord } from '../catalog/records';
import { CHOICE_FIELD_TYPES } from '../catalog/records';

/**
 * Checks 表单数据 against the item's application form (bdjg): every key is a
 * field of the form, required fields (bt 1) are filled, choice fields hold
 * option codes (CHECKBOX an array of them, the others one string). Formats
 * of free-text fields are the BFF's business; the legacy system only
 * checks what it stores in coded columns. Returns the problem, if any.
 */
export function checkForm(form: FormRecord, data: Readonly<Record<string, string | string[]>>): string | undefined {
  const fields = new Map(form.fz.flatMap((group) => group.zd).map((field) => [field.zddm, field]));
  for (const key of Object.keys(data)) {
    if (!fields.has(key)) return `bdsj.${key} 不是该事项表单的字段`;
  }
  for (const field of fields.values()) {
    const value = data[field.zddm];
    const label = `bdsj.${field.zddm}（${field.zdmc}）`;
    const empty = value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
    if (empty) {
      if (field.bt === '1') return `${label} 必填`;
      continue;
    }
    const isCheckbox = field.zdlx === 'CHECKBOX';
    if (isCheckbox !== Array.isArray(value)) return `${label} ${isCheckbox ? '必须是数组' : '必须是字符串'}`;
    if (CHOICE_FIELD_TYPES.includes(field.zdlx)) {
      const codes = new Set((field.xx ?? []).map((option) => option.dm));
      const chosen = Array.isArray(value) ? value : [value];
      const unknown = chosen.find((code) => !codes.has(code));
      if (unknown !== undefined) return `${label} 没有选项 ${unknown}`;
    }
  }
  return undefined;
}
