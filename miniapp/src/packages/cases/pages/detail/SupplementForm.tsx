import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { ApplicationDetail, MaterialRef } from '@suijing/shared';
import { MaterialUpload } from '@/components/MaterialUpload';
import { useUploads } from '@/hooks/useUploads';
import { messageOf } from '@/services/api-error';
import { answerSupplement } from '@/services/applications';

const SLOTS = ['补正材料 1', '补正材料 2', '补正材料 3'];

/** 补正: the department's request and the citizen's answer (an explanation and up to three files). */
export function SupplementForm({
  detail,
  onAnswered,
}: {
  detail: ApplicationDetail;
  onAnswered: (next: ApplicationDetail) => void;
}): JSX.Element {
  const [explanation, setExplanation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const uploads = useUploads();

  const send = async (): Promise<void> => {
    if (explanation.trim() === '') {
      setError('请说明补充的内容');
      return;
    }
    if (uploads.busy) {
      setError('材料正在上传，请稍候');
      return;
    }
    const materials: MaterialRef[] = SLOTS.flatMap((name) => {
      const slot = uploads.slots[name];
      return slot?.status === 'done' ? [{ name, source: 'upload' as const, materialId: slot.uploaded.materialId }] : [];
    });
    setSending(true);
    setError(null);
    try {
      onAnswered(await answerSupplement(detail.caseNo, { explanation: explanation.trim(), materials }));
      void Taro.showToast({ title: '补正材料已提交', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSending(false);
    }
  };

  // One more slot appears once the previous one holds a file.
  const visible = SLOTS.filter((name, index) => index === 0 || uploads.slots[SLOTS[index - 1] ?? ''] !== undefined);

  return (
    <View className="sj-card case-supplement" id="case-supplement">
      <Text className="case-section__title">需要补正</Text>
      <Text className="case-supplement__request" id="case-supplement-request">
        {detail.supplementRequest ?? '请按部门要求补充材料'}
      </Text>
      <Text className="case-supplement__label">补正说明</Text>
      <TextArea
        className="case-supplement__text"
        id="supplement-explanation"
        value={explanation}
        placeholder="说明您补充了什么，如：已重新上传清晰的身份证照片"
        maxLength={500}
        showCount
        onChange={(v) => {
          setExplanation(v);
          if (error) setError(null);
        }}
      />
      {visible.map((name, index) => (
        <MaterialUpload
          key={name}
          id={`supplement-file-${index}`}
          label={`上传${name}`}
          slot={uploads.slots[name]}
          onPick={(file) => uploads.upload(name, file)}
          onRetry={() => uploads.retry(name)}
          onRemove={() => uploads.remove(name)}
        />
      ))}
      {error ? (
        <Text className="sj-field-error" id="supplement-error">
          {error}
        </Text>
      ) : null}
      <Button
        block
        className="sj-block-button case-supplement__send"
        type="primary"
        id="supplement-submit"
        loading={sending}
        disabled={sending}
        onClick={() => void send()}
      >
        提交补正
      </Button>
    </View>
  );
}
