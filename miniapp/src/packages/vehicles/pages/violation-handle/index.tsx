import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { HandlingDecision, HandlingPreview } from '@suijing/shared';
import { BackToListButton } from '@/components/BackToListButton';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { FieldError } from '@/components/FieldError';
import { PageShell } from '@/components/PageShell';
import { SubmitButton } from '@/components/SubmitButton';
import { fetchHandlingPreview, handleViolation } from '@/services/violations';
import { fenText } from '@/utils/money';
import { ROUTES, routeParam, violationHandleUrl } from '@/utils/navigation';
import { describeSubmitFailure, submitOnce } from '@/utils/submit-attempt';
import { TrafficStates } from '../../components/TrafficStates';
import { Consequences } from './Consequences';
import { DecisionResult } from './DecisionResult';
import { Refusal } from './Refusal';
import './index.scss';

type Allowed = Extract<HandlingPreview, { allowed: true }>;

/** The consequences, then 确认处理 (asked once more in a dialog), then the 决定书. */
function Confirm({ id, preview, onDone }: { id: string; preview: Allowed; onDone: (d: HandlingDecision) => void }) {
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { consequences } = preview;
  const confirm = async (): Promise<void> => {
    setSending(true);
    setError(null);
    try {
      const decision = await submitOnce('violationHandling', { id }, (key) => handleViolation(id, key));
      setAsking(false);
      onDone(decision);
    } catch (failure) {
      setAsking(false);
      setError(describeSubmitFailure(failure, '可再次确认，不会重复处理').message);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Consequences consequences={consequences} />
      <View className="handle-bar">
        <FieldError id="handle-error" className="handle-bar__error" message={error} />
        <SubmitButton
          id="handle-submit"
          label="确认处理"
          sending={sending}
          failed={error !== null}
          onSubmit={() => setAsking(true)}
        />
      </View>
      <ConfirmDialog
        id="handle-confirm"
        visible={asking}
        title="确认处理该违法？"
        message={`确认后将生成处罚决定书：记${consequences.points}分，累积记分变为${consequences.pointsAfter}分，罚款${fenText(consequences.fineFen)}。处理后不能撤销。`}
        confirmText="确认处理"
        busy={sending}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}

/** 违法处理: what handling online does (or why it cannot be done online and where to go), and the 决定书. */
export default function ViolationHandlePage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchHandlingPreview(id), [id]);
  const [decision, setDecision] = useState<HandlingDecision | null>(null);
  const back = (): void => void Taro.navigateBack();
  if (decision) {
    return (
      <PageShell id="page-violation-handle">
        <DecisionResult decision={decision} onBack={back} />
      </PageShell>
    );
  }
  return (
    <PageShell id="page-violation-handle">
      <TrafficStates
        id="handle"
        load={load}
        here={violationHandleUrl(id)}
        loginReason="登录后可在线处理您的交通违法。"
        notFound={{
          codes: ['VIOLATION_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该违法记录',
          note: '它可能不属于您名下的车辆或驾驶证，请返回刷新。',
          children: (
            <BackToListButton
              id="handle-not-found-back"
              label="返回违法记录"
              onClick={() => void Taro.redirectTo({ url: ROUTES.violations })}
            />
          ),
        }}
      >
        {(preview) =>
          preview.allowed ? (
            <Confirm id={id} preview={preview} onDone={setDecision} />
          ) : (
            <>
              <Refusal refusal={preview} />
              <View className="handle-bar">
                <Button block className="sj-block-button" id="handle-refusal-back" onClick={back}>
                  返回违法详情
                </Button>
              </View>
            </>
          )
        }
      </TrafficStates>
    </PageShell>
  );
}
