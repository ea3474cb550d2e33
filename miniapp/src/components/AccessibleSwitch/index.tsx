import { Switch } from '@nutui/nutui-react-taro';

interface AccessibleSwitchProps {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What it switches, for screen readers (the visible label sits beside it). */
  label: string;
  disabled?: boolean;
}

/**
 * NutUI's Switch names its role the mini-program way (`aria-role`, which
 * WeChat reads); a browser ignores that attribute, so on H5 its aria-checked
 * hung on a role-less element (invalid ARIA). There it gets a real role.
 */
const ROLE = process.env.TARO_ENV === 'h5' ? { ariaRole: undefined, role: 'switch' } : {};

export function AccessibleSwitch({
  id,
  checked,
  onChange,
  label,
  disabled = false,
}: AccessibleSwitchProps): JSX.Element {
  return <Switch id={id} checked={checked} onChange={onChange} disabled={disabled} ariaLabel={label} {...ROLE} />;
}
