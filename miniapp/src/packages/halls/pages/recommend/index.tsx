import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { HallRecommendation } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { ApiError } from '@/services/api-error';
import { fetchRecommendation, type Position } from '@/services/halls';
import { goTo, routeParam, ROUTES } from '@/utils/navigation';
import { HallCard } from '../../components/HallCard';
import { minutesText } from '../../utils/format';
import { usePosition } from '../../state/location';
import { bookUrl, hallUrl, takeTicketUrl } from '../../utils/routes';
import './index.scss';

function Figure({ id, label, minutes }: { id: string; label: string; minutes: number }): JSX.Element {
  return (
    <View className="recommend-figures__cell" id={id}>
      <Text className="recommend-figures__value">{minutesText(minutes)}</Text>
      <Text className="recommend-figures__label">{label}</Text>
    </View>
  );
}

function Recommendation({ answer, business }: { answer: HallRecommendation; business: string }): JSX.Element {
  const { hall } = answer;
  return (
    <>
      <View className="sj-card recommend-best" id="recommend-best">
        <Text className="sj-badge sj-badge--success">最省时</Text>
        <Text className="recommend-best__name" id="recommend-hall-name">
          {hall.name}
        </Text>
        <Text className="recommend-best__address">
          {hall.district} · {hall.address}
        </Text>
        <Text className="recommend-best__reason" id="recommend-reason">
          {answer.reason}
        </Text>
        <View className="recommend-figures">
          <Figure id="recommend-travel" label="路程" minutes={answer.travelMinutes} />
          <Figure id="recommend-wait" label="排队" minutes={answer.waitMinutes} />
          <Figure id="recommend-total" label="总用时" minutes={answer.totalMinutes} />
        </View>
        <View className="recommend-actions">
          <Button
            className="recommend-actions__button"
            type="primary"
            fill="outline"
            id="recommend-ticket"
            onClick={() => goTo(takeTicketUrl(hall.id, business))}
          >
            去取号
          </Button>
          <Button
            className="recommend-actions__button"
            type="primary"
            id="recommend-book"
            onClick={() => goTo(bookUrl({ hallId: hall.id, business }))}
          >
            去预约
          </Button>
        </View>
        <View
          className="recommend-best__more"
          id="recommend-detail"
          role="link"
          onClick={() => goTo(hallUrl(hall.id, business))}
        >
          查看大厅详情 ›
        </View>
      </View>
      {answer.alternatives.length > 0 ? (
        <>
          <Text className="sj-section-title">其他选择</Text>
          <View id="recommend-alternatives">
            {answer.alternatives.map((alt) => (
              <HallCard
                key={alt.hall.id}
                id={`recommend-alt-${alt.hall.id}`}
                hall={alt.hall}
                extra={`路程${minutesText(alt.travelMinutes)} + 排队${minutesText(alt.waitMinutes)}，共${minutesText(alt.totalMinutes)}`}
                onTap={() => goTo(hallUrl(alt.hall.id, business))}
              />
            ))}
          </View>
        </>
      ) : null}
    </>
  );
}

type Answer = { kind: 'ready'; recommendation: HallRecommendation } | { kind: 'closed'; message: string };

/** The recommendation, or HALLS_CLOSED (no hall open now: nothing to recommend, only when one opens). */
async function recommendation(business: string, position: Position): Promise<Answer> {
  try {
    return { kind: 'ready', recommendation: await fetchRecommendation(business, position) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'HALLS_CLOSED') return { kind: 'closed', message: error.message };
    throw error;
  }
}

function Recommended({ business, position }: { business: string; position: Position }): JSX.Element {
  const load = useCallback(() => recommendation(business, position), [business, position]);
  const { state, reload } = useAsync(load);
  return (
    <PageStates id="recommend" state={state} onRetry={reload}>
      {(answer) =>
        answer.kind === 'ready' ? (
          <Recommendation answer={answer.recommendation} business={business} />
        ) : (
          <EmptyState id="recommend-closed" title="现在没有开放的大厅" note={answer.message}>
            <Button
              className="sj-block-button"
              type="primary"
              id="recommend-closed-book"
              onClick={() => goTo(bookUrl({ business }))}
            >
              先预约
            </Button>
            <AllHallsButton />
          </EmptyState>
        )
      }
    </PageStates>
  );
}

/** The way out when no recommendation can be made: the halls by district. */
function AllHallsButton(): JSX.Element {
  return (
    <Button className="sj-block-button recommend-back" fill="outline" type="primary" onClick={() => goTo(ROUTES.halls)}>
      查看全部大厅
    </Button>
  );
}

/** 推荐大厅: for a business, the open hall with the least travel plus queueing now, why, and the runners-up. */
export default function RecommendPage(): JSX.Element {
  const params = useRouter().params;
  const business = routeParam(params, 'business');
  const name = routeParam(params, 'name');
  const { state, retry } = usePosition();
  return (
    <PageShell id="page-recommend">
      <View className="recommend-head">
        <Text className="recommend-head__name">{name ? `办理“${name}”` : '推荐大厅'}</Text>
        <Text className="recommend-head__note">按路程加当前排队的总用时，为您推荐最省时的大厅</Text>
      </View>
      {state.status === 'located' && business ? (
        <Recommended business={business} position={state.position} />
      ) : state.status === 'unavailable' || !business ? (
        <EmptyState
          id="recommend-no-position"
          title={business ? '推荐需要您的位置' : '请先选择要办理的业务'}
          note={business ? '请允许获取位置后重试，或返回按区查看办事大厅。' : undefined}
        >
          {business ? (
            <Button className="sj-block-button" type="primary" id="recommend-relocate" onClick={retry}>
              重新定位
            </Button>
          ) : null}
          <AllHallsButton />
        </EmptyState>
      ) : (
        <View className="sj-card" id="recommend-loading" aria-busy="true">
          <Text className="sj-hint">正在获取您的位置…</Text>
        </View>
      )}
    </PageShell>
  );
}
