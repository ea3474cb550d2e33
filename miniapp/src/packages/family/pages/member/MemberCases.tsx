import { useCallback } from 'react';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { ErrorState } from '@/components/ErrorState';
import { useAsync } from '@/hooks/useAsync';
import { listMemberCases } from '@/services/family';
import { STATUS_TONE } from '@/utils/case-format';
import { dayText } from '../../utils/family-text';
import { caseUrl, goTo } from '@/utils/navigation';

/** TA 的办件: cases for the member, filed by me, by them or by another family member, each saying who acted. */
export function MemberCases({ memberId }: { memberId: string }): JSX.Element {
  const load = useCallback(() => listMemberCases(memberId), [memberId]);
  const { state, reload } = useAsync(load);
  return (
    <View className="sj-card" id="member-cases">
      <Text className="member-section__title">TA 的办件</Text>
      {state.status === 'loading' ? <Skeleton rows={3} animated /> : null}
      {state.status === 'error' ? (
        <ErrorState id="member-cases-error" message={state.message} onRetry={reload} />
      ) : null}
      {state.status === 'success' && state.data.items.length === 0 ? (
        <Text className="sj-hint" id="member-cases-empty">
          暂无办件
        </Text>
      ) : null}
      {state.status === 'success'
        ? state.data.items.map((item) => (
            <View
              className="member-case"
              key={item.caseNo}
              id={`member-case-${item.caseNo}`}
              role="link"
              hoverClass="member-link--pressed"
              onClick={() => goTo(caseUrl(item.caseNo))}
            >
              <View className="member-case__head">
                <Text className="member-case__name">{item.itemName}</Text>
                <Text className={`sj-badge ${STATUS_TONE[item.status]}`}>{item.statusText}</Text>
              </View>
              <Text className="member-case__line">
                {dayText(item.submittedAt)} 提交 · 代办人：{item.actor?.nameMasked ?? 'TA 本人'}
              </Text>
            </View>
          ))
        : null}
    </View>
  );
}
