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

/** 在线办理: the item's form, drafted on the server as it is typed, with its materials. */
export default function FormPage(): JSX.Element {
  const code = routeParam(useRouter().params, 'code');
  return (
    <ApplyPage
      id="form"
      load={loadFormPage}
      code={code}
      here={formUrl(code)}
      unverifiedNote="实名认证只需一次，之后办理所有事项都无需重复。"
      notFound={{
        codes: ['ITEM_NOT_FOUND', 'VALIDATION_FAILED'],
        title: '未找到该事项',
        note: '它可能已调整或下线，请返回重新搜索。',
      }}
      skeleton={<FormSkeleton />}
    >
      {(data) => <ApplyForm data={data} />}
    </ApplyPage>
  );
}
