import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { fetchTicket } from '@/services/appointments';
import { fetchHall } from '@/services/halls';
import { goTo, routeParam, ROUTES } from '@/utils/navigation';
import { AnswerStates, LoginGate, PersonalStates } from '../../components/PersonalStates';
import { takeTicketUrl, ticketUrl } from '../../utils/routes';
import { TakeTicket } from './TakeTicket';
import { TicketView } from './TicketView';
import './index.scss';

const backToHalls = (
  <Button className="sj-block-button" type="primary" fill="outline" onClick={() => goTo(ROUTES.halls)}>
    查看办事大厅
  </Button>
);

function ShowTicket({ id }: { id: string }): JSX.Element {
  const load = useCallback(() => fetchTicket(id), [id]);
  return (
    <PersonalStates
      id="ticket"
      load={load}
      here={ticketUrl(id)}
      loginReason="登录后可查看您的排队号。"
      notFound={{
        codes: ['TICKET_NOT_FOUND', 'VALIDATION_FAILED'],
        title: '未找到该排队号',
        note: '排队号仅当天有效。',
        children: backToHalls,
      }}
    >
      {(ticket) => <TicketView initial={ticket} />}
    </PersonalStates>
  );
}

function Take({ hallId, business }: { hallId: string; business: string }): JSX.Element {
  const load = useCallback(() => fetchHall(hallId), [hallId]);
  return (
    <LoginGate id="ticket-take" loginReason="登录并完成实名认证后即可远程取号，到厅后按号办理。">
      <AnswerStates
        id="ticket-hall"
        load={load}
        here={takeTicketUrl(hallId, business)}
        notFound={{ codes: ['HALL_NOT_FOUND', 'VALIDATION_FAILED'], title: '未找到该办事大厅', children: backToHalls }}
      >
        {(hall) => <TakeTicket hall={hall} initialBusiness={business} />}
      </AnswerStates>
    </LoginGate>
  );
}

/** 远程取号 (`?hallId=&business=`) or 我的排队号 (`?id=`). */
export default function TicketPage(): JSX.Element {
  const params = useRouter().params;
  const id = routeParam(params, 'id');
  return (
    <PageShell id="page-ticket" className="ticket-page">
      {id ? (
        <ShowTicket id={id} />
      ) : (
        <Take hallId={routeParam(params, 'hallId')} business={routeParam(params, 'business')} />
      )}
    </PageShell>
  );
}
