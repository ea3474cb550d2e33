import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import type { Rating } from '@suijing/shared';
import { ApiError } from '@/services/api-error';
import { submitRating } from '@/services/feedback';
import { rateUrl } from '@/utils/navigation';
import { stepUpUrl } from '@/utils/assurance';
import { Stars } from '../../components/Stars';
import { BAD_REVIEW_HINT, isBadLevel, levelText, RATING_ASPECTS, type AspectKey } from '../../utils/format';
import { describeSubmitError } from '../../services/submit';
import {
  emptyRating,
  RATING_COMMENT_MAX,
  validateRating,
  type FieldErrors,
  type RatingErrorKey,
  type RatingInput,
} from '../../utils/validate';
import { FieldError } from '@/components/FieldError';
import { SubmitButton } from '@/components/SubmitButton';

interface RatingFormProps {
  caseNo: string;
  onSaved: (rating: Rating) => void;
  /** 409 ALREADY_RATED: the page shows the rating that was saved, with this message. */
  onAlreadyRated: (message: string) => void;
}

/** 好差评 of a finished case: the overall level, the four sub-scores and a comment (required for 差评). */
export function RatingForm({ caseNo, onSaved, onAlreadyRated }: RatingFormProps): JSX.Element {
  const [input, setInput] = useState<RatingInput>(emptyRating);
  const [errors, setErrors] = useState<FieldErrors<RatingErrorKey>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const bad = isBadLevel(input.level);

  // A field's message is refreshed once it was shown, so it goes away as soon as it is fixed.
  const update = (next: RatingInput, keys: RatingErrorKey[]): void => {
    setInput(next);
    const found = validateRating(next);
    setErrors((prev) => {
      const out = { ...prev };
      for (const key of keys) if (prev[key] !== undefined || key === 'level') out[key] = found[key];
      return out;
    });
  };

  const chooseLevel = (level: number): void => update({ ...input, level }, ['level', 'comment']);
  const chooseAspect = (key: AspectKey, level: number): void =>
    update({ ...input, aspects: { ...input.aspects, [key]: level } }, [`aspects.${key}`]);

  const submit = async (): Promise<void> => {
    const found = validateRating(input);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '还有评价项需要填写', icon: 'none' });
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      onSaved(await submitRating(caseNo, { ...input, comment: input.comment.trim() }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ALREADY_RATED') {
        onAlreadyRated(error.message);
        return;
      }
      const described = describeSubmitError(error);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, rateUrl(caseNo)) });
        return;
      }
      setErrors((prev) => ({ ...prev, ...described.fields }));
      setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <View id="rate-form">
      <View className="sj-card rate-card">
        <Text className="rate-card__title">整体满意度</Text>
        <Stars id="rate-level" label="整体满意度" value={input.level} onChange={chooseLevel} size="large" />
        <Text className={`rate-level-text ${bad ? 'rate-level-text--bad' : ''}`} id="rate-level-text">
          {input.level > 0 ? levelText(input.level) : '请点击星星评分：5 星非常满意，1 星非常不满意'}
        </Text>
        <FieldError id="rate-level-error" message={errors.level} />
      </View>

      <View className="sj-card rate-card" id="rate-aspects">
        <Text className="rate-card__title">分项评价</Text>
        {RATING_ASPECTS.map((aspect) => {
          const error = errors[`aspects.${aspect.key}`];
          const value = input.aspects[aspect.key];
          return (
            <View className="rate-aspect" key={aspect.key} id={`rate-aspect-${aspect.key}`}>
              <View className="rate-aspect__row">
                <Text className="rate-aspect__label">{aspect.text}</Text>
                <Text className="rate-aspect__value" id={`rate-aspect-${aspect.key}-text`}>
                  {value > 0 ? levelText(value) : '未评分'}
                </Text>
              </View>
              <Stars
                id={`rate-aspect-${aspect.key}-stars`}
                label={aspect.text}
                value={value}
                onChange={(level) => chooseAspect(aspect.key, level)}
              />
              {error ? (
                <Text className="sj-field-error" id={`rate-aspect-${aspect.key}-error`} aria-live="polite">
                  {error}
                </Text>
              ) : null}
            </View>
          );
        })}
      </View>

      <View className="sj-card rate-card">
        <Text className="rate-card__title">
          评价内容{bad ? <Text className="rate-card__required">（差评必填）</Text> : '（选填）'}
        </Text>
        {bad ? (
          <Text className="rate-hint" id="rate-comment-hint">
            {BAD_REVIEW_HINT}
          </Text>
        ) : null}
        <TextArea
          className="rate-textarea"
          id="rate-comment"
          value={input.comment}
          placeholder={bad ? '请写明不满意的原因，如：窗口等候时间过长' : '说说您的办事体验（选填）'}
          maxLength={RATING_COMMENT_MAX}
          showCount
          onChange={(comment) => update({ ...input, comment }, ['comment'])}
          onBlur={() => setErrors((prev) => ({ ...prev, comment: validateRating(input).comment }))}
        />
        <FieldError id="rate-comment-error" message={errors.comment} />
      </View>

      <View className="rate-actions">
        <FieldError id="rate-submit-error" className="rate-actions__error" message={failure} />
        <SubmitButton id="rate-submit" label="提交评价" sending={sending} onSubmit={() => void submit()} />
      </View>
    </View>
  );
}
