import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Business, HallList } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { listHalls, type Position } from '@/services/halls';
import { goTo, ROUTES } from '@/utils/navigation';
import { Chips } from '../../components/Chips';
import { HallCard } from '../../components/HallCard';
import { beijingToday, districtName, GUANGZHOU_DISTRICTS } from '../../utils/format';
import { usePosition } from '../../state/location';
import { hallUrl, recommendUrl, ticketUrl } from '../../utils/routes';
import { lastTicket } from '../../state/last-ticket';
import './index.scss';

const ALL = 'all';
const DISTRICT_CHIPS = [{ key: ALL, title: '全部' }, ...GUANGZHOU_DISTRICTS.map((d) => ({ key: d, title: d }))];

/** Where the list is sorted from: the position, or a district chosen by hand. */
type Where = { kind: 'position'; position: Position } | { kind: 'district'; district: string };

interface HallsProps {
  where: Where;
  business: string;
  onLoaded: (answer: HallList) => void;
}

function Halls({ where, business, onLoaded }: HallsProps): JSX.Element {
  const load = useCallback(
    () =>
      listHalls({
        position: where.kind === 'position' ? where.position : null,
        district: where.kind === 'district' && where.district !== ALL ? districtName(where.district) : undefined,
        business: business === ALL ? undefined : business,
      }),
    [where, business],
  );
  const { state, reload } = useAsync(load);
  useEffect(() => {
    if (state.status === 'success') onLoaded(state.data);
  }, [state, onLoaded]);
  return (
    <PageStates id="halls" state={state} onRetry={reload}>
      {(answer) =>
        answer.items.length === 0 ? (
          <EmptyState id="halls-empty" title="暂无符合条件的办事大厅" note="可换一个区或业务类型再看看。" />
        ) : (
          <View id="halls-list">
            {answer.items.map((hall) => (
              <HallCard
                key={hall.id}
                hall={hall}
                onTap={() => goTo(hallUrl(hall.id, business === ALL ? undefined : business))}
              />
            ))}
          </View>
        )
      }
    </PageStates>
  );
}

/**
 * 办事大厅: the halls nearest first (or of a chosen 区 when the position is
 * not known), with the expected wait for the chosen business, 帮我推荐, and
 * the ways to 我的预约, 我的排队号 and 自助服务点.
 */
export default function HallsPage(): JSX.Element {
  const { state: located, retry } = usePosition();
  const [useDistrict, setUseDistrict] = useState(false);
  const [district, setDistrict] = useState<string>(ALL);
  const [business, setBusiness] = useState<string>(ALL);
  const [businesses, setBusinesses] = useState<Business[]>([]);
  const [ticket] = useState(() => lastTicket(beijingToday()));

  const onLoaded = useCallback((answer: HallList) => {
    if (answer.businesses.length > 0) setBusinesses(answer.businesses);
  }, []);

  const position = located.status === 'located' ? located.position : null;
  const byDistrict = useDistrict || located.status === 'unavailable';
  const where: Where | null = byDistrict
    ? { kind: 'district', district }
    : position
      ? { kind: 'position', position }
      : null;
  // A new object each render would reload the list: key the list by what it shows instead.
  const whereKey = where ? (where.kind === 'district' ? `d-${where.district}` : 'position') : 'none';

  const recommend = (): void => {
    const chosen = businesses.find((b) => b.code === business);
    if (!chosen) {
      void Taro.showToast({ title: '请先选择要办理的业务', icon: 'none' });
      return;
    }
    if (!position) {
      void Taro.showToast({ title: '推荐需要您的位置，请允许定位后再试', icon: 'none' });
      retry();
      return;
    }
    goTo(recommendUrl(chosen.code, chosen.name));
  };

  return (
    <PageShell id="page-halls" className="halls-page">
      <View className="halls-head">
        <View className="halls-location" id="halls-location" data-status={byDistrict ? 'district' : located.status}>
          <Text className="halls-location__text" id="halls-location-text">
            {located.status === 'idle' || located.status === 'locating'
              ? '正在获取您的位置…'
              : byDistrict
                ? located.status === 'unavailable'
                  ? '未能获取您的位置，请选择所在区'
                  : '按区查看办事大厅'
                : '已按距离由近到远排序'}
          </Text>
          {located.status === 'unavailable' ? (
            <View className="halls-location__action" id="halls-relocate" role="button" onClick={retry}>
              重新定位
            </View>
          ) : located.status === 'located' ? (
            <View
              className="halls-location__action"
              id={useDistrict ? 'halls-use-position' : 'halls-use-district'}
              role="button"
              onClick={() => setUseDistrict(!useDistrict)}
            >
              {useDistrict ? '按距离排序' : '按区查看'}
            </View>
          ) : null}
        </View>
        {byDistrict ? (
          <Chips id="halls-district" label="所在区" chips={DISTRICT_CHIPS} value={district} onChange={setDistrict} />
        ) : null}
        {businesses.length > 0 ? (
          <Chips
            id="halls-business"
            label="业务类型"
            chips={[{ key: ALL, title: '全部业务' }, ...businesses.map((b) => ({ key: b.code, title: b.name }))]}
            value={business}
            onChange={setBusiness}
          />
        ) : null}
      </View>

      <View className="halls-actions">
        <Button className="halls-actions__recommend" type="primary" id="halls-recommend" onClick={recommend}>
          帮我推荐
        </Button>
        <Text className="sj-hint halls-actions__hint" id="halls-recommend-hint">
          {business === ALL ? '选择业务后，按路程加排队总用时推荐大厅' : '按路程加排队总用时推荐最省时的大厅'}
        </Text>
      </View>

      <View className="halls-links">
        <View
          className="halls-links__link"
          id="halls-appointments"
          role="link"
          onClick={() => goTo(ROUTES.appointments)}
        >
          我的预约
        </View>
        {ticket ? (
          <View
            className="halls-links__link"
            id="halls-last-ticket"
            role="link"
            onClick={() => goTo(ticketUrl(ticket.id))}
          >
            我的排队号 {ticket.number}
          </View>
        ) : null}
        <View className="halls-links__link" id="halls-stations" role="link" onClick={() => goTo(ROUTES.stations)}>
          自助服务点
        </View>
      </View>

      {where ? (
        <Halls key={`${whereKey}-${business}`} where={where} business={business} onLoaded={onLoaded} />
      ) : (
        <View id="halls-loading" aria-busy="true" className="sj-card">
          <Text className="sj-hint">正在获取您的位置，以便按距离排序…</Text>
        </View>
      )}
    </PageShell>
  );
}
