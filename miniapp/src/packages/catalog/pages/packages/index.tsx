import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { PackageSummary } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { EmptyState } from '@/components/EmptyState';
import { CatalogStaleNotice } from '@/components/CatalogStaleNotice';
import { useAsync } from '@/hooks/useAsync';
import { listPackages } from '@/services/catalog';
import { promisedText, visitsText } from '@/utils/catalog-format';
import { goTo, packageUrl } from '@/utils/navigation';
import './index.scss';

function PackageCard({ pkg }: { pkg: PackageSummary }): JSX.Element {
  return (
    <View
      className="package-card"
      id={`package-${pkg.code}`}
      role="link"
      onClick={() => goTo(packageUrl(pkg.code))}
      hoverClass="package-card--pressed"
    >
      <View className="package-card__head">
        <Text className="package-card__name">{pkg.name}</Text>
        {pkg.lifeEvent ? <Text className="sj-badge sj-badge--primary">{pkg.lifeEvent.name}</Text> : null}
      </View>
      <Text className="package-card__description">{pkg.description}</Text>
      <Text className="package-card__meta">
        {pkg.memberCount} 个事项 · {pkg.departments.length} 个部门 · {promisedText(pkg.promisedDays)} ·{' '}
        {visitsText(pkg.visits)}
      </Text>
      <Text className="package-card__lead">牵头部门：{pkg.leadDepartment}</Text>
    </View>
  );
}

/** "一件事": several items of several departments, handled as one. */
export default function PackagesPage(): JSX.Element {
  const { state, reload } = useAsync(listPackages);
  return (
    <PageShell id="page-packages">
      <View className="packages-intro">
        <Text className="packages-intro__title">一件事一次办</Text>
        <Text className="packages-intro__text">
          把多个部门的多个事项合成一件事：一次告知、一表申请、一套材料，少跑腿。
        </Text>
      </View>
      <PageStates
        id="packages"
        state={state}
        onRetry={reload}
        skeleton={[0, 1, 2].map((n) => (
          <View className="sj-card" key={n}>
            <Skeleton rows={3} animated />
          </View>
        ))}
      >
        {(data) => (
          <View id="packages-list">
            <CatalogStaleNotice catalog={data.catalog} />
            {data.packages.length === 0 ? <EmptyState title="暂无“一件事”服务" /> : null}
            {data.packages.map((pkg) => (
              <PackageCard key={pkg.code} pkg={pkg} />
            ))}
          </View>
        )}
      </PageStates>
    </PageShell>
  );
}
