import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { WalletItem, WalletShareCreated } from '@suijing/shared';
import type { FormValue } from '@suijing/shared/forms';
import { FieldError } from '@/components/FieldError';
import { FormFieldView } from '@/components/FormFieldView';
import { SubmitButton } from '@/components/SubmitButton';
import { useStepUpAction } from '@/hooks/useStepUpAction';
import { PURPOSE_OTHER } from '../../utils/format';
import {
  INITIAL_SHARE_INPUT,
  shareFormFields,
  shareRequest,
  validateShare,
  type ShareErrors,
  type ShareInput,
} from '../../utils/share-form';
import { shareItem } from '../../services/share';

const asList = (value: FormValue): string[] => (Array.isArray(value) ? value : [value]);
const asText = (value: FormValue): string => (typeof value === 'string' ? value : '');

/**
 * 出示 of one certificate: the fields the verifier may see (none ticked at
 * first: the holder chooses), how long, what for. Creating the link needs a
 * fresh 本人认证; the check opens and, passed, the link is made by itself.
 */
export function ShareForm(props: { item: WalletItem; onShared: (share: WalletShareCreated) => void }): JSX.Element {
  const { item, onShared } = props;
  const [input, setInput] = useState<ShareInput>(INITIAL_SHARE_INPUT);
  const [errors, setErrors] = useState<ShareErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const form = shareFormFields(item);
  const action = useStepUpAction(() => shareItem(shareRequest(item, input)), {
    onDone: onShared,
    onError: (message) => setFailure(message),
  });

  const change = (next: ShareInput): void => {
    setInput(next);
    // Once wrong, a field is checked again as it changes.
    if (Object.keys(errors).length > 0) setErrors(validateShare(next));
  };

  const submit = (): void => {
    const found = validateShare(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFailure(null);
    action.run();
  };

  return (
    <View id="share-form">
      <View className="sj-card share-head">
        <Text className="share-head__name" id="share-item-name">
          {item.name}
        </Text>
        <Text className="sj-hint">
          {item.holderNameMasked} · {item.numberMasked}
        </Text>
      </View>
      <View className="sj-card">
        <FormFieldView
          field={form.fields}
          value={input.fields}
          error={errors.fields}
          onChange={(value) => change({ ...input, fields: asList(value) })}
          onBlur={() => undefined}
        />
        <FormFieldView
          field={form.minutes}
          value={input.minutes}
          onChange={(value) => change({ ...input, minutes: asText(value) })}
          onBlur={() => undefined}
        />
        <FormFieldView
          field={form.purpose}
          value={input.purpose}
          error={input.purpose === PURPOSE_OTHER ? undefined : errors.purpose}
          onChange={(value) => change({ ...input, purpose: asText(value) })}
          onBlur={() => undefined}
        />
        {input.purpose === PURPOSE_OTHER ? (
          <FormFieldView
            field={form.otherPurpose}
            value={input.otherPurpose}
            error={errors.purpose}
            onChange={(value) => change({ ...input, otherPurpose: asText(value) })}
            onBlur={() => setErrors(validateShare(input))}
          />
        ) : null}
      </View>
      <View className="share-actions">
        <FieldError id="share-error" message={failure} />
        <SubmitButton id="share-submit" label="生成出示二维码" sending={action.busy} onSubmit={submit} />
        <Text className="sj-hint share-actions__note">
          生成前需本人刷脸或网证确认。对方核验时会留下核验方名称和时间，您可在「出示记录」中查看。
        </Text>
      </View>
    </View>
  );
}
