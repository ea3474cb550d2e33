import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import type { IdentityFieldsState } from './useIdentityFields';
import './index.scss';

export { useIdentityFields, type IdentityFieldErrors, type IdentityFieldsState } from './useIdentityFields';

type Key = 'name' | 'idNumber';

/** How each field reads: its label, hint, length and the suffix of its element id. */
const FIELDS: Record<Key, { label: string; placeholder: string; maxLength: number; idSuffix: string }> = {
  name: { label: '姓名', placeholder: '与身份证上的姓名一致', maxLength: 30, idSuffix: 'name' },
  idNumber: { label: '身份证号码', placeholder: '18 位居民身份证号码', maxLength: 18, idSuffix: 'id' },
};

/**
 * 姓名 and 身份证号码 fields. Ids: `<id>-name`, `<id>-id` and their `-error`.
 * `disabled` while a check for what was typed is under way.
 */
export function IdentityFields({
  id,
  fields,
  disabled = false,
}: {
  id: string;
  fields: IdentityFieldsState;
  disabled?: boolean;
}): JSX.Element {
  const setters: Record<Key, (value: string) => void> = { name: fields.setName, idNumber: fields.setIdNumber };
  return (
    <>
      {(['name', 'idNumber'] as const).map((key) => {
        const field = FIELDS[key];
        const fieldId = `${id}-${field.idSuffix}`;
        return (
          <View className="identity-fields__field" key={key}>
            <Text className="identity-fields__label">{field.label}</Text>
            <Input
              className="identity-fields__input"
              id={fieldId}
              name={key}
              placeholder={field.placeholder}
              maxLength={field.maxLength}
              value={fields[key]}
              disabled={disabled}
              onChange={setters[key]}
              onBlur={() => fields.touch(key)}
            />
            <FieldError id={`${fieldId}-error`} message={fields.errors[key]} live={false} />
          </View>
        );
      })}
    </>
  );
}
