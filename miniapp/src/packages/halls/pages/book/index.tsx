import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Business, HallSummary } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { listHalls, fetchHall } from '@/services/halls';
import { routeParam, ROUTES } from '@/utils/navigation';
import { AnswerStates, LoginGate } from '../../components/PersonalStates';
import { SlotPicker, type SlotChoice } from '../../components/SlotPicker';
import { BusinessStep } from './BusinessStep';
import { ConfirmStep } from './ConfirmStep';
import { HallStep } from './HallStep';
import { BOOK_STEPS, StepBar, type BookStep } from './StepBar';
import './index.scss';

interface Start {
  businesses: Business[];
  /** The hall given by 大厅详情 or 推荐, if any. */
  hall: HallSummary | null;
}

/** The businesses to choose from: the given hall's, or every hall's. */
async function loadStart(hallId: string): Promise<Start> {
  if (hallId) {
    const hall = await fetchHall(hallId);
    return { businesses: hall.businesses, hall };
  }
  const list = await listHalls({});
  return { businesses: list.businesses, hall: null };
}

const offers = (hall: HallSummary | null, code: string): boolean => !!hall?.businesses.some((b) => b.code === code);

function Booking({ start, initialBusiness }: { start: Start; initialBusiness: string }): JSX.Element {
  const preset = start.businesses.find((b) => b.code === initialBusiness) ?? null;
  const [business, setBusiness] = useState<Business | null>(preset);
  const [hall, setHall] = useState<HallSummary | null>(start.hall);
  const [step, setStep] = useState<BookStep>(!preset ? 'business' : offers(start.hall, preset.code) ? 'time' : 'hall');
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [slotGone, setSlotGone] = useState<string | null>(null);
  // The day last chosen, so coming back (or a full slot) shows that day again rather than today.
  const [day, setDay] = useState<string | undefined>(undefined);

  const back = (): void => {
    const index = BOOK_STEPS.findIndex((s) => s.key === step);
    const previous = BOOK_STEPS[index - 1];
    if (previous) setStep(previous.key);
  };

  const chooseBusiness = (next: Business): void => {
    if (next.code !== business?.code) setChoice(null);
    setBusiness(next);
    // A hall given (or chosen) before that also does this business stays chosen.
    if (offers(hall, next.code)) {
      setStep('time');
    } else {
      setHall(null);
      setStep('hall');
    }
  };

  const chooseHall = (next: HallSummary): void => {
    if (next.id !== hall?.id) setChoice(null);
    setHall(next);
    setSlotGone(null);
    setStep('time');
  };

  return (
    <>
      <StepBar step={step} onBack={setStep} />
      {step === 'business' ? (
        <BusinessStep businesses={start.businesses} chosen={business?.code ?? null} onChoose={chooseBusiness} />
      ) : null}
      {step === 'hall' && business ? <HallStep business={business} onChoose={chooseHall} /> : null}
      {step === 'time' && business && hall ? (
        <>
          <View className="sj-card" id="book-time">
            <Text className="book-title">{hall.name}</Text>
            <Text className="sj-hint book-hint">{business.name} · 请选择日期和时段</Text>
            {slotGone ? (
              <Text className="sj-field-error book-slot-gone" id="book-slot-gone" aria-live="polite">
                {slotGone}
              </Text>
            ) : null}
            <SlotPicker
              id="book-slots"
              hallId={hall.id}
              business={business.code}
              chosen={choice}
              initialDate={choice?.date ?? day}
              refreshKey={refreshKey}
              onChoose={(next) => {
                setChoice(next);
                if (next) {
                  setDay(next.date);
                  setSlotGone(null);
                }
              }}
            />
          </View>
          <View className="book-bar">
            <View className="book-bar__buttons">
              <Button className="book-bar__back" id="book-back" onClick={back}>
                上一步
              </Button>
              <Button
                className="book-bar__main"
                type="primary"
                id="book-next"
                disabled={!choice}
                onClick={() => setStep('confirm')}
              >
                {choice ? '下一步' : '请选择时段'}
              </Button>
            </View>
          </View>
        </>
      ) : null}
      {step === 'confirm' && business && hall && choice ? (
        <LoginGate id="book-login" loginReason="登录并完成实名认证后即可预约，到厅凭预约二维码签到。">
          <ConfirmStep
            business={business}
            hall={hall}
            choice={choice}
            onBack={back}
            onSlotGone={(message) => {
              setSlotGone(message);
              setChoice(null);
              setRefreshKey((n) => n + 1);
              setStep('time');
            }}
          />
        </LoginGate>
      ) : null}
    </>
  );
}

/** 预约办事: business → hall → date and slot → confirm, each step shown above and each one back-able. */
export default function BookPage(): JSX.Element {
  const params = useRouter().params;
  const hallId = routeParam(params, 'hallId');
  const business = routeParam(params, 'business');
  const load = useCallback(() => loadStart(hallId), [hallId]);
  return (
    <PageShell id="page-book" className="book-page">
      <AnswerStates
        id="book"
        load={load}
        here={ROUTES.hallBook}
        notFound={{ codes: ['HALL_NOT_FOUND'], title: '未找到该办事大厅', note: '它可能已调整，请返回重新选择。' }}
      >
        {(start) => <Booking start={start} initialBusiness={business} />}
      </AnswerStates>
    </PageShell>
  );
}
