import { View, Text } from '@tarojs/components';
import type { ShareVerifyResult } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';

const MARK: Readonly<Record<string, string>> = { valid: '✓', expired: '!', revoked: '!', unknown: '?' };

/**
 * The answer, big and plain: for a valid link exactly the fields the holder
 * allowed (label and value, nothing else); otherwise why there is nothing to see.
 */
export function VerifyResult({ result }: { result: ShareVerifyResult }): JSX.Element {
  const valid = result.result === 'valid';
  return (
    <View
      className={`sj-card verify-result verify-result--${valid ? 'valid' : 'invalid'}`}
      id="verify-result"
      data-result={result.result}
    >
      <View className="verify-result__head">
        <Text className="verify-result__mark" aria-hidden>
          {MARK[result.result] ?? '!'}
        </Text>
        <Text className="verify-result__text" id="verify-result-text">
          {result.resultText}
        </Text>
      </View>
      {valid && result.credentialName ? (
        <Text className="verify-result__credential" id="verify-credential">
          {result.credentialName}
        </Text>
      ) : null}
      {valid ? (
        <View className="verify-result__fields" id="verify-fields">
          {(result.fields ?? []).map((field) => (
            <View className="verify-field" key={field.key} id={`verify-field-${field.key}`}>
              <Text className="verify-field__label">{field.label}</Text>
              <Text className="verify-field__value" id={`verify-field-${field.key}-value`}>
                {field.value}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {valid && result.purpose ? <Text className="verify-result__line">出示用途：{result.purpose}</Text> : null}
      {valid && result.expiresAt ? (
        <Text className="verify-result__line">授权有效期至：{formatDateTime(result.expiresAt)}</Text>
      ) : null}
      <Text className="verify-result__line" id="verify-checked-at">
        核验时间：{formatDateTime(result.checkedAt)}
      </Text>
    </View>
  );
}
