import { useState } from 'react';
import { View } from '@tarojs/components';
import type { FormField } from '@suijing/shared';
import { checkField } from '@suijing/shared/forms';
import { FormFieldView } from '@/components/FormFieldView';
import { MEMBER_FIELD_ORDER, type MemberDraft, type MemberFormKey } from '../../utils/member-form';

interface MemberFieldsProps {
  fields: Record<MemberFormKey, FormField>;
  draft: MemberDraft;
  errors: Record<string, string | undefined>;
  onChange: (draft: MemberDraft) => void;
  onErrors: (update: (prev: Record<string, string | undefined>) => Record<string, string | undefined>) => void;
}

/** 姓名, 身份证号码, 与您的关系: typed fields checked on blur (and again once wrong), the choice at once. */
export function MemberFields({ fields, draft, errors, onChange, onErrors }: MemberFieldsProps): JSX.Element {
  const [touched] = useState(() => new Set<string>());
  const change = (key: MemberFormKey, value: string): void => {
    const next = { ...draft, [key]: value };
    onChange(next);
    if (fields[key].type === 'radio' || touched.has(key) || errors[key]) {
      onErrors((prev) => ({ ...prev, [key]: checkField(fields[key], value) }));
    }
  };
  return (
    <View className="sj-card" id="member-fields">
      {MEMBER_FIELD_ORDER.map((key) => (
        <FormFieldView
          key={key}
          field={fields[key]}
          value={draft[key]}
          error={errors[key]}
          onChange={(value) => change(key, typeof value === 'string' ? value : '')}
          onBlur={() => {
            touched.add(key);
            onErrors((prev) => ({ ...prev, [key]: checkField(fields[key], draft[key]) }));
          }}
        />
      ))}
    </View>
  );
}
