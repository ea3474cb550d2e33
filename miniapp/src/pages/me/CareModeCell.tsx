import { View, Text } from '@tarojs/components';
import { AccessibleSwitch } from '@/components/AccessibleSwitch';
import { useCareMode } from '@/hooks/useCareMode';

/** 关怀模式 switch; available logged in or not. */
export function CareModeCell(): JSX.Element {
  const { enabled, setEnabled } = useCareMode();
  return (
    <View className="me-cell" id="care-mode-cell">
      <View className="me-cell__text">
        <Text className="me-cell__title">关怀模式</Text>
        <Text className="me-cell__note">更大的文字和按钮，方便长辈使用</Text>
      </View>
      <AccessibleSwitch id="care-switch" checked={enabled} onChange={setEnabled} label="关怀模式" />
    </View>
  );
}
