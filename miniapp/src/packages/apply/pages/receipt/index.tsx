import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import type { ApplicationDetail } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { useAsync } from '@/hooks/useAsync';
import { fetchApplication } from '@/services/applications';
import { askForNotices, canAskForNotices } from '@/services/subscribe-notices';
import { formatDay } from '@/utils/case-format';
import { caseUrl, ROUTES, routeParam } from '@/utils/navigation';
import { applySession } from '../../state/session';
import './index.scss';

/** WeChat asks the citizen itself (progress, 补正, the decision); the answer only changes what we say. Needs a tap. */
function SubscribePrompt(): JSX.Element | null {
  const [answer, setAnswer] = useState<'none' | 'accepted' | 'declined'>('none');
  if (!canAskForNotices('case')) return null;
  const subscribe = async (): Promise<void> => {
    setAnswer((await askForNotices('case')) === 'accepted' ? 'accepted' : 'declined');
  };
  if (answer !== 'none') {
    return (
      <Text className="sj-hint receipt-subscribe" id="receipt-subscribe-answer">
        {answer === 'accepted' ? '已订阅，办理进度将通过微信通知您' : '未订阅，您仍可在「消息中心」查看进度'}
      </Text>
    );
  }
  return (
    <Button
      block
      className="sj-block-button receipt-subscribe"
      id="receipt-subscribe"
      fill="outline"
      type="primary"
      onClick={() => void subscribe()}
    >
      订阅办理进度通知
    </Button>
  );
}

function Receipt({ detail }: { detail: ApplicationDetail }): JSX.Element {
  const copy = (): void => {
    void Taro.setClipboardData({ data: detail.caseNo }).then(
      () => Taro.showToast({ title: '办件编号已复制', icon: 'none' }),
      () => Taro.showToast({ title: '复制失败，请长按编号手动复制', icon: 'none' }),
    );
  };
  return (
    <>
      <View className="receipt-head">
        <View className="receipt-head__mark" aria-hidden>
          ✓
        </View>
        <Text className="receipt-head__title">申请已提交</Text>
        <Text className="receipt-head__item">{detail.itemName}</Text>
      </View>
      <View className="sj-card">
        <Text className="receipt-label">办件编号</Text>
        <View className="receipt-case">
          <Text className="receipt-case__no" id="receipt-case-no" userSelect>
            {detail.caseNo}
          </Text>
          <View className="receipt-case__copy" id="receipt-copy" role="button" onClick={copy}>
            复制
          </View>
        </View>
        {detail.subject ? (
          <>
            <View className="receipt-row">
              <Text className="receipt-label">当事人</Text>
              <Text className="receipt-value" id="receipt-subject">
                {detail.subject.nameMasked}（{detail.subject.relationText}）
              </Text>
            </View>
            <View className="receipt-row">
              <Text className="receipt-label">代办人</Text>
              <Text className="receipt-value" id="receipt-actor">
                {detail.actor?.nameMasked ?? '我'}
              </Text>
            </View>
          </>
        ) : null}
        <View className="receipt-row">
          <Text className="receipt-label">当前状态</Text>
          <Text className="receipt-value">{detail.statusText}</Text>
        </View>
        <View className="receipt-row">
          <Text className="receipt-label">承诺办结</Text>
          <Text className="receipt-value" id="receipt-promised">
            {formatDay(detail.promisedDate)}前
          </Text>
        </View>
      </View>
      <View className="sj-card">
        <Text className="receipt-next__title">接下来</Text>
        <Text className="receipt-next__line">
          1. {detail.currentDepartment || '受理部门'}将审核您的申请，一般 1 个工作日内受理。
        </Text>
        <Text className="receipt-next__line">2. 如材料需要补正，我们会通知您，请在「我的办件」中补充。</Text>
        <Text className="receipt-next__line">3. 每一步进展都会发到「消息中心」，也可凭办件编号查询进度。</Text>
        <SubscribePrompt />
      </View>
      <View className="receipt-actions">
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="receipt-cases"
          onClick={() => void Taro.redirectTo({ url: ROUTES.cases })}
        >
          查看我的办件
        </Button>
        <Button
          block
          className="sj-block-button"
          id="receipt-detail"
          fill="outline"
          type="primary"
          onClick={() => void Taro.redirectTo({ url: caseUrl(detail.caseNo) })}
        >
          查看办件详情
        </Button>
        <Button
          block
          className="sj-block-button"
          id="receipt-home"
          onClick={() => void Taro.switchTab({ url: ROUTES.home })}
        >
          返回首页
        </Button>
      </View>
    </>
  );
}

/** 回执: the case number (copyable), the promised date and what happens next. */
export default function ReceiptPage(): JSX.Element {
  const caseNo = routeParam(useRouter().params, 'caseNo');
  const load = useCallback(async (): Promise<ApplicationDetail> => {
    const { receipt } = applySession.get();
    if (receipt && receipt.caseNo === caseNo) return receipt;
    return fetchApplication(caseNo);
  }, [caseNo]);
  const { state, reload } = useAsync(load);
  return (
    <PageShell id="page-receipt">
      {state.status === 'loading' ? (
        <View className="sj-card" aria-busy="true">
          <Skeleton rows={4} animated />
        </View>
      ) : null}
      {state.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="receipt-error" message={state.message} onRetry={reload} />
        </View>
      ) : null}
      {state.status === 'success' ? <Receipt detail={state.data} /> : null}
    </PageShell>
  );
}
