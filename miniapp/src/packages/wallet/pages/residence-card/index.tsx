import { useCallback, useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ResidencePermitCard } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { QrCode } from '@/components/QrCode';
import { fetchResidenceCard } from '@/services/residence';
import { stepUpAction, stepUpNote, stepUpTitle, stepUpUrl, type StepUp } from '@/utils/assurance';
import { formatDay } from '@/utils/case-format';
import { formatDateTime } from '@/utils/format';
import { goTo, ROUTES } from '@/utils/navigation';
import { WalletStates } from '../../components/WalletStates';
import { useNow } from '../../hooks/useNow';
import { ITEM_TONE, toneOf } from '../../utils/format';
import { clockText } from '../../utils/clock';
import { useRefreshingCard } from './useRefreshingCard';
import './index.scss';

/** Shown to a verifier: the screen must not dim while they read it (weapp only). */
function useKeepScreenOn(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, []);
}

/** The current time over the card, every second: a screenshot or a recording shows it is not live. */
function Watermark(): JSX.Element {
  const text = clockText(useNow());
  return (
    <View className="rcard-watermark" aria-hidden>
      {[0, 1, 2].map((n) => (
        <Text key={n} className="rcard-watermark__line" id={n === 0 ? 'rcard-clock' : undefined}>
          {text}
        </Text>
      ))}
    </View>
  );
}

function Field({ label, value, id }: { label: string; value: string; id?: string }): JSX.Element {
  return (
    <View className="rcard-field" id={id}>
      <Text className="rcard-field__label">{label}</Text>
      <Text className="rcard-field__value">{value}</Text>
    </View>
  );
}

function QrStepUp({ step }: { step: StepUp }): JSX.Element {
  return (
    <View className="rcard__qr rcard__qr--step-up" id="rcard-qr-step-up">
      <Text className="rcard__step-up-title">{stepUpTitle(step)}</Text>
      <Text className="rcard__qr-note">{stepUpNote(step)}</Text>
      <Button
        className="sj-block-button"
        type="primary"
        id="rcard-go-in-person"
        onClick={() => void Taro.redirectTo({ url: stepUpUrl(step, ROUTES.residenceCard) })}
      >
        {stepUpAction(step)}
      </Button>
    </View>
  );
}

/** In place of the QR while the permit is not in force: why, and where to put it right. */
function NoQr({ card }: { card: ResidencePermitCard }): JSX.Element {
  return (
    <View className="rcard__qr rcard__qr--none" id="rcard-no-qr">
      <Text className="rcard__step-up-title">{card.statusText}</Text>
      <Text className="rcard__qr-note">
        {card.status === 'suspended' ? '办理签注后即可恢复使用并出示二维码。' : '居住证当前无效，不能出示二维码。'}
      </Text>
      <Button
        className="sj-block-button"
        type="primary"
        fill="outline"
        id="rcard-residence"
        onClick={() => goTo(ROUTES.residence)}
      >
        去「我的居住证」办理
      </Button>
    </View>
  );
}

function QrPart({ card, stepUp }: { card: ResidencePermitCard; stepUp: StepUp | null }): JSX.Element {
  if (stepUp) return <QrStepUp step={stepUp} />;
  if (!card.qr) return <NoQr card={card} />;
  return (
    <View className="rcard__qr">
      <QrCode id="rcard-qr" value={card.qr.payload} label="电子居住证二维码" />
      <Text className="rcard__qr-note">二维码每 {card.qr.refreshAfterSeconds} 秒自动更新，供核验方扫码核验</Text>
    </View>
  );
}

function Card({ initial }: { initial: ResidencePermitCard }): JSX.Element {
  const { card, refreshing, failure, stepUp, refresh } = useRefreshingCard(initial, fetchResidenceCard);
  useKeepScreenOn();
  // Back from the background with an expired code: fetch a new one at once.
  useDidShow(() => {
    if (card.qr && Date.parse(card.qr.expiresAt) <= Date.now()) refresh();
  });
  const lastEndorsement = card.endorsements.at(-1);
  return (
    <>
      <View className="rcard" id="rcard" data-status={card.status}>
        <View className="rcard__head">
          <Text className="rcard__title">广东省居住证（电子）</Text>
          <Text className={`sj-badge sj-badge--${toneOf(ITEM_TONE, card.status)}`} id="rcard-status">
            {card.statusText}
          </Text>
        </View>
        <View className="rcard__fields">
          <Field label="姓名" value={card.name} id="rcard-name" />
          <Field label="居住证号码" value={card.numberMasked} id="rcard-number" />
          {card.districtName ? <Field label="居住地" value={card.districtName} id="rcard-district" /> : null}
          <Field label="签发机关" value={card.issuer} />
          <Field
            label="有效期限"
            value={`${formatDay(card.issuedOn)} 至 ${formatDay(card.validUntil)}`}
            id="rcard-validity"
          />
          <Field label="签注有效至" value={formatDay(card.endorsedUntil)} id="rcard-endorsed-until" />
          <Field
            label="签注记录"
            value={lastEndorsement ? `${card.endorsements.length} 次，最近 ${formatDay(lastEndorsement.on)}` : '暂无'}
          />
        </View>
        <QrPart card={card} stepUp={stepUp} />
        <Text className="rcard__generated" id="rcard-generated">
          生成时间：{formatDateTime(card.generatedAt)}
        </Text>
        <Watermark />
      </View>
      {failure && !stepUp ? (
        <Text className="sj-field-error rcard-failure" id="rcard-refresh-error" aria-live="polite">
          二维码更新失败：{failure}，将自动重试
        </Text>
      ) : null}
      {card.qr && !stepUp ? (
        <View className="rcard-actions">
          <Button
            block
            className="sj-block-button"
            type="primary"
            fill="outline"
            id="rcard-refresh"
            loading={refreshing}
            disabled={refreshing}
            onClick={refresh}
          >
            {refreshing ? '正在更新…' : '刷新二维码'}
          </Button>
        </View>
      ) : null}
    </>
  );
}

/** 电子居住证: the permit on the phone, a QR code that renews itself, a live clock over it. */
export default function ResidenceCardPage(): JSX.Element {
  const load = useCallback(() => fetchResidenceCard(), []);
  return (
    <PageShell id="page-residence-card" className="rcard-page">
      <WalletStates
        id="rcard"
        load={load}
        here={ROUTES.residenceCard}
        loginReason="登录后可出示您的电子居住证。"
        notFound={{
          codes: ['RESIDENCE_PERMIT_NOT_FOUND'],
          title: '您还没有居住证',
          note: '在「我的居住证」中申领，审批通过后即可在此出示电子居住证。',
          children: (
            <Button className="sj-block-button" type="primary" id="rcard-apply" onClick={() => goTo(ROUTES.residence)}>
              去我的居住证
            </Button>
          ),
        }}
      >
        {(card) => <Card initial={card} />}
      </WalletStates>
    </PageShell>
  );
}
