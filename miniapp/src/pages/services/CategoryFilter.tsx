import { View, Text, ScrollView } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { CategoriesResponse, CategoryWithCount } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import type { AsyncState } from '@/hooks/useAsync';

interface ChipRowProps {
  label: string;
  /** Prefix of the chip ids: `<id>-all`, `<id>-<code>`. */
  id: string;
  allText: string;
  options: CategoryWithCount[];
  selected: string | null;
  onSelect: (code: string | null) => void;
}

/** One horizontally scrolling row of choices; the chosen one is scrolled into view. */
function ChipRow({ label, id, allText, options, selected, onSelect }: ChipRowProps): JSX.Element {
  const chip = (code: string | null, text: string): JSX.Element => {
    const active = code === selected;
    return (
      <View
        key={code ?? 'all'}
        id={`${id}-${code ?? 'all'}`}
        className={`services-chip ${active ? 'services-chip--active' : ''}`}
        role="tab"
        aria-selected={active}
        onClick={() => onSelect(code)}
      >
        <Text className="services-chip__text">{text}</Text>
      </View>
    );
  };
  return (
    <View className="services-filter__row">
      {/* The row scrolls sideways: the tab list is the scroller itself, focusable so a keyboard can scroll it. */}
      <ScrollView
        className="services-filter__scroll"
        scrollX
        scrollWithAnimation
        scrollIntoView={`${id}-${selected ?? 'all'}`}
        {...{ role: 'tablist', 'aria-label': label, tabIndex: 0 }}
      >
        {chip(null, allText)}
        {options.map((option) => chip(option.code, `${option.name} ${option.count}`))}
      </ScrollView>
    </View>
  );
}

interface CategoryFilterProps {
  state: AsyncState<CategoriesResponse>;
  onRetry: () => void;
  policeType: string | null;
  lifeEvent: string | null;
  onPoliceType: (code: string | null) => void;
  onLifeEvent: (code: string | null) => void;
}

/** 警种 tabs (with item counts) and an optional 人生事件 filter above the item list. */
export function CategoryFilter(props: CategoryFilterProps): JSX.Element {
  const { state, onRetry, policeType, lifeEvent, onPoliceType, onLifeEvent } = props;
  if (state.status === 'loading') {
    return (
      <View className="services-filter" id="services-filter-loading" aria-busy="true">
        <Skeleton rows={2} animated />
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className="services-filter">
        <ErrorState id="services-categories-error" message={state.message} onRetry={onRetry} />
      </View>
    );
  }
  const { policeTypes, lifeEvents, total } = state.data;
  return (
    <View className="services-filter" id="services-filter">
      <ChipRow
        label="按警种"
        id="services-type"
        allText={`全部 ${total}`}
        options={policeTypes}
        selected={policeType}
        onSelect={onPoliceType}
      />
      {lifeEvents.length > 0 ? (
        <ChipRow
          label="按人生事件"
          id="services-event"
          allText="全部场景"
          options={lifeEvents}
          selected={lifeEvent}
          onSelect={onLifeEvent}
        />
      ) : null}
    </View>
  );
}
