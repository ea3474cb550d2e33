import { View, Text, Picker } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { FormField } from '@suijing/shared';
import { dateRange, filingDay, type FormValue } from '@suijing/shared/forms';
import './index.scss';

interface FieldProps {
  field: FormField;
  value: FormValue | undefined;
  error?: string;
  /** Shown under the label (e.g. where a locked value comes from). */
  hint?: string;
  /**
   * Set for a field the verified record fills (the applicant's own name, ID
   * number...): the text it shows, masked; nothing can be typed or chosen.
   */
  locked?: string;
  onChange: (value: FormValue) => void;
  onBlur: () => void;
}

const INPUT_TYPE: Partial<Record<FormField['type'], 'text' | 'number' | 'digit' | 'idcard'>> = {
  phone: 'number',
  number: 'digit',
};

const PLACEHOLDER: Partial<Record<FormField['type'], string>> = {
  idNumber: '18 位居民身份证号码',
  phone: '11 位手机号码',
  plate: '如：粤A12345',
  address: '省市区 + 街道门牌号',
};

/** Selects with at most this many options show them all at once. */
export const MAX_INLINE_OPTIONS = 8;

const asText = (value: FormValue | undefined): string => (typeof value === 'string' ? value : '');
const asList = (value: FormValue | undefined): string[] => (Array.isArray(value) ? value : []);

function Choices({ field, value, onChange }: Pick<FieldProps, 'field' | 'value' | 'onChange'>): JSX.Element {
  const multiple = field.type === 'checkbox';
  const chosen = multiple ? asList(value) : [asText(value)];
  const toggle = (option: string): void => {
    if (!multiple) {
      onChange(option);
      return;
    }
    onChange(chosen.includes(option) ? chosen.filter((v) => v !== option) : [...chosen, option]);
  };
  return (
    <View className="form-field__choices" role={multiple ? 'group' : 'radiogroup'} aria-label={field.label}>
      {(field.options ?? []).map((option) => {
        const on = chosen.includes(option.value);
        return (
          <View
            key={option.value}
            className={`form-field__choice ${on ? 'form-field__choice--on' : ''}`}
            id={`field-${field.key}-option-${option.value}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => toggle(option.value)}
          >
            <Text className="form-field__choice-mark" aria-hidden>
              {on ? (multiple ? '☑' : '●') : multiple ? '☐' : '○'}
            </Text>
            <Text>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

function SelectPicker({ field, value, onChange }: Pick<FieldProps, 'field' | 'value' | 'onChange'>): JSX.Element {
  const options = field.options ?? [];
  const index = options.findIndex((option) => option.value === asText(value));
  // The name says the field and what it shows, so a screen reader and a voice command both find it.
  const shown = index >= 0 ? (options[index]?.label ?? '') : (field.placeholder ?? '请选择');
  return (
    <Picker
      mode="selector"
      range={options.map((option) => option.label)}
      value={Math.max(0, index)}
      onChange={(event) => {
        const chosen = options[Number(event.detail.value)];
        if (chosen) onChange(chosen.value);
      }}
    >
      <View
        className="form-field__picker"
        id={`field-${field.key}-picker`}
        role="button"
        aria-label={`${field.label}：${shown}`}
      >
        <Text className={index >= 0 ? '' : 'form-field__placeholder'}>{shown}</Text>
        <Text className="form-field__arrow" aria-hidden>
          ›
        </Text>
      </View>
    </Picker>
  );
}

/**
 * The picker runs over the dates the field allows (birth dates 1900 to
 * today, bookings from tomorrow...), as the BFF checks them; unbounded, the
 * platform's wheel would run from 1970 to centuries ahead. It opens on the
 * chosen date, else on today moved into the range.
 */
function DatePicker({ field, value, onChange }: Pick<FieldProps, 'field' | 'value' | 'onChange'>): JSX.Element {
  const text = asText(value);
  const today = filingDay();
  const { start, end } = dateRange(field, today);
  const opening = start !== undefined && today < start ? start : end !== undefined && today > end ? end : today;
  const shown = text || (field.placeholder ?? '请选择日期');
  return (
    <Picker
      mode="date"
      start={start}
      end={end}
      value={text || opening}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <View
        className="form-field__picker"
        id={`field-${field.key}-picker`}
        role="button"
        aria-label={`${field.label}：${shown}`}
      >
        <Text className={text ? '' : 'form-field__placeholder'}>{shown}</Text>
        <Text className="form-field__arrow" aria-hidden>
          ›
        </Text>
      </View>
    </Picker>
  );
}

/**
 * One field of an application form, by its type, with its inline error. Shared
 * by the item form, 一件事 and the 车驾管 forms (自愿降级, 解除抵押).
 */
export function FormFieldView({ field, value, error, hint, locked, onChange, onBlur }: FieldProps): JSX.Element {
  const placeholder = field.placeholder ?? PLACEHOLDER[field.type] ?? `请输入${field.label}`;
  let control: JSX.Element;
  // A locked field shows its value whatever its type.
  const kind = locked === undefined ? field.type : 'locked';
  switch (kind) {
    case 'locked':
      control = (
        <View
          className="form-field__locked"
          id={`field-${field.key}-locked`}
          aria-readonly="true"
          aria-label={field.label}
        >
          <Text>{locked}</Text>
          <Text className="form-field__lock" aria-hidden>
            🔒
          </Text>
        </View>
      );
      break;
    case 'radio':
    case 'checkbox':
      control = <Choices field={field} value={value} onChange={onChange} />;
      break;
    case 'select':
      // A short list reads better (and takes one tap) as choices; a long one as a picker.
      control =
        (field.options?.length ?? 0) <= MAX_INLINE_OPTIONS ? (
          <Choices field={field} value={value} onChange={onChange} />
        ) : (
          <SelectPicker field={field} value={value} onChange={onChange} />
        );
      break;
    case 'date':
      control = <DatePicker field={field} value={value} onChange={onChange} />;
      break;
    case 'textarea':
      control = (
        <TextArea
          className="form-field__textarea"
          id={`field-${field.key}-input`}
          value={asText(value)}
          placeholder={placeholder}
          maxLength={field.maxLength ?? 500}
          showCount
          onChange={(v) => onChange(v)}
          onBlur={onBlur}
        />
      );
      break;
    default:
      control = (
        <Input
          className="form-field__input"
          id={`field-${field.key}-input`}
          type={INPUT_TYPE[field.type] ?? 'text'}
          name={field.key}
          value={asText(value)}
          placeholder={placeholder}
          maxLength={field.type === 'phone' ? 11 : field.type === 'idNumber' ? 18 : (field.maxLength ?? 500)}
          onChange={(v) => onChange(field.type === 'idNumber' || field.type === 'plate' ? v.toUpperCase() : v)}
          onBlur={onBlur}
        />
      );
  }
  return (
    <View className={`form-field ${error ? 'form-field--invalid' : ''}`} id={`field-${field.key}`}>
      <Text className="form-field__label">
        {field.required ? (
          <Text className="form-field__required" aria-label="必填">
            *
          </Text>
        ) : null}
        {field.label}
      </Text>
      {field.help || hint ? (
        <Text className="form-field__help">{[hint, field.help].filter(Boolean).join('；')}</Text>
      ) : null}
      {control}
      {error ? (
        <Text className="sj-field-error" id={`field-${field.key}-error`} aria-live="polite">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
