import { View, Text } from '@tarojs/components';
import { useCareMode } from '@/hooks/useCareMode';

/** A grid tile that switches 关怀模式 on and off in place. */
export function CareModeEntry(): JSX.Element {
  const { enabled, setEnabled } = useCareMode();
  return (
    <View
      className={`home-entry ${enabled ? 'home-entry--on' : ''}`}
      id="entry-care-mode"
      role="switch"
      aria-checked={enabled}
      onClick={() => setEnabled(!enabled)}
      hoverClass="home-entry--pressed"
    >
      <Text className="home-entry__title">关怀模式</Text>
      <Text className="home-entry__note">{enabled ? '已开启 · 大字体' : '点击开启大字体'}</Text>
    </View>
  );
}
