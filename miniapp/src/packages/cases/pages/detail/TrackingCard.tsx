import { View, Text } from '@tarojs/components';
import type { CaseTracking } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';

/** Where the result sent by post is: the EMS number to quote, and its last step (every step is in 办理进度). */
export function TrackingCard({ tracking }: { tracking: CaseTracking }): JSX.Element {
  const last = tracking.events.at(-1);
  const state = !tracking.available ? '暂时查不到' : tracking.delivered ? '已签收' : last ? '运输中' : '待揽收';
  return (
    <View className="sj-card case-parcel" id="case-parcel" data-delivered={tracking.delivered}>
      <Text className="case-section__title">邮件跟踪</Text>
      <View className="case-row">
        <Text className="case-row__label">EMS 单号</Text>
        <Text className="case-row__value" id="case-parcel-no" userSelect>
          {tracking.trackingNo}
        </Text>
      </View>
      <View className="case-row">
        <Text className="case-row__label">状态</Text>
        <Text className="case-row__value" id="case-parcel-state">
          {state}
        </Text>
      </View>
      {tracking.available && last ? (
        <Text className="case-parcel__last" id="case-parcel-last">
          {formatDateTime(last.time)} {last.place} {last.text}
        </Text>
      ) : null}
      {tracking.available ? null : (
        <Text className="sj-hint case-parcel__note" id="case-parcel-unavailable">
          EMS 查询暂时不可用，请稍后重新打开本页，或拨打 11183 凭单号查询。
        </Text>
      )}
    </View>
  );
}
