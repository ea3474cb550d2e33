import { View, Text } from '@tarojs/components';
import type { Business } from '@suijing/shared';

/** Step 1: what to do at the hall; one tap chooses and moves on. */
export function BusinessStep({
  businesses,
  chosen,
  onChoose,
}: {
  businesses: Business[];
  chosen: string | null;
  onChoose: (business: Business) => void;
}): JSX.Element {
  return (
    <View className="sj-card" id="book-businesses">
      <Text className="book-title">您要办理什么业务？</Text>
      <View role="radiogroup" aria-label="业务类型">
        {businesses.map((b) => {
          const on = b.code === chosen;
          return (
            <View
              key={b.code}
              id={`book-business-${b.code}`}
              className={`book-option ${on ? 'book-option--on' : ''}`}
              role="radio"
              aria-checked={on}
              onClick={() => onChoose(b)}
              hoverClass="book-option--pressed"
            >
              <Text className="book-option__name">{b.name}</Text>
              <Text className="book-option__note">{b.policeType}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
