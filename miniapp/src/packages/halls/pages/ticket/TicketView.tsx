import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Ticket } from '@suijing/shared';
import { fetchTicket } from '@/services/appointments';
import { aheadText, TICKET_STATUS_TONE, waitText } from '../../utils/format';
import { isLive, TICKET_POLL_SECONDS, useTicketPolling } from '../../hooks/useTicketPolling';

const pad = (n: number): string => String(n).padStart(2, '0');
const clock = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

/** 我的排队号: the number large, people ahead, the wait, refreshed every 15 s while it is live. */
export function TicketView({ initial }: { initial: Ticket }): JSX.Element {
  const { ticket, refreshing, failure, updatedAt, refresh } = useTicketPolling(initial, fetchTicket);
  const ahead = aheadText(ticket);
  const wait = ticket.status === 'waiting' ? waitText(ticket.estimatedWaitMinutes) : null;

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '我的排队号' }).catch(() => undefined);
  }, []);

  return (
    <>
      <View className={`ticket-card ticket-card--${ticket.status}`} id="ticket" data-status={ticket.status}>
        <Text className="ticket-card__hall" id="ticket-hall">
          {ticket.hall.name}
        </Text>
        <Text className="ticket-card__business">{ticket.business.name}</Text>
        <Text className="ticket-card__number" id="ticket-number">
          {ticket.number}
        </Text>
        <View className="ticket-card__badges">
          <Text className={`sj-badge ${TICKET_STATUS_TONE[ticket.status]}`} id="ticket-status">
            {ticket.statusText}
          </Text>
          {ticket.greenChannel ? (
            <Text className="sj-badge sj-badge--success" id="ticket-green">
              绿色通道
            </Text>
          ) : null}
        </View>
        {ticket.status === 'called' && ticket.window ? (
          <Text className="ticket-card__window" id="ticket-window" aria-live="assertive">
            请到 {ticket.window} 办理
          </Text>
        ) : null}
        {ahead ? (
          <Text className="ticket-card__ahead" id="ticket-ahead" aria-live="polite">
            {ahead}
          </Text>
        ) : null}
        {wait ? (
          <Text className="ticket-card__wait" id="ticket-wait">
            {wait}
          </Text>
        ) : null}
      </View>
      <Text className="sj-hint ticket-updated" id="ticket-updated">
        {isLive(ticket) ? `每 ${TICKET_POLL_SECONDS} 秒自动刷新 · ` : ''}更新于 {clock(updatedAt)}
      </Text>
      {failure ? (
        <Text className="sj-field-error ticket-failure" id="ticket-refresh-error" aria-live="polite">
          刷新失败：{failure}
        </Text>
      ) : null}
      {isLive(ticket) ? <Text className="sj-hint ticket-tip">过号后需重新取号，请留意叫号并提前到达大厅。</Text> : null}
      <View className="ticket-actions">
        <Button
          block
          className="sj-block-button"
          type="primary"
          fill="outline"
          id="ticket-refresh"
          loading={refreshing}
          disabled={refreshing}
          onClick={refresh}
        >
          {refreshing ? '正在刷新…' : '立即刷新'}
        </Button>
      </View>
    </>
  );
}
