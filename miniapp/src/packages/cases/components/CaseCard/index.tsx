import { View, Text } from '@tarojs/components';
import type { ApplicationSummary } from '@suijing/shared';
import { formatDay, STATUS_TONE } from '@/utils/case-format';
import { formatDateTime } from '@/utils/format';
import './index.scss';

/** A case in a list: item, status, number, dates. */
export function CaseCard({ item, onTap }: { item: ApplicationSummary; onTap: () => void }): JSX.Element {
  return (
    <View className="case-card" id={`case-${item.caseNo}`} role="link" onClick={onTap} hoverClass="case-card--pressed">
      <View className="case-card__head">
        <Text className="case-card__name">{item.itemName}</Text>
        <Text className={`sj-badge ${STATUS_TONE[item.status]} case-card__status`}>{item.statusText}</Text>
      </View>
      {item.subject ? (
        <Text className="case-card__line" id={`case-${item.caseNo}-subject`}>
          当事人：{item.subject.nameMasked}（{item.subject.relationText}）
          {item.actor ? ` · 代办人：${item.actor.nameMasked}` : ''}
        </Text>
      ) : null}
      <Text className="case-card__line">办件编号：{item.caseNo}</Text>
      <Text className="case-card__line">提交时间：{formatDateTime(item.submittedAt)}</Text>
      <Text className="case-card__line">承诺办结：{formatDay(item.promisedDate)}</Text>
    </View>
  );
}
