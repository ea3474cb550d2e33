import { act, fireEvent, render } from '@testing-library/react';
import type { AddressSummary, DeliveryChoice, IdentityStatus } from '@suijing/shared';
import { useDeliveryStep } from '@/packages/apply/components/DeliveryStep';
import { setAuthenticated } from '@/stores/auth-store';
import { onAddressPicked } from '@/utils/address-picker';
import { goTo } from '@/utils/navigation';
import { itemGuide } from '../fixtures/catalog';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/utils/address-picker', () => ({ onAddressPicked: jest.fn(() => () => undefined) }));
jest.mock('@/utils/navigation', () => ({
  ...jest.requireActual<object>('@/utils/navigation'),
  goTo: jest.fn(),
}));

const IDENTITY = { realNameStatus: 'verified', nameMasked: '张*' } as IdentityStatus;
const NO_CRIME = itemGuide({ name: '无犯罪记录证明开具（本人申请）', deliveryModes: ['electronic', 'post', 'window'] });
const SAVED: AddressSummary = {
  id: 'QzAsNaAQXMUQ5ouL',
  recipient: '李*',
  mobile: '137****4321',
  region: '广东省深圳市南山区',
  detail: '科技园南****',
  isDefault: true,
  updatedAt: '2026-12-06T02:00:00.000Z',
};

function Harness({ out }: { out: { check?: () => number; choice?: () => DeliveryChoice | undefined } }) {
  const step = useDeliveryStep(NO_CRIME, IDENTITY);
  out.check = step.check;
  out.choice = step.choice;
  return <>{step.view}</>;
}

beforeEach(() => setAuthenticated({ ...TEST_USER, realNameStatus: 'verified' }));

describe('apply: 邮寄 to an address of the book', () => {
  it('when 邮寄 is chosen and an address is picked in the book, then it replaces the typed address and is sent by id', async () => {
    // Arrange
    const out: Parameters<typeof Harness>[0]['out'] = {};
    render(<Harness out={out} />);
    fireEvent.click(byId('field-deliveryMode-option-post'));

    // Act
    fireEvent.click(byId('apply-delivery-book'));
    const picked = jest.mocked(onAddressPicked).mock.calls.at(-1)?.[0];
    act(() => picked?.(SAVED));
    let problems = -1;
    await act(async () => {
      problems = out.check?.() ?? -1;
    });

    // Assert
    expect(jest.mocked(goTo)).toHaveBeenCalledWith('/packages/addresses/pages/list/index?pick=1');
    expect(byId('apply-delivery-saved').textContent).toContain('李* 137****4321 广东省深圳市南山区科技园南****');
    expect(document.getElementById('field-deliveryDetail')).toBeNull();
    expect(problems).toBe(0);
    expect(out.choice?.()).toEqual({ mode: 'post', addressId: SAVED.id });
  });

  it('when I go back to typing, then the address fields return and the book choice is dropped', async () => {
    // Arrange
    const out: Parameters<typeof Harness>[0]['out'] = {};
    render(<Harness out={out} />);
    fireEvent.click(byId('field-deliveryMode-option-post'));
    act(() => jest.mocked(onAddressPicked).mock.calls.at(-1)?.[0]?.(SAVED));

    // Act
    fireEvent.click(byId('apply-delivery-type'));
    let problems = -1;
    await act(async () => {
      problems = out.check?.() ?? -1;
    });

    // Assert
    expect(document.getElementById('field-deliveryDetail')).not.toBeNull();
    expect(problems).toBe(4);
  });
});
