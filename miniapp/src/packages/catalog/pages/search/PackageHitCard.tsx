import { View, Text } from '@tarojs/components';
import type { PackageSummary } from '@suijing/shared';
import { promisedText, visitsText } from '@/utils/catalog-format';
import { KIND_LABEL } from './search-format';

interface PackageHitCardProps {
  pkg: PackageSummary;
  onOpen: (pkg: PackageSummary) => void;
}

/** A 一件事 package found by the search: several departments' items handled as one. */
export function PackageHitCard({ pkg, onOpen }: PackageHitCardProps): JSX.Element {
  return (
    <View className="search-hit search-hit--package">
      <View
        className="search-hit__main"
        id={`search-package-${pkg.code}`}
        role="link"
        onClick={() => onOpen(pkg)}
        hoverClass="search-hit__main--pressed"
      >
        <View className="search-hit__head">
          <Text className="search-kind search-kind--package">{KIND_LABEL.package}</Text>
          <Text className="search-hit__family">
            {pkg.memberCount} 个事项 · {pkg.departments.length} 个部门
          </Text>
        </View>
        <Text className="search-hit__name">{pkg.name}</Text>
        <Text className="search-hit__description">{pkg.description}</Text>
        <Text className="search-hit__department">
          {promisedText(pkg.promisedDays)} · {visitsText(pkg.visits)} · 牵头：{pkg.leadDepartment}
        </Text>
      </View>
    </View>
  );
}
