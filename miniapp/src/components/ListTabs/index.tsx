import { View, Text } from '@tarojs/components';

export interface ListTabsProps<K extends string> {
  /** The page's BEM block: it styles `<block>__tab` and `<block>__tab--active` (see the `sj-tabs` mixin). */
  block: string;
  /** Each tab's element id is `<idPrefix>-<key>`. */
  idPrefix: string;
  /** What the tabs choose, read out by screen readers (办件状态). */
  label: string;
  tabs: ReadonlyArray<{ key: K; title: string }>;
  active: K;
  onChange: (key: K) => void;
}

/** Tabs over a list, one of them active. */
export function ListTabs<K extends string>(props: ListTabsProps<K>): JSX.Element {
  const { block, idPrefix, label, tabs, active, onChange } = props;
  return (
    <View className={block} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <View
          key={tab.key}
          id={`${idPrefix}-${tab.key}`}
          className={`${block}__tab ${tab.key === active ? `${block}__tab--active` : ''}`}
          role="tab"
          aria-selected={tab.key === active}
          onClick={() => onChange(tab.key)}
        >
          <Text>{tab.title}</Text>
        </View>
      ))}
    </View>
  );
}
