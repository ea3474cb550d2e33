import { View, Text } from '@tarojs/components';

const DELETED = [
  '所有设备的登录状态（立即退出登录）',
  '实名绑定（身份可以再绑定到其他账号）',
  '未提交的草稿、收藏的事项、上传的材料',
  '消息中心的通知和关联的微信',
];

const KEPT = [
  '已提交的办件及审批记录：依法作为档案保存，与账号分开，仍可凭办件编号查询进度',
  '个人信息使用记录：满 180 天后自动删除',
];

/** What closing the account deletes and what the law keeps, before anyone decides. */
export function Explanation({ days }: { days: number }): JSX.Element {
  return (
    <View className="deletion-explain" id="deletion-explain">
      <Text className="deletion-explain__title">注销后将删除</Text>
      {DELETED.map((line) => (
        <Text className="deletion-explain__item" key={line}>
          · {line}
        </Text>
      ))}
      <Text className="deletion-explain__title">依法保留</Text>
      {KEPT.map((line) => (
        <Text className="deletion-explain__item" key={line}>
          · {line}
        </Text>
      ))}
      <Text className="deletion-explain__title">{days} 天冷静期</Text>
      <Text className="deletion-explain__item">
        提交申请后 {days} 天内可随时撤销，账号照常使用；期满后自动注销，无法恢复。申请需由本人刷脸确认。
      </Text>
    </View>
  );
}
