import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { SubmitButton, type SubmitButtonProps } from '@/components/SubmitButton';

export interface SubmitBarProps {
  /**
   * The page's BEM block for the bar: it styles `<block>`, `__error`,
   * `__buttons`, `__back` and `__submit` (fixed at the bottom, the submit
   * button twice as wide as the back one).
   */
  block: string;
  /** The failure above the buttons, with its element id. */
  error: { id: string; message: string | null };
  /** The way back to change something (返回修改, 上一步). */
  back: { id: string; label: string; onBack: () => void };
  submit: Omit<SubmitButtonProps, 'block' | 'className'>;
}

/** The bar at the bottom of a last step: what went wrong, a way back, and the button that sends. */
export function SubmitBar({ block, error, back, submit }: SubmitBarProps): JSX.Element {
  return (
    <View className={block}>
      <FieldError id={error.id} className={`${block}__error`} message={error.message} />
      <View className={`${block}__buttons`}>
        <Button className={`${block}__back`} id={back.id} disabled={submit.sending} onClick={back.onBack}>
          {back.label}
        </Button>
        <SubmitButton {...submit} block={false} className={`${block}__submit`} />
      </View>
    </View>
  );
}
