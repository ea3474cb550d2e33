import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Appointment } from '@suijing/shared';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { PageShell } from '@/components/PageShell';
import { QrCode } from '@/components/QrCode';
import { cancelAppointment, fetchAppointment, rescheduleAppointment } from '@/services/appointments';
import { formatDateTime } from '@/utils/format';
import { goTo, routeParam, ROUTES } from '@/utils/navigation';
import { stepUpUrl } from '@/utils/assurance';
import { InfoRow } from '../../components/InfoRow';
import { PersonalStates } from '../../components/PersonalStates';
import { SlotPicker, type SlotChoice } from '../../components/SlotPicker';
import { APPOINTMENT_STATUS_TONE, appointmentTimeText, rescheduleText } from '../../utils/format';
import { appointmentUrl } from '../../utils/routes';
import { describeHallError } from '../../services/submit';
import './index.scss';
import { BackToListButton } from '@/components/BackToListButton';

interface RescheduleProps {
  appointment: Appointment;
  onDone: (next: Appointment) => void;
  onClose: () => void;
}

/** 改约: another day or slot of the same hall and business. */
function Reschedule({ appointment, onDone, onClose }: RescheduleProps): JSX.Element {
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const unchanged = choice?.date === appointment.date && choice.slot.from === appointment.from;

  const submit = async (): Promise<void> => {
    if (!choice) return;
    setBusy(true);
    setFailure(null);
    try {
      onDone(await rescheduleAppointment(appointment.id, { date: choice.date, slotId: choice.slot.id }));
    } catch (error) {
      const described = describeHallError(error);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, appointmentUrl(appointment.id)) });
        return;
      }
      setFailure(described.message);
      if (described.slotGone) {
        setChoice(null);
        setRefreshKey((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="sj-card" id="reschedule">
      <Text className="appointment-section-title">改约</Text>
      <Text className="sj-hint appointment-hint">
        {appointment.hall.name} · {appointment.business.name}，请选择新的日期和时段
      </Text>
      <SlotPicker
        id="reschedule-slots"
        hallId={appointment.hall.id}
        business={appointment.business.code}
        chosen={choice}
        initialDate={appointment.date}
        refreshKey={refreshKey}
        onChoose={(next) => {
          setChoice(next);
          if (next) setFailure(null);
        }}
      />
      {failure ? (
        <Text className="sj-field-error" id="reschedule-error" aria-live="polite">
          {failure}
        </Text>
      ) : null}
      <View className="appointment-actions">
        <Button className="appointment-actions__button" id="reschedule-cancel" disabled={busy} onClick={onClose}>
          暂不改约
        </Button>
        <Button
          className="appointment-actions__button appointment-actions__button--wide"
          type="primary"
          id="reschedule-submit"
          loading={busy}
          disabled={busy || !choice || unchanged}
          onClick={() => void submit()}
        >
          {choice ? rescheduleText(choice) : '请选择时段'}
        </Button>
      </View>
    </View>
  );
}

function AppointmentView({ initial }: { initial: Appointment }): JSX.Element {
  const [appointment, setAppointment] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [rescheduling, setRescheduling] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const cancel = async (): Promise<void> => {
    setCancelling(true);
    setFailure(null);
    try {
      setAppointment(await cancelAppointment(appointment.id));
      setConfirming(false);
      setRescheduling(false);
      void Taro.showToast({ title: '已取消预约', icon: 'success' });
    } catch (error) {
      const described = describeHallError(error);
      setConfirming(false);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, appointmentUrl(appointment.id)) });
        return;
      }
      setFailure(described.message);
    } finally {
      setCancelling(false);
    }
  };

  return (
    <>
      <View className="appointment-head">
        <View className="appointment-head__row">
          <Text className="appointment-head__name">{appointment.business.name}</Text>
          <Text className={`sj-badge ${APPOINTMENT_STATUS_TONE[appointment.status]}`} id="appointment-status">
            {appointment.statusText}
          </Text>
        </View>
        <Text className="appointment-head__time" id="appointment-time">
          {appointmentTimeText(appointment)}
        </Text>
        {appointment.greenChannel ? (
          <Text className="sj-badge sj-badge--success appointment-head__green" id="appointment-green">
            绿色通道
          </Text>
        ) : null}
      </View>

      {appointment.qr ? (
        <View className="sj-card appointment-qr" id="appointment-qr-card">
          <QrCode id="appointment-qr" value={appointment.qr.payload} label="预约签到二维码" />
          <Text className="appointment-qr__note">到厅后出示二维码签到取号，请携带身份证原件</Text>
        </View>
      ) : null}

      <View className="sj-card" id="appointment-info">
        <InfoRow id="appointment-number" label="预约号" value={appointment.id} />
        <InfoRow id="appointment-hall" label="大厅" value={appointment.hall.name} />
        <InfoRow label="地址" value={appointment.hall.address} />
        <InfoRow label="电话" value={appointment.hall.phone} />
        <InfoRow
          id="appointment-person"
          label="办理人"
          value={`${appointment.personName} ${appointment.personIdMasked}${appointment.forSomeoneElse ? '（代他人预约）' : ''}`}
        />
        <InfoRow label="预约时间" value={formatDateTime(appointment.createdAt)} />
      </View>

      {failure ? (
        <Text className="sj-field-error appointment-failure" id="appointment-error" aria-live="polite">
          {failure}
        </Text>
      ) : null}

      {rescheduling && appointment.canReschedule ? (
        <Reschedule
          appointment={appointment}
          onClose={() => setRescheduling(false)}
          onDone={(next) => {
            setAppointment(next);
            setRescheduling(false);
            void Taro.showToast({ title: '已改约', icon: 'success' });
          }}
        />
      ) : null}

      {(appointment.canCancel || appointment.canReschedule) && !rescheduling ? (
        <View className="appointment-actions appointment-actions--page">
          {appointment.canCancel ? (
            <Button
              className="appointment-actions__button"
              type="danger"
              fill="outline"
              id="appointment-cancel"
              onClick={() => setConfirming(true)}
            >
              取消预约
            </Button>
          ) : null}
          {appointment.canReschedule ? (
            <Button
              className="appointment-actions__button"
              type="primary"
              id="appointment-reschedule"
              onClick={() => {
                setFailure(null);
                setRescheduling(true);
              }}
            >
              改约
            </Button>
          ) : null}
        </View>
      ) : null}

      {appointment.status !== 'booked' ? (
        <View className="appointment-actions appointment-actions--page">
          <Button
            className="appointment-actions__button"
            type="primary"
            fill="outline"
            id="appointment-list"
            onClick={() => goTo(ROUTES.appointments)}
          >
            查看我的预约
          </Button>
        </View>
      ) : null}

      <ConfirmDialog
        id="appointment-cancel-dialog"
        visible={confirming}
        title="取消预约"
        message="取消后该时段将释放给他人。按时取消不计爽约次数，不影响以后预约。确定取消吗？"
        confirmText="确定取消"
        danger
        busy={cancelling}
        onConfirm={() => void cancel()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}

/** 预约详情: the booking number and QR code to sign in with, who and when, 取消预约 and 改约. */
export default function AppointmentPage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchAppointment(id), [id]);
  return (
    <PageShell id="page-appointment">
      <PersonalStates
        id="appointment"
        load={load}
        here={appointmentUrl(id)}
        loginReason="登录后可查看您的预约。"
        notFound={{
          codes: ['APPOINTMENT_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该预约',
          note: '请返回我的预约刷新后再看。',
          children: <BackToListButton label="查看我的预约" onClick={() => goTo(ROUTES.appointments)} />,
        }}
      >
        {(appointment) => <AppointmentView initial={appointment} />}
      </PersonalStates>
    </PageShell>
  );
}
