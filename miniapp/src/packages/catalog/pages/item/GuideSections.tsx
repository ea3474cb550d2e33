import { View, Text } from '@tarojs/components';
import type { ItemGuide } from '@suijing/shared';
import { GuideBullets, GuideRow, GuideSection } from '../../components/GuideSection';
import { formatDateTime } from '@/utils/format';
import { callPhone } from '@/utils/phone';

function Phone({ number, id }: { number: string; id: string }): JSX.Element {
  return (
    <Text className="guide-phone" id={id} onClick={() => callPhone(number)}>
      {number}
    </Text>
  );
}

/** A step of 0 days is done while the citizen waits: "0 个工作日" would read as a gap in the data. */
function stepDaysText(days: number | undefined): string {
  if (days === undefined) return '';
  return days <= 0 ? '当场完成' : `${days} 个工作日`;
}

export function ConditionsSection({ item }: { item: ItemGuide }): JSX.Element {
  return (
    <GuideSection title="受理条件" id="item-conditions">
      <GuideBullets lines={item.conditions} empty="符合法定条件的申请人均可申请" />
    </GuideSection>
  );
}

/** 办理流程 as numbered steps, with who does each and how long it takes. */
export function StepsSection({ item }: { item: ItemGuide }): JSX.Element {
  return (
    <GuideSection title="办理流程" id="item-steps" extra={`${item.steps.length} 步`}>
      <View className="guide-steps">
        {item.steps.map((step, index) => (
          <View className="guide-steps__step" key={`${index}-${step.name}`}>
            <View className="guide-steps__rail" aria-hidden>
              <Text className="guide-steps__number">{index + 1}</Text>
              {index < item.steps.length - 1 ? <View className="guide-steps__line" /> : null}
            </View>
            <View className="guide-steps__body">
              <Text className="guide-steps__name">{step.name}</Text>
              <Text className="guide-text">{step.description}</Text>
              {step.actor || step.days !== undefined ? (
                <Text className="guide-steps__meta">
                  {[step.actor, stepDaysText(step.days)].filter(Boolean).join(' · ')}
                </Text>
              ) : null}
            </View>
          </View>
        ))}
      </View>
    </GuideSection>
  );
}

export function TimeAndFeeSection({ item }: { item: ItemGuide }): JSX.Element {
  return (
    <GuideSection title="办理时限与收费" id="item-time">
      <GuideRow label="承诺时限">
        <Text>{item.promisedDays <= 0 ? '即办（当场办结）' : `${item.promisedDays} 个工作日`}</Text>
      </GuideRow>
      <GuideRow label="法定时限">
        <Text>{item.statutoryDays <= 0 ? '即办' : `${item.statutoryDays} 个工作日`}</Text>
      </GuideRow>
      <GuideRow label="到现场">
        <Text>{item.visits <= 0 ? '无需到现场' : `${item.visits} 次`}</Text>
      </GuideRow>
      <View id="item-fee">
        <GuideRow label="收费标准">
          <Text>{item.fee.charged ? (item.fee.standard ?? '收费，标准以窗口公示为准') : '不收费'}</Text>
        </GuideRow>
        {item.fee.charged && item.fee.basis ? (
          <GuideRow label="收费依据">
            <Text>{item.fee.basis}</Text>
          </GuideRow>
        ) : null}
        {item.fee.charged ? (
          <GuideRow label="缴费方式">
            <Text>{item.payOnline ? '支持网上缴费' : '到窗口缴费'}</Text>
          </GuideRow>
        ) : null}
      </View>
    </GuideSection>
  );
}

export function HallsSection({ item }: { item: ItemGuide }): JSX.Element {
  const services = [item.appointment ? '可预约到厅办理' : '', item.delivery ? '结果可邮寄送达' : ''].filter(Boolean);
  return (
    <GuideSection title="办理地点" id="item-halls" extra={item.halls.length > 0 ? `${item.halls.length} 处` : ''}>
      {services.length > 0 ? <Text className="sj-hint guide-halls__services">{services.join(' · ')}</Text> : null}
      {item.halls.length === 0 ? <Text className="guide-text">可在全市各公安服务大厅办理</Text> : null}
      {item.halls.map((hall, index) => (
        <View className="guide-hall" key={`${index}-${hall.name}`}>
          <Text className="guide-hall__name">{hall.name}</Text>
          <Text className="guide-hall__line">地址：{hall.address}</Text>
          <Text className="guide-hall__line">时间：{hall.hours}</Text>
        </View>
      ))}
    </GuideSection>
  );
}

export function BasisSection({ item }: { item: ItemGuide }): JSX.Element {
  return (
    <GuideSection title="设定依据" id="item-basis">
      {item.legalBasis.length === 0 ? <Text className="guide-text">以窗口公示为准</Text> : null}
      {item.legalBasis.map((basis, index) => (
        <View className="guide-basis" key={`${index}-${basis.law}`}>
          <Text className="guide-basis__law">
            《{basis.law.replace(/^《|》$/g, '')}》{basis.article ?? ''}
          </Text>
          {basis.text ? <Text className="guide-basis__text">{basis.text}</Text> : null}
        </View>
      ))}
    </GuideSection>
  );
}

export function ResultAndContactSection({ item }: { item: ItemGuide }): JSX.Element {
  return (
    <GuideSection title="审批结果与咨询" id="item-contact">
      <GuideRow label="审批结果">
        <Text id="item-result">
          {item.result.name}（{item.result.type}）
        </Text>
      </GuideRow>
      <GuideRow label="结果样本">
        <Text id="item-result-sample">
          {item.result.sample.available ? (item.result.sample.description ?? '有样本，可到窗口查看') : '暂无样本'}
        </Text>
      </GuideRow>
      <GuideRow label="咨询电话">
        <Phone number={item.hotline} id="item-hotline" />
      </GuideRow>
      <GuideRow label="投诉电话">
        <Phone number={item.complaintLine} id="item-complaint-line" />
      </GuideRow>
      <GuideRow label="主管部门">
        <Text>{item.competentDepartment}</Text>
      </GuideRow>
      <GuideRow label="行使层级">
        <Text>{item.level}</Text>
      </GuideRow>
      <Text className="sj-hint guide-updated">
        事项编码 {item.code} · 指南更新于 {formatDateTime(item.updatedAt)}
      </Text>
    </GuideSection>
  );
}
