import { View, Text } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { POLICE_TYPES } from './police-types';
import './index.scss';

/** 办事: a static guide to which police type handles what. */
export default function ServicesPage(): JSX.Element {
  return (
    <PageShell id="page-services">
      <View className="sj-card">
        <Text className="services-intro__title">业务范围指南</Text>
        <Text className="services-intro__text">不知道该找哪个部门？以下是各警种负责的业务范围，供您参考。</Text>
      </View>
      <View className="services-list">
        {POLICE_TYPES.map((type) => (
          <View className="services-item" id={`police-type-${type.id}`} key={type.id}>
            <Text className="services-item__name">{type.name}</Text>
            <Text className="services-item__covers">{type.covers}</Text>
          </View>
        ))}
      </View>
      <Text className="services-footnote sj-hint">具体事项的在线办理将随事项目录开放。</Text>
    </PageShell>
  );
}
