import { act, fireEvent, render } from '@testing-library/react';
import type { DeliveryChoice, IdentityStatus, ItemGuide } from '@suijing/shared';
import { useDeliveryStep } from '@/packages/apply/components/DeliveryStep';
import { setAuthenticated } from '@/stores/auth-store';
import { itemGuide } from '../fixtures/catalog';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

const IDENTITY = { realNameStatus: 'verified', nameMasked: '张*' } as IdentityStatus;
const NO_CRIME = itemGuide({ name: '无犯罪记录证明开具（本人申请）', deliveryModes: ['electronic', 'post', 'window'] });

/** The step as the form holds it: its card, and what 下一步 asks of it. */
function Harness({
  item,
  out,
}: {
  item: ItemGuide;
  out: { check?: () => number; choice?: () => DeliveryChoice | undefined };
}) {
  const step = useDeliveryStep(item, IDENTITY);
  out.check = step.check;
  out.choice = step.choice;
  return <>{step.view}</>;
}

const type = (key: string, value: string): void => {
  const box = byId(`field-${key}-input`);
  const input = (box.matches('input') ? box : box.querySelector('input')) as HTMLInputElement;
  fireEvent.input(input, { target: { value } });
};

beforeEach(() => setAuthenticated({ ...TEST_USER, realNameStatus: 'verified' }));

describe('apply: how the result reaches me', () => {
  it('when the guide offers 电子证明, 邮寄 and 窗口领取, then they are offered, the usual one chosen, no address asked', () => {
    // Arrange
    const out: Parameters<typeof Harness>[0]['out'] = {};

    // Act
    render(<Harness item={NO_CRIME} out={out} />);

    // Assert
    expect(byId('field-deliveryMode-option-electronic').getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById('field-deliveryMode-option-post')).not.toBeNull();
    expect(document.getElementById('field-deliveryMode-option-window')).not.toBeNull();
    expect(document.getElementById('field-deliveryDetail')).toBeNull();
    expect(out.choice?.()).toEqual({ mode: 'electronic' });
  });

  it('when 邮寄 is chosen, then the address is asked in parts, checked, and sent with the recipient shown masked', async () => {
    // Arrange
    const out: Parameters<typeof Harness>[0]['out'] = {};
    render(<Harness item={NO_CRIME} out={out} />);
    fireEvent.click(byId('field-deliveryMode-option-post'));

    // Act
    let problems = 0;
    await act(async () => {
      problems = out.check?.() ?? -1;
    });
    const empty = byId('field-deliveryDetail').textContent ?? '';
    type('deliveryProvince', '广东省');
    type('deliveryCity', '广州市');
    type('deliveryDistrict', '天河区');
    type('deliveryDetail', ' 天河路100号201房 ');

    // Assert
    expect(problems).toBe(4);
    expect(empty).toContain('请填写详细地址');
    expect(byId('apply-delivery-recipient').textContent).toContain('张*');
    expect(byId('apply-delivery-recipient').textContent).toContain('138****1234');
    await act(async () => {
      problems = out.check?.() ?? -1;
    });
    expect(problems).toBe(0);
    expect(out.choice?.()).toEqual({
      mode: 'post',
      address: { province: '广东省', city: '广州市', district: '天河区', detail: '天河路100号201房' },
    });
  });

  it('when the guide offers no choice, then the form has no such step and sends none', () => {
    // Arrange
    const out: Parameters<typeof Harness>[0]['out'] = {};

    // Act
    render(<Harness item={itemGuide()} out={out} />);
    let problems = -1;
    act(() => {
      problems = out.check?.() ?? -1;
    });

    // Assert
    expect(document.getElementById('apply-delivery')).toBeNull();
    expect(problems).toBe(0);
    expect(out.choice?.()).toBeUndefined();
  });
});
