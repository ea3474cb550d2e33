import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { FamilyMember } from '@suijing/shared';
import { memberLine, STATUS_SHORT, statusTone } from '../../utils/family-text';
import './index.scss';

interface MemberRowProps {
  member: FamilyMember;
  id: string;
  /** Opens the member (or chooses them); absent: the row is not tappable. */
  onTap?: () => void;
  /** A line under the member (why they cannot be chosen, the invitation). */
  note?: string;
  children?: ReactNode;
}

/** One family member: initial, masked name, relation · age, the link's status. */
export function MemberRow({ member, id, onTap, note, children }: MemberRowProps): JSX.Element {
  return (
    <View
      className={`family-member ${onTap ? 'family-member--link' : ''}`}
      id={id}
      onClick={onTap}
      hoverClass={onTap ? 'family-member--pressed' : 'none'}
      {...(onTap ? { role: 'button' } : {})}
    >
      <View className={`family-member__avatar family-member__avatar--${member.kind}`} aria-hidden>
        {member.nameMasked.slice(0, 1)}
      </View>
      <View className="family-member__text">
        <View className="family-member__head">
          <Text className="family-member__name">{member.nameMasked}</Text>
          <Text className={`sj-badge sj-badge--${statusTone(member.status)}`} id={`${id}-status`}>
            {STATUS_SHORT[member.status]}
          </Text>
        </View>
        <Text className="family-member__line">{memberLine(member)}</Text>
        {note ? <Text className="family-member__note">{note}</Text> : null}
        {children}
      </View>
      {onTap ? (
        <Text className="family-member__arrow" aria-hidden>
          ›
        </Text>
      ) : null}
    </View>
  );
}
