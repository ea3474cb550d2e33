import { useCallback } from 'react';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { FamilyMember } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import { useAsync } from '@/hooks/useAsync';
import { formUrl, goTo, ROUTES } from '@/utils/navigation';
import { actingItems } from './acting-items';

/** 为 TA 办事: the common items whose guide allows 代办 for this member, each straight to its form for them. */
export function ActFor({ member }: { member: FamilyMember }): JSX.Element {
  const load = useCallback(() => actingItems(member), [member]);
  const { state, reload } = useAsync(load);
  return (
    <View className="sj-card" id="member-act">
      <Text className="member-section__title">为 TA 办事</Text>
      {state.status === 'loading' ? <Skeleton rows={3} animated /> : null}
      {state.status === 'error' ? <ErrorState id="member-act-error" message={state.message} onRetry={reload} /> : null}
      {state.status === 'success'
        ? state.data.map((item) => (
            <View
              className="member-link"
              key={item.code}
              id={`member-act-${item.code}`}
              role="link"
              hoverClass="member-link--pressed"
              onClick={() => goTo(formUrl(item.code, member.memberId))}
            >
              <Text className="member-link__name">{item.name}</Text>
              <Text className="member-link__arrow" aria-hidden>
                ›
              </Text>
            </View>
          ))
        : null}
      <Text className="sj-hint member-act__note">
        其他事项：在办事指南中点「为家人办理」，允许代办的事项即可为 TA 填写申请。
      </Text>
      <View className="member-link" id="member-act-search" role="link" onClick={() => goTo(ROUTES.search)}>
        <Text className="member-link__name member-link__name--primary">搜索事项</Text>
        <Text className="member-link__arrow" aria-hidden>
          ›
        </Text>
      </View>
    </View>
  );
}
