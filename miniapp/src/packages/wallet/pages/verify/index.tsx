import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ShareVerifyResult } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { FieldError } from '@/components/FieldError';
import { PageShell } from '@/components/PageShell';
import { messageOf } from '@/services/api-error';
import { verifyShare } from '@/services/wallet';
import { routeParam } from '@/utils/navigation';
import { checkVerifierName, VERIFIER_NAME_MAX } from '../../utils/verifier';
import { VerifyResult } from './VerifyResult';
import './index.scss';

function VerifyForm({ token }: { token: string }): JSX.Element {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ShareVerifyResult | null>(null);

  const submit = async (): Promise<void> => {
    const problem = checkVerifierName(name);
    setNameError(problem);
    if (problem) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult(await verifyShare({ token, verifierName: name.trim() }));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className="sj-card" id="verify-form">
        <Text className="verify-form__label">核验方名称</Text>
        <Text className="sj-hint">如：房东张先生、某某公司人事部。持证人可在出示记录中看到。</Text>
        <Input
          className="verify-form__input"
          id="verify-verifier"
          name="verifierName"
          placeholder={`2-${VERIFIER_NAME_MAX} 个字`}
          maxLength={VERIFIER_NAME_MAX}
          value={name}
          onChange={(value) => setName(value)}
        />
        <FieldError id="verify-verifier-error" message={nameError} />
        <FieldError id="verify-error" message={failure} />
        <Button
          block
          className="sj-block-button verify-form__submit"
          type="primary"
          id="verify-submit"
          loading={busy}
          disabled={busy}
          onClick={() => void submit()}
        >
          {result ? '重新核验' : '核验并查看'}
        </Button>
      </View>
      {result ? <VerifyResult result={result} /> : null}
    </>
  );
}

/**
 * 证照核验, for whoever the holder showed a certificate to (no login): their
 * name, then exactly what the holder allowed, or why the link shows nothing.
 */
export default function VerifyPage(): JSX.Element {
  const token = routeParam(useRouter().params, 't').trim();
  return (
    <PageShell id="page-wallet-verify">
      <View className="verify-hero">
        <Text className="verify-hero__name">证照核验</Text>
        <Text className="verify-hero__intro">
          持证人通过穗警通向您出示证照信息。信息由签发机关核发，仅显示持证人授权的内容。
        </Text>
      </View>
      {token ? (
        <VerifyForm token={token} />
      ) : (
        <EmptyState
          id="verify-no-token"
          title="链接不完整"
          note="请让持证人重新发送链接，或直接扫描持证人手机上的二维码。"
        />
      )}
    </PageShell>
  );
}
