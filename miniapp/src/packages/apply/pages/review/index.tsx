import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formFields } from '@suijing/shared/forms';
import { PageShell } from '@/components/PageShell';
import { EmptyState } from '@/components/EmptyState';
import { useStore } from '@/hooks/useStore';
import { ApiError, messageOf } from '@/services/api-error';
import { stepUpOf, stepUpUrl } from '@/utils/assurance';
import { ROUTES, withQuery } from '@/utils/navigation';
import { applySession } from '../../state/session';
import { displayValue } from '../../utils/form-data';
import { deliverySummary } from '../../utils/delivery';
import { forgetUploads } from '../../state/remembered-uploads';
import { submitWithKey } from './submit';
import { ActingForBanner } from '../../components/ActingForBanner';
import './index.scss';
import { SubmitBar } from '@/components/SubmitBar';

/** Refusals of 代办 that another tap cannot change. */
const FINAL_REFUSALS: readonly string[] = [
  'FAMILY_AUTHORITY_ENDED',
  'FAMILY_MEMBER_NOT_FOUND',
  'ON_BEHALF_NOT_ALLOWED',
];

/** 核对并提交: everything entered and attached, then one submission (idempotent on retries). */
export default function ReviewPage(): JSX.Element {
  const { pending } = useStore(applySession);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (!pending) {
    return (
      <PageShell id="page-review">
        <EmptyState id="review-empty" title="没有待提交的申请" note="请返回表单填写，已填写的内容已自动保存。">
          <Button className="sj-block-button" type="primary" onClick={() => void Taro.navigateBack()}>
            返回表单
          </Button>
        </EmptyState>
      </PageShell>
    );
  }
  const { item, data, materials, locked, delivery, member } = pending;
  const uploadsKey = member ? `${item.code}.${member.memberId}` : item.code;

  const submit = async (): Promise<void> => {
    setSending(true);
    setFailure(null);
    try {
      const detail = await submitWithKey({
        itemCode: item.code,
        formVersion: item.form.version,
        data,
        materials: materials.map((m) => m.ref),
        ...(delivery ? { delivery } : {}),
        ...(member ? { memberId: member.memberId } : {}),
      });
      forgetUploads(uploadsKey);
      applySession.set({ pending: null, serverErrors: [], receipt: detail });
      void Taro.redirectTo({ url: withQuery(ROUTES.receipt, { caseNo: detail.caseNo }) });
    } catch (error) {
      const step = stepUpOf(error);
      if (step) {
        // 实名 or 本人认证 first (the item's level); the step comes back here, where the application waits.
        void Taro.navigateTo({ url: stepUpUrl(step) });
      } else if (
        error instanceof ApiError &&
        (error.code === 'VALIDATION_FAILED' || error.code === 'FORM_IDENTITY_MISMATCH') &&
        error.fields.length > 0
      ) {
        // Back to the form, which shows each message beside its field.
        applySession.set((prev) => ({ ...prev, serverErrors: error.fields }));
        void Taro.showToast({ title: '有信息需要修改，请返回表单查看', icon: 'none', duration: 2500 });
        void Taro.navigateBack();
      } else if (error instanceof ApiError && FINAL_REFUSALS.includes(error.code)) {
        // Acting for a member is no longer allowed: sending again would be refused the same way.
        setFailure(error.message);
      } else {
        setFailure(`${messageOf(error)}（可再次提交，不会重复生成办件）`);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <PageShell id="page-review" className="review-page">
      <View className="review-head">
        <Text className="review-head__name">{item.name}</Text>
        <Text className="review-head__note">
          请核对以下信息，提交后{item.promisedDays > 0 ? `承诺 ${item.promisedDays} 个工作日内办结` : '即时办理'}。
        </Text>
      </View>
      {member ? <ActingForBanner member={member} /> : null}
      {item.form.sections.map((section, index) => (
        <View className="sj-card review-section" key={`${index}-${section.title}`}>
          <Text className="review-section__title">{section.title}</Text>
          {section.fields.map((field) => (
            <View className="review-row" key={field.key} id={`review-${field.key}`}>
              <Text className="review-row__label">{field.label}</Text>
              <Text className="review-row__value">{locked[field.key] ?? displayValue(field, data[field.key])}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className="sj-card review-section" id="review-materials">
        <Text className="review-section__title">申请材料（{materials.length} 项）</Text>
        {materials.length === 0 ? <Text className="sj-hint">未提交材料</Text> : null}
        {materials.map((m) => (
          <View className="review-row" key={m.material.name}>
            <Text className="review-row__label">{m.material.name}</Text>
            <Text className="review-row__value">{m.display}</Text>
          </View>
        ))}
      </View>
      {delivery ? (
        <View className="sj-card review-section" id="review-delivery">
          <Text className="review-section__title">办理结果领取方式</Text>
          <Text className="review-row__value">{deliverySummary(delivery, pending.deliveryLabel)}</Text>
        </View>
      ) : null}
      <Text className="sj-hint review-fields-count">共 {formFields(item.form).length} 项信息</Text>

      <SubmitBar
        block="review-bar"
        error={{ id: 'review-error', message: failure }}
        back={{ id: 'review-edit', label: '返回修改', onBack: () => void Taro.navigateBack() }}
        submit={{
          id: 'review-submit',
          label: '确认提交',
          sending,
          failed: Boolean(failure),
          onSubmit: () => void submit(),
        }}
      />
    </PageShell>
  );
}
