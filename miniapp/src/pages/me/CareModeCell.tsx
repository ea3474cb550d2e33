import { View, Text } from '@tarojs/components';
import { useCareMode } from '@/hooks/useCareMode';

/**
 * 关怀模式 switch; available logged in or not. The whole row is the switch (like 首页's
 * tile), drawn here rather than with NutUI's Switch: that one brings NutUI's config provider
 * into the weapp main package (budget 400 KB) for this one control.
 */
export function CareModeCell(): JSX.Element {
  const { enabled, setEnabled } = useCareMode();
  return (
    <View
      className="me-cell"
      id="care-mode-cell"
      role="switch"
      aria-checked={enabled}
      aria-label="关怀模式"
      onClick={() => setEnabled(!enabled)}
    >
      <View className="me-cell__text">
        <Text className="me-cell__title">关怀模式</Text>
        <Text className="me-cell__note">更大的文字和按钮，方便长辈使用</Text>
      </View>
      <View className={`me-switch ${enabled ? 'me-switch--on' : ''}`} id="care-switch">
        <View className="me-switch__knob" />
      </View>
    </View>
  );
}
