import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Address } from '@suijing/shared';
import { checkField } from '@suijing/shared/forms';
import { AccessibleSwitch } from '@/components/AccessibleSwitch';
import { FieldError } from '@/components/FieldError';
import { FormFieldView } from '@/components/FormFieldView';
import { SubmitButton } from '@/components/SubmitButton';
import { ApiError, messageOf } from '@/services/api-error';
import { createAddress, removeAddress, updateAddress } from '@/services/addresses';
import { describeSubmitFailure, memoryAttempt } from '@/utils/submit-attempt';
import {
  addressFields,
  changed,
  createRequest,
  draftIssues,
  draftOf,
  EMPTY_DRAFT,
  FIELD_ORDER,
  updateRequest,
  type AddressDraft,
  type DraftKey,
} from '../../utils/address-form';

/** The form of a new address (`address` absent) or of one being changed. */
export function AddressForm({ address }: { address?: Address }): JSX.Element {
  const editing = address ? { mobileMasked: address.mobile } : null;
  const [draft, setDraft] = useState<AddressDraft>(() => (address ? draftOf(address) : EMPTY_DRAFT));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One key for every retry of the same new address while the page is open.
  const attempt = useMemo(() => memoryAttempt(), []);
  const fields = addressFields(draft, editing);

  const change = (key: DraftKey, value: unknown): void => {
    const next = changed(draft, key, typeof value === 'string' ? value : '');
    setDraft(next);
    if (fields[key].type === 'select' || errors[key]) {
      setErrors((prev) => ({ ...prev, [key]: checkField(addressFields(next, editing)[key], next[key]) }));
    }
  };

  const save = async (): Promise<void> => {
    const issues = draftIssues(draft, editing);
    setErrors(issues);
    if (Object.keys(issues).length > 0) {
      void Taro.showToast({ title: '还有信息需要填写或修改', icon: 'none' });
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      if (address) {
        await updateAddress(address.id, updateRequest(draft));
      } else {
        const request = createRequest(draft);
        await createAddress(request, attempt.key(request));
        attempt.end();
      }
      void Taro.showToast({ title: '地址已保存', icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      const described = describeSubmitFailure(error, '可再次保存，不会重复保存');
      setErrors((prev) => ({ ...prev, ...described.fields }));
      setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  const remove = async (): Promise<void> => {
    if (!address) return;
    const { confirm } = await Taro.showModal({ title: '删除地址', content: '确定删除这个收件地址吗？' });
    if (!confirm) return;
    try {
      await removeAddress(address.id);
      void Taro.showToast({ title: '已删除', icon: 'none' });
      void Taro.navigateBack();
    } catch (error) {
      // Gone already (another device): the book is right without it.
      if (error instanceof ApiError && error.code === 'ADDRESS_NOT_FOUND') void Taro.navigateBack();
      else void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    }
  };

  return (
    <View id="address-form">
      <View className="sj-card" id="address-fields">
        {FIELD_ORDER.map((key) => (
          <FormFieldView
            key={key}
            field={fields[key]}
            value={draft[key]}
            error={errors[key]}
            {...(key === 'mobile' && editing ? { hint: `当前：${editing.mobileMasked}，不修改请留空` } : {})}
            onChange={(value) => change(key, value)}
            onBlur={() => setErrors((prev) => ({ ...prev, [key]: checkField(fields[key], draft[key]) }))}
          />
        ))}
        <View className="address-default">
          <Text className="address-default__label">设为默认地址</Text>
          <AccessibleSwitch
            id="address-default"
            label="设为默认地址"
            checked={draft.isDefault}
            onChange={(on) => setDraft((prev) => ({ ...prev, isDefault: on }))}
          />
        </View>
      </View>
      <View className="address-actions">
        <SubmitButton
          id="address-save"
          label="保存地址"
          sending={sending}
          failed={failure !== null}
          onSubmit={() => void save()}
        />
        <FieldError id="address-save-error" message={failure} className="address-actions__error" />
        {address ? (
          <Button
            block
            className="sj-block-button address-actions__delete"
            id="address-delete"
            type="danger"
            fill="outline"
            onClick={() => void remove()}
          >
            删除地址
          </Button>
        ) : null}
      </View>
    </View>
  );
}
