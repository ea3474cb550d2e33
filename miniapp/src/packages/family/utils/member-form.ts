import type { FormField } from '@suijing/shared';
import { checkField, type FormValue } from '@suijing/shared/forms';

/** The fields of adding a member, as the app's forms are made (FormFieldView renders them). */
export type MemberFormKey = 'name' | 'idNumber' | 'relation';

export const CHILD_RELATIONS = [
  { value: 'son', label: '儿子' },
  { value: 'daughter', label: '女儿' },
  { value: 'ward', label: '被监护人' },
] as const;

export const ADULT_RELATIONS = [
  { value: 'parent', label: '父母' },
  { value: 'spouse', label: '配偶' },
  { value: 'child', label: '子女' },
  { value: 'sibling', label: '兄弟姐妹' },
  { value: 'other', label: '其他亲属' },
] as const;

export function memberFields(who: 'child' | 'adult'): Record<MemberFormKey, FormField> {
  const relations = who === 'child' ? CHILD_RELATIONS : ADULT_RELATIONS;
  return {
    name: {
      key: 'name',
      label: who === 'child' ? '子女姓名' : '家人姓名',
      type: 'text',
      required: true,
      minLength: 2,
      maxLength: 30,
      help: '与身份证或户口簿上的姓名一致',
    },
    idNumber: { key: 'idNumber', label: '身份证号码', type: 'idNumber', required: true },
    relation: {
      key: 'relation',
      label: '与您的关系',
      type: 'radio',
      required: true,
      options: relations.map((r) => ({ value: r.value, label: r.label })),
    },
  };
}

export const MEMBER_FIELD_ORDER: readonly MemberFormKey[] = ['name', 'idNumber', 'relation'];

export type MemberDraft = Record<MemberFormKey, string>;

export const EMPTY_MEMBER: MemberDraft = { name: '', idNumber: '', relation: '' };

/** The messages of the fields that are wrong, by key. */
export function memberIssues(fields: Record<MemberFormKey, FormField>, draft: MemberDraft): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const key of MEMBER_FIELD_ORDER) {
    const message = checkField(fields[key], draft[key] as FormValue);
    if (message) issues[key] = message;
  }
  return issues;
}

/** What is sent: the name trimmed and the ID number upper-cased (a typed x). */
export function memberRequest(draft: MemberDraft): { name: string; idNumber: string } {
  return { name: draft.name.trim(), idNumber: draft.idNumber.trim().toUpperCase() };
}
