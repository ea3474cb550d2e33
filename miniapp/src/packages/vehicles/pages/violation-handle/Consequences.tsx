import { View, Text } from '@tarojs/components';
import type { HandlingPreview } from '@suijing/shared';
import { fenText } from '@/utils/money';
import { InfoRow } from '../../components/InfoRow';

type Allowed = Extract<HandlingPreview, { allowed: true }>['consequences'];

/** 处理须知: what confirming does to the licence and what is then due, before anything happens. */
export function Consequences({ consequences }: { consequences: Allowed }): JSX.Element {
  const status = consequences.licenceStatusAfter.map((s) => s.text).join('、') || '正常';
  return (
    <>
      <View className="sj-card handle-points" id="handle-consequences">
        <Text className="handle-section__title">处理后</Text>
        <View className="handle-points__row">
          <View className="handle-points__cell">
            <Text className="handle-points__value" id="handle-points">
              {consequences.points}
            </Text>
            <Text className="handle-points__label">本次记分</Text>
          </View>
          <View className="handle-points__cell">
            <Text className="handle-points__value" id="handle-points-after">
              {consequences.pointsNow} → {consequences.pointsAfter}
            </Text>
            <Text className="handle-points__label">累积记分（满分{consequences.pointsMax}）</Text>
          </View>
        </View>
        <InfoRow id="handle-fine" label="罚款金额" value={fenText(consequences.fineFen)} />
        <InfoRow id="handle-status-after" label="驾驶证状态" value={status} />
        <InfoRow label="缴款期限" value={`决定书生成之日起 ${consequences.payWithinDays} 日内`} />
      </View>
      <View className="sj-card handle-notes" id="handle-notes">
        <Text className="handle-section__title">处理须知</Text>
        {consequences.notes.map((note, index) => (
          <Text className="handle-notes__item" key={note}>
            {index + 1}. {note}
          </Text>
        ))}
      </View>
    </>
  );
}
