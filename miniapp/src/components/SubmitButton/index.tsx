import { Button } from '@nutui/nutui-react-taro';

export interface SubmitButtonProps {
  id: string;
  /** What the button says before a submission (提交评价, 确认预约). */
  label: string;
  /** A submission is under way: the button spins, is off and says 正在提交…. */
  sending: boolean;
  /** The last submission failed: the button says 重新提交 (left out where the form says it otherwise). */
  failed?: boolean;
  onSubmit: () => void;
  /** A full-width `sj-block-button` (the default), or a bar's button with its own `className`. */
  block?: boolean;
  className?: string;
}

/** The primary button that sends a form. */
export function SubmitButton(props: SubmitButtonProps): JSX.Element {
  const { id, label, sending, failed = false, onSubmit, block = true, className } = props;
  const classes = block ? ['sj-block-button', className] : [className];
  return (
    <Button
      block={block}
      className={classes.filter(Boolean).join(' ')}
      type="primary"
      id={id}
      loading={sending}
      disabled={sending}
      onClick={onSubmit}
    >
      {sending ? '正在提交…' : failed ? '重新提交' : label}
    </Button>
  );
}
