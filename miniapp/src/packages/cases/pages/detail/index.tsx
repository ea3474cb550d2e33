import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApplicationDetail } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { ApiError, messageOf } from '@/services/api-error';
import { fetchApplication, withdrawApplication } from '@/services/applications';
import { isRatable, STATUS_TONE } from '@/utils/case-format';
import { formatDateTime } from '@/utils/format';
import { goTo, rateUrl, routeParam } from '@/utils/navigation';
import { deliveryText, promisedText } from '../../utils/case-text';
import { CertificateCard } from './CertificateCard';
import { FeeRow } from './FeeRow';
import { Timeline } from './Timeline';
import { TrackingCard } from './TrackingCard';
import { SupplementForm } from './SupplementForm';
import { WithdrawDialog } from './WithdrawDialog';
import './index.scss';

type Lookup = { found: true; detail: ApplicationDetail } | { found: false };

async function load(caseNo: string): Promise<Lookup> {
  try {
    return { found: true, detail: await fetchApplication(caseNo) };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'CASE_NOT_FOUND' || error.code === 'VALIDATION_FAILED')) {
      return { found: false };
    }
    throw error;
  }
}

function Row({ label, value, id }: { label: string; value: string; id?: string }): JSX.Element {
  return (
    <View className="case-row">
      <Text className="case-row__label">{label}</Text>
      <Text className="case-row__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

function CaseView({
  detail,
  onChange,
}: {
  detail: ApplicationDetail;
  onChange: (d: ApplicationDetail) => void;
}): JSX.Element {
  const [withdrawing, setWithdrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);

  const withdraw = async (reason: string): Promise<void> => {
    setBusy(true);
    setWithdrawError(null);
    try {
      onChange(await withdrawApplication(detail.caseNo, reason));
      setWithdrawing(false);
      void Taro.showToast({ title: '已撤回申请', icon: 'none' });
    } catch (error) {
      setWithdrawError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const open = !['approved', 'rejected', 'delivered', 'withdrawn'].includes(detail.status);
  return (
    <>
      <View className="case-head" id="case-head">
        <Text className={`sj-badge ${STATUS_TONE[detail.status]} case-head__status`} id="case-status">
          {detail.statusText}
        </Text>
        <Text className="case-head__name">{detail.itemName}</Text>
        <Text className="case-head__no" id="case-no" userSelect>
          办件编号 {detail.caseNo}
        </Text>
      </View>
      <View className="sj-card" id="case-summary">
        {/* 代办: the case is for a family member, filed by someone acting for them. */}
        {detail.subject ? (
          <Row
            label="当事人"
            value={`${detail.subject.nameMasked}（${detail.subject.relationText}）`}
            id="case-subject"
          />
        ) : null}
        {detail.actor ? <Row label="代办人" value={detail.actor.nameMasked} id="case-actor" /> : null}
        <Row label="提交时间" value={formatDateTime(detail.submittedAt)} />
        <Row label="承诺办结" value={promisedText(detail)} id="case-promised" />
        {open ? <Row label="当前环节" value={detail.currentStep} id="case-current-step" /> : null}
        {open ? <Row label="办理部门" value={detail.currentDepartment} /> : null}
        {open && detail.currentDeadline ? (
          <Row label="本环节期限" value={formatDateTime(detail.currentDeadline)} id="case-deadline" />
        ) : null}
        {detail.delivery ? <Row label="领取方式" value={deliveryText(detail.delivery)} id="case-delivery" /> : null}
        {/* With EMS's answer the number shows in 邮件跟踪 below instead. */}
        {detail.trackingNo && !detail.tracking ? (
          <Row label="邮寄单号" value={`EMS ${detail.trackingNo}`} id="case-tracking" />
        ) : null}
        {detail.rejectionReason ? (
          <Row label="不予许可原因" value={detail.rejectionReason} id="case-rejection" />
        ) : null}
      </View>
      <FeeRow detail={detail} />
      {detail.tracking ? <TrackingCard tracking={detail.tracking} /> : null}
      {detail.certificate ? <CertificateCard certificate={detail.certificate} /> : null}
      {detail.canSupplement ? <SupplementForm detail={detail} onAnswered={onChange} /> : null}
      <Timeline detail={detail} />
      {isRatable(detail.status) ? (
        <View className="case-rate-entry">
          {/* The rate page reads the rating itself (form or 查看评价): this page stays one request. */}
          <Button
            block
            className="sj-block-button"
            id="case-rate"
            type="primary"
            fill="outline"
            onClick={() => goTo(rateUrl(detail.caseNo))}
          >
            评价
          </Button>
          <Text className="sj-hint case-rate-entry__note">办结后欢迎评价，已评价的可查看评价和差评整改进度</Text>
        </View>
      ) : null}
      {detail.canWithdraw ? (
        <View className="case-withdraw-entry">
          <Button
            block
            className="sj-block-button"
            id="case-withdraw"
            fill="outline"
            type="danger"
            onClick={() => {
              setWithdrawError(null);
              setWithdrawing(true);
            }}
          >
            撤回申请
          </Button>
        </View>
      ) : null}
      <WithdrawDialog
        visible={withdrawing}
        busy={busy}
        error={withdrawError}
        onConfirm={(reason) => void withdraw(reason)}
        onCancel={() => setWithdrawing(false)}
      />
    </>
  );
}

/** 办件详情: where the case is, who has it, until when, what they need from me. */
export default function CaseDetailPage(): JSX.Element {
  const caseNo = routeParam(useRouter().params, 'caseNo');
  const loader = useCallback(() => load(caseNo), [caseNo]);
  const { state, reload, setData } = useAsync(loader);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });

  return (
    <PageShell id="page-case">
      <PageStates
        id="case"
        state={state}
        onRetry={reload}
        notFound={{
          found: (data) => data.found,
          title: '未找到该办件',
          note: '请核对办件编号，或在「我的办件」中查看。',
        }}
      >
        {(data) => <CaseView detail={data.detail} onChange={(detail) => setData(() => ({ found: true, detail }))} />}
      </PageStates>
    </PageShell>
  );
}
