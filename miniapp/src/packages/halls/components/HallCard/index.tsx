import { View, Text } from '@tarojs/components';
import type { HallSummary } from '@suijing/shared';
import { distanceText, openText, waitText } from '../../utils/format';
import './index.scss';

interface HallCardProps {
  hall: HallSummary;
  onTap: () => void;
  /** Prefix of the ids; `hall-<id>` by default. */
  id?: string;
  /** A line above the facts (the recommendation's figures). */
  extra?: string;
}

/** A hall in a list: name, 区, address, distance, 营业中 and the expected wait, or closed and when it opens. */
export function HallCard({ hall, onTap, id = `hall-${hall.id}`, extra }: HallCardProps): JSX.Element {
  const open = openText(hall);
  const distance = distanceText(hall.distanceKm);
  const wait = waitText(hall.estimatedWaitMinutes);
  return (
    <View className="hall-card" id={id} role="link" onClick={onTap} hoverClass="hall-card--pressed">
      <View className="hall-card__head">
        <Text className="hall-card__name">{hall.name}</Text>
        <Text className={`sj-badge ${open.tone}`} id={`${id}-open`}>
          {open.text}
        </Text>
      </View>
      <Text className="hall-card__line">
        {hall.district} · {hall.address}
      </Text>
      {extra ? <Text className="hall-card__extra">{extra}</Text> : null}
      <View className="hall-card__facts">
        {distance ? (
          <Text className="sj-badge sj-badge--muted" id={`${id}-distance`}>
            距您 {distance}
          </Text>
        ) : null}
        {open.open ? (
          <Text className={`sj-badge ${wait ? 'sj-badge--primary' : 'sj-badge--muted'}`} id={`${id}-wait`}>
            {wait ?? '排队信息暂不可用'}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
