import { useCallback, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Appointment, AppointmentList } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { listAppointments } from '@/services/appointments';
import { goTo, ROUTES } from '@/utils/navigation';
import { PersonalStates } from '../../components/PersonalStates';
import { APPOINTMENT_STATUS_TONE, appointmentTimeText, noShowText } from '../../utils/format';
import { appointmentUrl, bookUrl } from '../../utils/routes';
import './index.scss';

function AppointmentCard({ appointment }: { appointment: Appointment }): JSX.Element {
  const id = `appointment-${appointment.id}`;
  return (
    <View
      className={`appointment-card appointment-card--${appointment.status}`}
      id={id}
      role="link"
      data-status={appointment.status}
      onClick={() => goTo(appointmentUrl(appointment.id))}
      hoverClass="appointment-card--pressed"
    >
      <View className="appointment-card__head">
        <Text className="appointment-card__business">{appointment.business.name}</Text>
        <Text className={`sj-badge ${APPOINTMENT_STATUS_TONE[appointment.status]}`} id={`${id}-status`}>
          {appointment.statusText}
        </Text>
      </View>
      <Text className="appointment-card__time" id={`${id}-time`}>
        {appointmentTimeText(appointment)}
      </Text>
      <Text className="appointment-card__line">{appointment.hall.name}</Text>
      {appointment.forSomeoneElse || appointment.greenChannel ? (
        <View className="appointment-card__badges">
          {appointment.forSomeoneElse ? (
            <Text className="sj-badge sj-badge--muted">为{appointment.personName}预约</Text>
          ) : null}
          {appointment.greenChannel ? <Text className="sj-badge sj-badge--success">绿色通道</Text> : null}
        </View>
      ) : null}
    </View>
  );
}

function Appointments({ list }: { list: AppointmentList }): JSX.Element {
  const noShows = noShowText(list);
  return (
    <>
      <View
        className={`appointments-quota ${noShows.blocked ? 'appointments-quota--blocked' : ''}`}
        id="appointments-quota"
        role="status"
      >
        <Text className="appointments-quota__text">{noShows.text}</Text>
        <Text className="appointments-quota__note">
          预约后未到厅签到即为爽约；去不了请在时段开始前取消或改约，取消不计次数。
        </Text>
      </View>
      {list.items.length === 0 ? (
        <EmptyState id="appointments-empty" title="暂无预约" note="预约后凭二维码到厅签到，省去现场排队。">
          <Button
            className="sj-block-button"
            type="primary"
            id="appointments-book"
            disabled={!!list.blockedUntil}
            onClick={() => goTo(bookUrl())}
          >
            去预约
          </Button>
        </EmptyState>
      ) : (
        <View id="appointments-list">
          {list.items.map((appointment) => (
            <AppointmentCard key={appointment.id} appointment={appointment} />
          ))}
        </View>
      )}
    </>
  );
}

/** 我的预约: my bookings with their status, and my no-shows (爽约) with any block they caused. */
export default function AppointmentsPage(): JSX.Element {
  const load = useCallback(() => listAppointments(), []);
  const reloadRef = useRef<(() => void) | null>(null);
  const shownOnce = useRef(false);
  // Back from a cancelled or moved booking: show the list as it is now.
  useDidShow(() => {
    if (shownOnce.current) reloadRef.current?.();
    shownOnce.current = true;
  });
  return (
    <PageShell id="page-appointments">
      <PersonalStates
        id="appointments"
        load={load}
        here={ROUTES.appointments}
        loginReason="登录后可查看和管理您的预约。"
      >
        {(list, reload) => {
          reloadRef.current = reload;
          return <Appointments list={list} />;
        }}
      </PersonalStates>
    </PageShell>
  );
}
