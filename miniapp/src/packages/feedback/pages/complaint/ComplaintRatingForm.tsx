import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import type { ComplaintDetail } from '@suijing/shared';
import { rateComplaint } from '@/services/feedback';
import { complaintUrl } from '@/utils/navigation';
import { stepUpUrl } from '@/utils/assurance';
import { Stars } from '../../components/Stars';
import { isBadLevel, levelText } from '../../utils/format';
import { describeSubmitError } from '../../services/submit';
import { COMPLAINT_RATING_COMMENT_MAX, validateComplaintRating, type FieldErrors } from '../../utils/validate';
import { FieldError } from '@/components/FieldError';
import { SubmitButton } from '@/components/SubmitButton';

/** 评: once the complaint was handled, how satisfied the citizen is with the result. */
export function ComplaintRatingForm({
  detail,
  onRated,
}: {
  detail: ComplaintDetail;
  onRated: (next: ComplaintDetail) => void;
}): JSX.Element {
  const [level, setLevel] = useState(0);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors<string>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    const found = validateComplaintRating(level, comment);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    setFailure(null);
    try {
      onRated(await rateComplaint(detail.id, { level, comment: comment.trim() }));
      void Taro.showToast({ title: '评价已提交', icon: 'success' });
    } catch (error) {
      const described = describeSubmitError(error);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, complaintUrl(detail.id)) });
        return;
      }
      setErrors((prev) => ({ ...prev, ...described.fields }));
      setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="sj-card complaint-rate" id="complaint-rate">
      <Text className="complaint-section__title">评价办理结果</Text>
      <Text className="complaint-hint">诉求已办理完成，请对办理结果作出评价，您的评价将用于考核承办部门。</Text>
      <Stars
        id="complaint-rate-level"
        label="办理结果满意度"
        value={level}
        size="large"
        onChange={(next) => {
          setLevel(next);
          setErrors((prev) => ({ ...prev, level: undefined }));
        }}
      />
      <Text
        className={`complaint-rate__level ${isBadLevel(level) ? 'complaint-rate__level--bad' : ''}`}
        id="complaint-rate-level-text"
      >
        {level > 0 ? levelText(level) : '请点击星星评分'}
      </Text>
      <FieldError id="complaint-rate-level-error" message={errors.level} />
      <TextArea
        className="complaint-rate__comment"
        id="complaint-rate-comment"
        value={comment}
        placeholder="说说您对办理结果的看法（选填）"
        maxLength={COMPLAINT_RATING_COMMENT_MAX}
        showCount
        onChange={setComment}
      />
      <FieldError id="complaint-rate-comment-error" message={errors.comment} />
      <FieldError id="complaint-rate-error" message={failure} />
      <SubmitButton
        id="complaint-rate-submit"
        label="提交评价"
        sending={sending}
        onSubmit={() => void submit()}
        className="complaint-rate__submit"
      />
    </View>
  );
}
