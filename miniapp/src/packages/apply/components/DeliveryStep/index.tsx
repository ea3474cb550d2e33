import { useEffect, useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DeliveryChoice, FormField, IdentityStatus, ItemGuide } from '@suijing/shared';
import { checkField, type FormValue } from '@suijing/shared/forms';
import { FormFieldView } from '@/components/FormFieldView';
import { useAuth } from '@/hooks/useAuth';
import { onAddressPicked } from '@/utils/address-picker';
import { goTo, ROUTES, withQuery } from '@/utils/navigation';
import {
  DELIVERY_KEYS,
  deliveryData,
  deliveryForm,
  deliveryIssues,
  deliveryRequest,
  initialDelivery,
  type DeliveryState,
} from '../../utils/delivery';

const PART_OF_KEY: Record<string, keyof DeliveryState['address']> = {
  [DELIVERY_KEYS.province]: 'province',
  [DELIVERY_KEYS.city]: 'city',
  [DELIVERY_KEYS.district]: 'district',
  [DELIVERY_KEYS.detail]: 'detail',
};

export interface DeliveryStep {
  /** The card to show in the form; null for an item whose guide offers no choice. */
  view: JSX.Element | null;
  /** Marks every problem on the card; how many there are (0: ready). */
  check: () => number;
  /** The choice to send with the application. */
  choice: () => DeliveryChoice | undefined;
  /** How an address chosen from the book reads (masked), for the review page; undefined for a typed one. */
  savedLabel: () => string | undefined;
}

/**
 * 办理结果领取方式, for items whose guide offers a choice (电子证明, 邮寄,
 * 窗口领取): the modes, and for 邮寄 the address in parts. The recipient
 * is the verified applicant and the phone the account's; both are shown,
 * masked, never typed.
 */
export function useDeliveryStep(item: ItemGuide, identity: IdentityStatus): DeliveryStep {
  const modes = item.deliveryModes;
  const [state, setState] = useState<DeliveryState>(() => initialDelivery(modes));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const phoneMasked = useAuth().user?.phoneMasked ?? null;
  const form = useMemo(() => deliveryForm(modes, state.mode, state.saved), [modes, state.mode, state.saved]);
  // The address book, opened from here to choose one, answers with the chosen address.
  useEffect(
    () =>
      onAddressPicked((address) => {
        const label = `${address.recipient} ${address.mobile} ${address.region}${address.detail}`;
        setState((prev) => ({ ...prev, mode: 'post', saved: { id: address.id, label } }));
        setErrors({});
      }),
    [],
  );
  const data = deliveryData(state);

  const change = (field: FormField, value: FormValue): void => {
    const text = typeof value === 'string' ? value : '';
    const part = PART_OF_KEY[field.key];
    setState((prev) =>
      part
        ? { ...prev, address: { ...prev.address, [part]: text } }
        : { ...prev, mode: modes.find((mode) => mode === text) ?? '' },
    );
    if (!part || errors[field.key]) setErrors((prev) => ({ ...prev, [field.key]: checkField(field, value) }));
  };

  const check = (): number => {
    const issues = deliveryIssues(modes, state);
    setErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
    return issues.length;
  };

  const view =
    modes.length === 0 ? null : (
      <View className="sj-card apply-section" id="apply-delivery">
        <Text className="apply-section__title">{form.sections[0]?.title}</Text>
        {form.sections.flatMap((section) =>
          section.fields.map((field) => (
            <FormFieldView
              key={field.key}
              field={field}
              value={data[field.key]}
              error={errors[field.key]}
              onChange={(value) => change(field, value)}
              onBlur={() =>
                PART_OF_KEY[field.key] &&
                setErrors((prev) => ({ ...prev, [field.key]: checkField(field, data[field.key]) }))
              }
            />
          )),
        )}
        {state.mode === 'post' && state.saved ? (
          <View className="apply-delivery-saved">
            <Text className="sj-hint" id="apply-delivery-saved">
              寄往：{state.saved.label}
            </Text>
            <Button
              size="small"
              fill="outline"
              id="apply-delivery-type"
              onClick={() => setState((prev) => ({ ...prev, saved: undefined }))}
            >
              改为填写地址
            </Button>
          </View>
        ) : null}
        {state.mode === 'post' && !state.saved ? (
          <View className="apply-delivery-saved">
            <Text className="sj-hint" id="apply-delivery-recipient">
              收件人：{identity.nameMasked ?? '申请人本人'}（实名信息） · 联系电话：
              {phoneMasked ?? '申请表中的手机号码'}
            </Text>
            <Button
              size="small"
              fill="outline"
              id="apply-delivery-book"
              onClick={() => goTo(withQuery(ROUTES.addresses, { pick: '1' }))}
            >
              从地址簿选择
            </Button>
          </View>
        ) : null}
      </View>
    );

  return {
    view,
    check,
    choice: () => deliveryRequest(modes, state),
    savedLabel: () => (state.mode === 'post' ? state.saved?.label : undefined),
  };
}
