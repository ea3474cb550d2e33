import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ResidenceOverview } from '@suijing/shared';
import { formUrl, goTo } from '@/utils/navigation';

type Option = ResidenceOverview['actions'][number];

function ActionRow({ option }: { option: Option }): JSX.Element {
  const id = `residence-action-${option.action}`;
  return (
    <View className="residence-action" id={id} data-allowed={option.allowed}>
      <View className="residence-action__text">
        <Text className="residence-action__name">{option.itemName}</Text>
        {option.allowed ? (
          <Text className="residence-action__note">符合办理条件，可在线申请</Text>
        ) : (
          <Text className="residence-action__note residence-action__note--reason" id={`${id}-reason`}>
            {option.reason ?? '暂不符合办理条件'}
          </Text>
        )}
      </View>
      {option.allowed ? (
        <Button type="primary" size="small" id={`${id}-go`} onClick={() => goTo(formUrl(option.itemCode))}>
          去办理
        </Button>
      ) : null}
    </View>
  );
}

/** 居住登记, 申领, 签注, 补领, 换领: each with the way to its form, or the rule's reason why not now. */
export function ActionList({ actions }: { actions: Option[] }): JSX.Element | null {
  if (actions.length === 0) return null;
  return (
    <View className="sj-card" id="residence-actions">
      <Text className="residence-section__title">在线办理</Text>
      {actions.map((option) => (
        <ActionRow key={option.action} option={option} />
      ))}
    </View>
  );
}
