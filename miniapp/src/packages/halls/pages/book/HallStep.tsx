import { useCallback, useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { Business, HallSummary } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { listHalls, type Position } from '@/services/halls';
import { Chips } from '../../components/Chips';
import { HallCard } from '../../components/HallCard';
import { districtName, GUANGZHOU_DISTRICTS } from '../../utils/format';
import { usePosition } from '../../state/location';

const ALL = 'all';
const DISTRICT_CHIPS = [{ key: ALL, title: '全部' }, ...GUANGZHOU_DISTRICTS.map((d) => ({ key: d, title: d }))];

function HallOptions({
  business,
  position,
  district,
  onChoose,
}: {
  business: Business;
  position: Position | null;
  district: string;
  onChoose: (hall: HallSummary) => void;
}): JSX.Element {
  const load = useCallback(
    () =>
      listHalls({
        position,
        district: district === ALL ? undefined : districtName(district),
        business: business.code,
      }),
    [business.code, position, district],
  );
  const { state, reload } = useAsync(load);
  return (
    <PageStates id="book-halls" state={state} onRetry={reload}>
      {(answer) =>
        answer.items.length === 0 ? (
          <EmptyState id="book-halls-empty" title="暂无可办理该业务的大厅" note="可换一个区，或返回选择其他业务。" />
        ) : (
          <View id="book-halls-list">
            {answer.items.map((hall) => (
              <HallCard key={hall.id} id={`book-hall-${hall.id}`} hall={hall} onTap={() => onChoose(hall)} />
            ))}
          </View>
        )
      }
    </PageStates>
  );
}

/** Step 2: the halls that do the business, nearest first (or by 区 without a position), with their wait. */
export function HallStep({
  business,
  onChoose,
}: {
  business: Business;
  onChoose: (hall: HallSummary) => void;
}): JSX.Element {
  const { state } = usePosition();
  const [district, setDistrict] = useState<string>(ALL);
  const locating = state.status === 'idle' || state.status === 'locating';
  const position = state.status === 'located' ? state.position : null;
  return (
    <>
      <Text className="book-title book-title--page">办理“{business.name}”的大厅</Text>
      {state.status === 'unavailable' ? (
        <>
          <Text className="sj-hint book-hint">未能获取您的位置，可按区选择</Text>
          <Chips id="book-district" label="所在区" chips={DISTRICT_CHIPS} value={district} onChange={setDistrict} />
        </>
      ) : null}
      {locating ? (
        <View className="sj-card" id="book-halls-loading" aria-busy="true">
          <Text className="sj-hint">正在获取您的位置，以便按距离排序…</Text>
        </View>
      ) : (
        <HallOptions
          key={`${district}-${position ? 'p' : 'n'}`}
          business={business}
          position={position}
          district={district}
          onChoose={onChoose}
        />
      )}
    </>
  );
}
