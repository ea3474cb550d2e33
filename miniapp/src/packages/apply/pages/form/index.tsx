import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { formUrl, routeParam } from '@/utils/navigation';
import { ApplyPage } from '../../components/ApplyPage';
import { ApplyForm } from './ApplyForm';
import { loadFormPage } from './load';
import './index.scss';

function FormSkeleton(): JSX.Element {
  return (
    <View aria-busy="true">
      {[0, 1, 2].map((n) => (
        <View className="sj-card" key={n}>
          <Skeleton rows={4} animated />
        </View>
      ))}
    </View>
  );
}

/**
 * 在线办理: the item's form, drafted on the server as it is typed, with its
 * materials; `?memberId=` files it for a family member (their identity, me acting).
 */
export default function FormPage(): JSX.Element {
  const params = useRouter().params;
  const code = routeParam(params, 'code');
  const memberId = routeParam(params, 'memberId');
  const load = useCallback((itemCode: string) => loadFormPage(itemCode, memberId), [memberId]);
  return (
    <ApplyPage
      id="form"
      load={load}
      code={code}
      here={formUrl(code, memberId || undefined)}
      unverifiedNote="实名认证只需一次，之后办理所有事项都无需重复。"
      notFound={{
        codes: ['ITEM_NOT_FOUND', 'VALIDATION_FAILED', 'FAMILY_MEMBER_NOT_FOUND'],
        title: memberId ? '未找到该事项或家人' : '未找到该事项',
        note: memberId ? '事项可能已调整，或该家人已被移除，请返回重新选择。' : '它可能已调整或下线，请返回重新搜索。',
      }}
      skeleton={<FormSkeleton />}
    >
      {(data) => <ApplyForm data={data} />}
    </ApplyPage>
  );
}
