import type { FormField, ShareDurationMinutes, WalletItem, WalletShareRequest } from '@suijing/shared';
import { PURPOSE_MAX, PURPOSE_MIN, PURPOSE_OTHER, PURPOSE_PRESETS, SHARE_DURATIONS } from './format';

/** The 出示 form as typed: the fields ticked, the time (minutes, as the radio holds it), the purpose. */
export interface ShareInput {
  fields: string[];
  minutes: string;
  /** A preset (租房, 入职) or PURPOSE_OTHER, then `otherPurpose` is the typed one; '' until chosen. */
  purpose: string;
  otherPurpose: string;
}

export type ShareErrors = Partial<Record<'fields' | 'purpose', string>>;

export const INITIAL_SHARE_INPUT: ShareInput = { fields: [], minutes: '30', purpose: '', otherPurpose: '' };

/** The form's fields, drawn by FormFieldView: what may be shown of this item, for how long, what for. */
export function shareFormFields(item: Pick<WalletItem, 'shareFields'>): {
  fields: FormField;
  minutes: FormField;
  purpose: FormField;
  otherPurpose: FormField;
} {
  return {
    fields: {
      key: 'fields',
      label: '对方可以看到',
      type: 'checkbox',
      required: true,
      help: '只勾选对方确实需要的内容',
      options: item.shareFields.map((field) => ({ value: field.key, label: field.label })),
    },
    minutes: {
      key: 'minutes',
      label: '有效时长',
      type: 'radio',
      required: true,
      help: '到期后链接和二维码自动失效，也可随时撤销',
      options: SHARE_DURATIONS.map((d) => ({ value: String(d.minutes), label: d.label })),
    },
    purpose: {
      key: 'purpose',
      label: '出示用途',
      type: 'radio',
      required: true,
      options: [
        ...PURPOSE_PRESETS.map((preset) => ({ value: preset, label: preset })),
        { value: PURPOSE_OTHER, label: '其他' },
      ],
    },
    otherPurpose: {
      key: 'otherPurpose',
      label: '用途说明',
      type: 'text',
      required: true,
      maxLength: PURPOSE_MAX,
      placeholder: `如：办理入学，${PURPOSE_MIN}-${PURPOSE_MAX} 字`,
    },
  };
}

const purposeText = (input: ShareInput): string =>
  input.purpose === PURPOSE_OTHER ? input.otherPurpose.trim() : input.purpose;

const isMinutes = (value: number): value is ShareDurationMinutes => SHARE_DURATIONS.some((d) => d.minutes === value);

/** What is missing or wrong, by field; empty when the form may be sent. */
export function validateShare(input: ShareInput): ShareErrors {
  const errors: ShareErrors = {};
  if (input.fields.length === 0) errors.fields = '请至少勾选一项对方可以看到的内容';
  const purpose = purposeText(input);
  if (input.purpose === '') errors.purpose = '请选择出示用途';
  else if (purpose.length < PURPOSE_MIN || purpose.length > PURPOSE_MAX) {
    errors.purpose = `用途说明应为 ${PURPOSE_MIN}-${PURPOSE_MAX} 个字`;
  }
  return errors;
}

/** The request for a valid form; the fields keep the item's order, whatever order they were ticked in. */
export function shareRequest(item: Pick<WalletItem, 'id' | 'shareFields'>, input: ShareInput): WalletShareRequest {
  const minutes = Number(input.minutes);
  return {
    itemId: item.id,
    fields: item.shareFields.map((field) => field.key).filter((key) => input.fields.includes(key)),
    minutes: isMinutes(minutes) ? minutes : 30,
    purpose: purposeText(input),
  };
}
