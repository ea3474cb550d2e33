import { useState } from 'react';
import { View } from '@tarojs/components';
import type { FormField } from '@suijing/shared';
import type { FormValue } from '@suijing/shared/forms';
import { FormFieldView } from '@/components/FormFieldView';
import { useAuth } from '@/hooks/useAuth';
import './index.scss';

export interface ContactPhoneProps {
  /** The phone field (its ids are `field-<key>-…`, the switch `<key>-switch`). */
  field: FormField;
  /** The account's own phone, masked; null for an account without one (a WeChat login), which types one. */
  accountPhone: string | null;
  /** Another number is being typed instead of the account's. */
  custom: boolean;
  onCustom: (custom: boolean) => void;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** Whether the form sends a typed number: no account phone, or another one asked for. */
export function phoneTyped(accountPhone: string | null, custom: boolean): boolean {
  return accountPhone === null || custom;
}

/**
 * A contact phone that is the account's own by default: shown masked, nothing
 * to type, and left out of the request so the BFF fills in the number (the
 * mini-program never holds it in full); 改用其他手机号 opens a field for
 * another. Used by the 车驾管 forms and 诉求, as the hall booking does it.
 */
export function ContactPhone(props: ContactPhoneProps): JSX.Element {
  const { field, accountPhone, custom, onCustom, value, error, onChange, onBlur } = props;
  const fromAccount = !phoneTyped(accountPhone, custom);
  return (
    <View className="contact-phone">
      <FormFieldView
        field={field}
        value={value}
        error={fromAccount ? undefined : error}
        locked={fromAccount ? (accountPhone ?? undefined) : undefined}
        hint={fromAccount ? '登录时验证过的手机号' : undefined}
        onChange={(next) => onChange(typeof next === 'string' ? next : '')}
        onBlur={onBlur}
      />
      {accountPhone !== null ? (
        <View
          className="contact-phone__switch"
          id={`${field.key}-switch`}
          role="button"
          onClick={() => onCustom(!custom)}
        >
          {custom ? `改回登录手机号 ${accountPhone}` : '改用其他手机号'}
        </View>
      ) : null}
    </View>
  );
}

/** A form's contact phone: the account's own (masked) unless another is asked for. */
export interface ContactPhoneChoice {
  /** The account's own phone, masked; null when the account has none. */
  accountPhone: string | null;
  /** Another number is being typed instead of the account's. */
  customPhone: boolean;
  onCustomPhone: (custom: boolean) => void;
  /** Whether the form sends a typed number (see phoneTyped). */
  typed: boolean;
}

/** The contact-phone choice of a form; `onSwitch` runs when it changes (to clear the field's error). */
export function useContactPhone(onSwitch: () => void): ContactPhoneChoice {
  const accountPhone = useAuth().user?.phoneMasked ?? null;
  const [customPhone, setCustomPhone] = useState(false);
  return {
    accountPhone,
    customPhone,
    onCustomPhone: (custom) => {
      setCustomPhone(custom);
      onSwitch();
    },
    typed: phoneTyped(accountPhone, customPhone),
  };
}

export interface ContactFormFieldsProps<K extends string> {
  /** The fields in the order shown; the one keyed `phone` is the contact phone. */
  order: readonly K[];
  fields: Record<K, FormField>;
  values: Record<K, FormValue>;
  errors: Partial<Record<string, string>>;
  phone: ContactPhoneChoice;
  onChange: (key: K, value: FormValue) => void;
  onBlur: (key: K) => void;
}

/** A short form's fields, its `phone` the account's own unless another is asked for. */
export function ContactFormFields<K extends string>(props: ContactFormFieldsProps<K>): JSX.Element {
  const { order, fields, values, errors, phone, onChange, onBlur } = props;
  return (
    <>
      {order.map((key) =>
        key === 'phone' ? (
          <ContactPhone
            key={key}
            field={fields[key]}
            accountPhone={phone.accountPhone}
            custom={phone.customPhone}
            onCustom={phone.onCustomPhone}
            value={typeof values[key] === 'string' ? (values[key] as string) : ''}
            error={errors[key]}
            onChange={(value) => onChange(key, value)}
            onBlur={() => onBlur(key)}
          />
        ) : (
          <FormFieldView
            key={key}
            field={fields[key]}
            value={values[key]}
            error={errors[key]}
            onChange={(value) => onChange(key, value)}
            onBlur={() => onBlur(key)}
          />
        ),
      )}
    </>
  );
}
