import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApplicationDetail, Rating } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { ApiError } from '@/services/api-error';
import { fetchApplication } from '@/services/applications';
import { fetchRating } from '@/services/feedback';
import { isRatable } from '@/utils/case-format';
import { caseUrl, goTo, rateUrl, routeParam } from '@/utils/navigation';
import { FeedbackStates } from '../../components/FeedbackStates';
import { RatingForm } from './RatingForm';
import { RatingView } from './RatingView';
import './index.scss';

interface RatePageData {
  /** Null while the case has not been rated. */
  rating: Rating | null;
  /** For the header and to say up front that an open case cannot be rated; null if it could not be read. */
  detail: ApplicationDetail | null;
}

async function load(caseNo: string): Promise<RatePageData> {
  const [rating, detail] = await Promise.all([
    fetchRating(caseNo).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'RATING_NOT_FOUND') return null;
      throw error;
    }),
    // Only for the words around the form: the rating's answer decides what the page shows.
    fetchApplication(caseNo).catch(() => null),
  ]);
  return { rating, detail };
}

function RateContent({
  caseNo,
  data,
  onSaved,
  onAlreadyRated,
}: {
  caseNo: string;
  data: RatePageData;
  onSaved: (rating: Rating) => void;
  onAlreadyRated: (message: string) => void;
}): JSX.Element {
  const { rating, detail } = data;
  return (
    <>
      <View className="rate-head" id="rate-head">
        <Text className="rate-head__name">{detail?.itemName ?? '办件评价'}</Text>
        <Text className="rate-head__note" id="rate-case-no">
          办件编号 {caseNo}
        </Text>
      </View>
      {rating ? <RatingView rating={rating} /> : null}
      {!rating && detail && !isRatable(detail.status) ? (
        <EmptyState
          id="rate-not-allowed"
          title="办件办结后才能评价"
          note={`该办件当前状态为「${detail.statusText}」，办结后欢迎您对办理服务作出评价。`}
        >
          <Button className="sj-block-button" type="primary" fill="outline" onClick={() => goTo(caseUrl(caseNo))}>
            查看办件进度
          </Button>
        </EmptyState>
      ) : null}
      {!rating && (!detail || isRatable(detail.status)) ? (
        <RatingForm caseNo={caseNo} onSaved={onSaved} onAlreadyRated={onAlreadyRated} />
      ) : null}
    </>
  );
}

/** 办件评价 (`?caseNo=`): the rating given, with its 差评 follow-up; or the form for a finished case. */
export default function RatePage(): JSX.Element {
  const caseNo = routeParam(useRouter().params, 'caseNo');
  const loader = useCallback(() => load(caseNo), [caseNo]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <PageShell id="page-rate">
      {notice ? (
        <Text className="rate-notice" id="rate-notice" aria-live="polite">
          {notice}
        </Text>
      ) : null}
      <FeedbackStates
        id="rate"
        load={loader}
        here={rateUrl(caseNo)}
        loginReason="登录后可对您办结的办件作出评价。"
        notFound={{
          codes: ['CASE_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该办件',
          note: '请在「我的办件」中选择要评价的办件。',
        }}
      >
        {(data, reload, replace) => (
          <RateContent
            caseNo={caseNo}
            data={data}
            onSaved={(rating) => {
              setNotice(rating.bad ? '评价已提交，我们将在 15 个工作日内核实整改并回访' : '评价已提交，感谢您的反馈');
              replace({ ...data, rating });
            }}
            onAlreadyRated={(message) => {
              // Rated meanwhile (another device, an earlier tap): show what was saved.
              setNotice(message);
              reload();
            }}
          />
        )}
      </FeedbackStates>
    </PageShell>
  );
}
