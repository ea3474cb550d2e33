import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { IdentityFieldsState } from './useIdentityFields';
import './index.scss';

export { useIdentityFields, type IdentityFieldErrors, type IdentityFieldsState } from './useIdentityFields';

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
  const { name, idNumber, errors } = fields;
  return (
    <>
      <View className="identity-fields__field">
        <Text className="identity-fields__label">姓名</Text>
        <Input
          className="identity-fields__input"
          id={`${id}-name`}
          name="name"
          placeholder="与身份证上的姓名一致"
          maxLength={30}
          value={name}
          disabled={disabled}
          onChange={fields.setName}
          onBlur={() => fields.touch('name')}
        />
        {errors.name ? (
          <Text className="sj-field-error" id={`${id}-name-error`}>
            {errors.name}
          </Text>
        ) : null}
      </View>
      <View className="identity-fields__field">
        <Text className="identity-fields__label">身份证号码</Text>
        <Input
          className="identity-fields__input"
          id={`${id}-id`}
          name="idNumber"
          placeholder="18 位居民身份证号码"
          maxLength={18}
          value={idNumber}
          disabled={disabled}
          onChange={fields.setIdNumber}
          onBlur={() => fields.touch('idNumber')}
        />
        {errors.idNumber ? (
          <Text className="sj-field-error" id={`${id}-id-error`}>
            {errors.idNumber}
          </Text>
        ) : null}
      </View>
    </>
  );
}
