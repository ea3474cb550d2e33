import { useCallback, useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ELicenceCard } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { fetchELicenceCard } from '@/services/traffic';
import { formatDay } from '@/utils/case-format';
import { formatDateTime } from '@/utils/format';
import { stepUpAction, stepUpNote, stepUpTitle, stepUpUrl, type StepUp } from '@/utils/assurance';
import { ROUTES } from '@/utils/navigation';
import { QrCode } from '@/components/QrCode';
import { TrafficStates } from '../../components/TrafficStates';
import { clockText } from '../../utils/format';
import { useClock } from './useClock';
import { useRefreshingCard } from './useRefreshingCard';
import './index.scss';

/** Shown to an officer: the screen must not dim while they read it (weapp only; H5 has no such API). */
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
  const text = clockText(useClock());
  return (
    <View className="ecard-watermark" aria-hidden>
      {[0, 1, 2].map((n) => (
        <Text key={n} className="ecard-watermark__line" id={n === 0 ? 'ecard-clock' : undefined}>
          {text}
        </Text>
      ))}
    </View>
  );
}

function Field({ label, value, id }: { label: string; value: string; id?: string }): JSX.Element {
  return (
    <View className="ecard-field" id={id}>
      <Text className="ecard-field__label">{label}</Text>
      <Text className="ecard-field__value">{value}</Text>
    </View>
  );
}

/** In place of the QR once it needs a fresh 本人认证: the way to it, and back here. */
function QrStepUp({ step }: { step: StepUp }): JSX.Element {
  return (
    <View className="ecard__qr ecard__qr--step-up" id="ecard-qr-step-up">
      <Text className="ecard__step-up-title">{stepUpTitle(step)}</Text>
      <Text className="ecard__qr-note">{stepUpNote(step)}</Text>
      <Button
        className="sj-block-button"
        type="primary"
        id="ecard-go-in-person"
        onClick={() => void Taro.redirectTo({ url: stepUpUrl(step, ROUTES.eCard) })}
      >
        {stepUpAction(step)}
      </Button>
    </View>
  );
}

function Card({ initial }: { initial: ELicenceCard }): JSX.Element {
  const { card, refreshing, failure, stepUp, refresh } = useRefreshingCard(initial, fetchELicenceCard);
  useKeepScreenOn();
  // Back from the background with an expired code: fetch a new one at once.
  useDidShow(() => {
    if (Date.parse(card.qr.expiresAt) <= Date.now()) refresh();
  });
  return (
    <>
      <View className="ecard" id="ecard">
        <View className="ecard__head">
          <Text className="ecard__title">机动车驾驶证电子版</Text>
          <Text className="sj-badge sj-badge--success" id="ecard-status">
            {card.statusText}
          </Text>
        </View>
        <View className="ecard__fields">
          <Field label="姓名" value={card.name} id="ecard-name" />
          <Field label="性别" value={card.gender} />
          <Field label="国籍" value={card.nationality} />
          <Field label="出生日期" value={formatDay(card.birthDate)} />
          <Field label="证号" value={card.numberMasked} id="ecard-number" />
          <Field label="准驾车型" value={card.classes} id="ecard-classes" />
          <Field label="初次领证" value={formatDay(card.firstIssuedOn)} />
          <Field label="有效期限" value={`${formatDay(card.validFrom)} 至 ${formatDay(card.validUntil)}`} />
          <Field label="档案编号" value={card.archiveNoMasked} />
          <Field label="累积记分" value={`${card.accumulatedPoints} 分`} id="ecard-points" />
          <Field label="发证机关" value={card.issuer} />
        </View>
        {stepUp ? (
          <QrStepUp step={stepUp} />
        ) : (
          <View className="ecard__qr">
            <QrCode id="ecard-qr" value={card.qr.payload} />
            <Text className="ecard__qr-note">二维码每 {card.qr.refreshAfterSeconds} 秒自动更新，供民警扫码核验</Text>
          </View>
        )}
        <Text className="ecard__generated" id="ecard-generated">
          生成时间：{formatDateTime(card.generatedAt)}
        </Text>
        <Watermark />
      </View>
      {failure && !stepUp ? (
        <Text className="sj-field-error ecard-failure" id="ecard-refresh-error" aria-live="polite">
          二维码更新失败：{failure}，将自动重试
        </Text>
      ) : null}
      <View className="ecard-actions">
        {stepUp ? null : (
          <Button
            block
            className="sj-block-button"
            type="primary"
            fill="outline"
            id="ecard-refresh"
            loading={refreshing}
            disabled={refreshing}
            onClick={refresh}
          >
            {refreshing ? '正在更新…' : '刷新二维码'}
          </Button>
        )}
      </View>
    </>
  );
}

/** 电子驾驶证: the card, a QR code that renews itself, and a live clock over it. */
export default function ELicenceCardPage(): JSX.Element {
  const load = useCallback(() => fetchELicenceCard(), []);
  return (
    <PageShell id="page-e-card" className="ecard-page">
      <TrafficStates
        id="ecard"
        load={load}
        here={ROUTES.eCard}
        loginReason="登录后可出示您的电子驾驶证。"
        notFound={{
          codes: ['DRIVING_LICENCE_NOT_FOUND'],
          title: '未查询到您名下的驾驶证',
          note: '取得驾驶证后即可在此出示电子驾驶证。',
        }}
      >
        {(card) => <Card initial={card} />}
      </TrafficStates>
    </PageShell>
  );
}
