import { View, Text } from '@tarojs/components';
import type { ItemGuide } from '@suijing/shared';
import { GuideBullets, GuideRow, GuideSection } from '../../components/GuideSection';

/** 办理须知: who may apply, how many, third-party services and procedures outside the promised days. */
export function NoticeSection({ item }: { item: ItemGuide }): JSX.Element {
  return (
    <GuideSection title="办理须知" id="item-notice">
      <GuideRow label="服务对象">
        <Text id="item-service-objects">
          {item.serviceObjects.length > 0 ? item.serviceObjects.join('、') : '以窗口公示为准'}
        </Text>
      </GuideRow>
      <GuideRow label="数量限制">
        <Text id="item-quantity-limit">{item.quantityLimit ?? '无数量限制'}</Text>
      </GuideRow>
      <GuideRow label="中介服务">
        <Text id="item-intermediary">{item.intermediaryService ?? '无'}</Text>
      </GuideRow>
      <GuideRow label="特别程序">
        {item.specialProcedures.length === 0 ? <Text>无</Text> : null}
        {item.specialProcedures.map((step, index) => (
          <View className="guide-special" key={`${index}-${step.name}`} id={`item-special-${index + 1}`}>
            <Text className="guide-special__name">
              {step.name}
              {step.days !== undefined ? `（${step.days} 个工作日）` : ''}
            </Text>
            <Text className="guide-text">{step.description}</Text>
          </View>
        ))}
        {item.specialProcedures.length > 0 ? <Text className="sj-hint">特别程序的时间不计入承诺时限</Text> : null}
      </GuideRow>
    </GuideSection>
  );
}

export function RefusalSection({ item }: { item: ItemGuide }): JSX.Element {
  return (
    <GuideSection title="不予受理情形" id="item-refusals">
      <GuideBullets lines={item.refusalCases} empty="以窗口公示为准" />
    </GuideSection>
  );
}

/** 常见问题, only when the catalog publishes some for the item: no generic filler. */
export function FaqSection({ item }: { item: ItemGuide }): JSX.Element | null {
  if (item.faqs.length === 0) return null;
  return (
    <GuideSection title="常见问题" id="item-faqs" extra={`${item.faqs.length} 条`}>
      {item.faqs.map((faq, index) => (
        <View className="guide-faq" key={`${index}-${faq.question}`} id={`item-faq-${index + 1}`}>
          <Text className="guide-faq__question">问：{faq.question}</Text>
          <Text className="guide-faq__answer">答：{faq.answer}</Text>
        </View>
      ))}
    </GuideSection>
  );
}
