import { useCallback, useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { FamilyMember } from '@suijing/shared';
import { AccessibleSwitch } from '@/components/AccessibleSwitch';
import { ErrorState } from '@/components/ErrorState';
import { FieldError } from '@/components/FieldError';
import { useAsync } from '@/hooks/useAsync';
import { listFamily } from '@/services/family';
import { goTo, ROUTES } from '@/utils/navigation';

/** Members a visit may be booked for: those whose link is active. */
async function activeMembers(): Promise<FamilyMember[]> {
  return (await listFamily()).members.filter((member) => member.status === 'active');
}

function Members({
  chosen,
  onChoose,
  onLoaded,
}: {
  chosen: string | null;
  onChoose: (member: FamilyMember) => void;
  onLoaded: (members: FamilyMember[]) => void;
}): JSX.Element {
  const load = useCallback(() => activeMembers(), []);
  const { state, reload } = useAsync(load);
  const loaded = state.status === 'success' ? state.data : null;
  useEffect(() => {
    if (loaded) onLoaded(loaded);
  }, [loaded, onLoaded]);
  // The one member there is, chosen already (nothing else to choose from).
  const only = state.status === 'success' && state.data.length === 1 ? state.data[0] : undefined;
  useEffect(() => {
    if (only && !chosen) onChoose(only);
  }, [only, chosen, onChoose]);
  if (state.status === 'loading') return <Skeleton rows={2} animated />;
  if (state.status === 'error') return <ErrorState id="book-family-error" message={state.message} onRetry={reload} />;
  if (state.data.length === 0) {
    return (
      <View className="book-family__empty" id="book-family-empty">
        <Text className="sj-hint">还没有可代为预约的家人。</Text>
        <View className="book-family__add" role="link" id="book-family-add" onClick={() => goTo(ROUTES.family)}>
          去添加家人 ›
        </View>
      </View>
    );
  }
  return (
    <View className="book-family__list" role="radiogroup" aria-label="为哪位家人预约">
      {state.data.map((member) => {
        const on = member.memberId === chosen;
        return (
          <View
            key={member.memberId}
            className={`book-family__member ${on ? 'book-family__member--on' : ''}`}
            id={`book-family-${member.memberId}`}
            role="radio"
            aria-checked={on}
            onClick={() => onChoose(member)}
          >
            <Text aria-hidden>{on ? '●' : '○'}</Text>
            <Text>
              {member.nameMasked}（{member.relationText}，{member.age} 岁）
            </Text>
          </View>
        );
      })}
    </View>
  );
}

/**
 * 为家人预约: a member of 我的家人 instead of myself. The BFF books it in their
 * name with me as the agent, and gives the 60+ green channel by their age.
 */
export function FamilyChoice({
  on,
  chosen,
  error,
  onToggle,
  onChoose,
}: {
  on: boolean;
  chosen: string | null;
  error?: string | undefined;
  onToggle: (on: boolean) => void;
  onChoose: (member: FamilyMember) => void;
}): JSX.Element {
  const [members, setMembers] = useState<FamilyMember[]>([]);
  const chosenMember = members.find((member) => member.memberId === chosen);
  return (
    <>
      <View className="book-switch">
        <View className="book-switch__text">
          <Text className="book-switch__label">为家人预约</Text>
          <Text className="book-switch__note">
            {on && chosenMember && chosenMember.age >= 60
              ? '该家人已满 60 周岁，到厅可走绿色通道'
              : '为「我的家人」中已授权的家人预约，无需再填写其身份信息'}
          </Text>
        </View>
        <AccessibleSwitch id="book-for-family" checked={on} onChange={onToggle} label="为家人预约" />
      </View>
      {on ? (
        <View className="book-family" id="book-family">
          <Members chosen={chosen} onChoose={onChoose} onLoaded={setMembers} />
          <FieldError id="book-family-choice-error" message={error} />
        </View>
      ) : null}
    </>
  );
}
