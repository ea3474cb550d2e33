import { View } from '@tarojs/components';
import { ROUTES } from '@/utils/navigation';
import { LinkCell } from './LinkCell';

const ENTRIES = [
  { id: 'me-binding', url: ROUTES.binding, title: '实名与绑定', note: '实名身份、绑定记录，解除绑定' },
  { id: 'me-data-usage', url: ROUTES.dataUsage, title: '个人信息使用记录', note: '何时、在哪台设备查询了您的个人信息' },
  { id: 'me-export', url: ROUTES.dataExport, title: '下载个人信息副本', note: '穗警通保存的与您有关的信息' },
  { id: 'me-deletion', url: ROUTES.deletion, title: '注销账号', note: '申请后 7 天冷静期内可撤销' },
] as const;

/** The person's identity and their rights over their data (logged-in users only). */
export function PrivacyCells(): JSX.Element {
  return (
    <View className="me-cells" id="me-privacy">
      {ENTRIES.map((entry) => (
        <LinkCell key={entry.id} {...entry} />
      ))}
    </View>
  );
}
