import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { HallDetail, QueueState } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { fetchHall } from '@/services/halls';
import { formatDateTime } from '@/utils/format';
import { goTo, routeParam, ROUTES } from '@/utils/navigation';
import { AnswerStates } from '../../components/PersonalStates';
import { InfoRow } from '../../components/InfoRow';
import { distanceText, nextOpenText, openText, waitText } from '../../utils/format';
import { bookUrl, takeTicketUrl } from '../../utils/routes';
import './index.scss';
import { callPhone } from '@/utils/phone';
import { BackToListButton } from '@/components/BackToListButton';

function QueueFacts({ queue }: { queue: QueueState | undefined }): JSX.Element {
  if (!queue) return <Text className="hall-business__queue">暂无该业务的排队信息</Text>;
  return (
    <Text className="hall-business__queue">
      排队 {queue.waiting} 人 · 开放 {queue.windows} 个窗口 · {waitText(queue.estimatedWaitMinutes)}
    </Text>
  );
}

function Hall({ hall, initialBusiness }: { hall: HallDetail; initialBusiness: string }): JSX.Element {
  const [business, setBusiness] = useState(
    hall.businesses.some((b) => b.code === initialBusiness) ? initialBusiness : (hall.businesses[0]?.code ?? ''),
  );
  const open = openText(hall);
  const next = nextOpenText(hall.closed?.nextOpenAt);
  const distance = distanceText(hall.distanceKm);
  const queueKnown = hall.queues.length > 0;
  return (
    <>
      <View className="hall-head">
        <Text className="hall-head__name" id="hall-name">
          {hall.name}
        </Text>
        <View className="hall-head__badges">
          <Text className={`sj-badge ${open.tone}`} id="hall-open">
            {open.text}
          </Text>
          {distance ? <Text className="sj-badge sj-badge--primary">距您 {distance}</Text> : null}
        </View>
      </View>

      <View className="sj-card" id="hall-info">
        <InfoRow id="hall-address" label="地址" value={`${hall.district} · ${hall.address}`} />
        <View className="hall-phone" id="hall-phone">
          <Text className="hall-phone__label">电话</Text>
          <View className="hall-phone__value" role="link" onClick={() => callPhone(hall.phone)}>
            {hall.phone}
          </View>
        </View>
      </View>

      <View className="sj-card" id="hall-hours">
        <Text className="hall-section-title">办公时间</Text>
        {hall.hours.map((row, index) => (
          <View className="hall-hours-row" key={`${row.days}-${row.from}`} id={`hall-hours-${index}`}>
            <Text className="hall-hours-row__days">{row.days}</Text>
            <Text className="hall-hours-row__time">
              {row.from}-{row.to}
            </Text>
            {row.extended ? (
              <Text className="sj-badge sj-badge--warning" id={`hall-hours-${index}-extended`}>
                延时服务
              </Text>
            ) : null}
          </View>
        ))}
        {hall.hours.some((row) => row.extended) ? (
          <Text className="sj-hint hall-hours-note">“5+X”延时服务：工作日之外的晚间和周末也可办理。</Text>
        ) : null}
      </View>

      <View className="sj-card" id="hall-businesses">
        <Text className="hall-section-title">办理业务</Text>
        {!open.open ? (
          <Text className="sj-hint hall-queue-time" id="hall-queue-closed">
            现在不排队叫号{next ? `，${next}` : ''}；可先预约，到时按号办理
          </Text>
        ) : queueKnown ? (
          hall.queueUpdatedAt ? (
            <Text className="sj-hint hall-queue-time" id="hall-queue-updated">
              实时排队，更新于 {formatDateTime(hall.queueUpdatedAt)}
            </Text>
          ) : null
        ) : (
          <Text className="sj-hint hall-queue-time" id="hall-queue-unavailable">
            排队信息暂不可用
          </Text>
        )}
        <View role="radiogroup" aria-label="选择业务">
          {hall.businesses.map((b) => {
            const on = b.code === business;
            return (
              <View
                key={b.code}
                id={`hall-business-${b.code}`}
                className={`hall-business ${on ? 'hall-business--on' : ''}`}
                role="radio"
                aria-checked={on}
                onClick={() => setBusiness(b.code)}
              >
                <Text className="hall-business__mark" aria-hidden>
                  {on ? '●' : '○'}
                </Text>
                <View className="hall-business__text">
                  <Text className="hall-business__name">
                    {b.name}
                    <Text className="hall-business__type"> · {b.policeType}</Text>
                  </Text>
                  {queueKnown && open.open ? (
                    <QueueFacts queue={hall.queues.find((q) => q.business.code === b.code)} />
                  ) : null}
                </View>
              </View>
            );
          })}
        </View>
      </View>

      <View className="hall-bar">
        <Button
          className="hall-bar__button"
          type="primary"
          fill="outline"
          id="hall-ticket"
          disabled={!business}
          onClick={() => goTo(takeTicketUrl(hall.id, business))}
        >
          远程取号
        </Button>
        <Button
          className="hall-bar__button"
          type="primary"
          id="hall-book"
          disabled={!business}
          onClick={() => goTo(bookUrl({ hallId: hall.id, business }))}
        >
          预约
        </Button>
      </View>
    </>
  );
}

/** 大厅详情: hours (with the 5+X extended ones), phone, address, each business's live queue, 预约 and 远程取号. */
export default function HallDetailPage(): JSX.Element {
  const params = useRouter().params;
  const id = routeParam(params, 'id');
  const business = routeParam(params, 'business');
  const load = useCallback(() => fetchHall(id), [id]);
  return (
    <PageShell id="page-hall" className="hall-page">
      <AnswerStates
        id="hall"
        load={load}
        here={ROUTES.hall}
        notFound={{
          codes: ['HALL_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该办事大厅',
          note: '它可能已调整，请返回重新选择。',
          children: <BackToListButton label="查看全部大厅" onClick={() => goTo(ROUTES.halls)} />,
        }}
      >
        {(hall) => <Hall hall={hall} initialBusiness={business} />}
      </AnswerStates>
    </PageShell>
  );
}
