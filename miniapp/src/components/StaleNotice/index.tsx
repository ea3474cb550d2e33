import { View, Text } from '@tarojs/components';
import './index.scss';

/**
 * The discreet notice over an answer the BFF served from its last good copy
 * because a back-end system is down: the information is still useful, but
 * the citizen should know how old it is. Renders nothing for a current answer
 * (`text` null); each feature words its own text.
 */
export function StaleNotice({ text, id }: { text: string | null; id: string }): JSX.Element | null {
  if (!text) return null;
  return (
    <View className="stale-notice" id={id} role="status">
      <Text className="stale-notice__text">{text}</Text>
    </View>
  );
}
