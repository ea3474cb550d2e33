import { act, fireEvent, render, waitFor } from '@testing-library/react';
import FamilyPage from '@/packages/family/pages/index';
import AddChildPage from '@/packages/family/pages/add-child';
import AddAdultPage from '@/packages/family/pages/add-adult';
import MemberPage from '@/packages/family/pages/member';
import PickPage from '@/packages/family/pages/pick';
import { ApiError } from '@/services/api-error';
import { fetchItemGuide, listItems } from '@/services/catalog';
import {
  addAdult,
  addChild,
  confirmMember,
  fetchMember,
  fetchMemberWallet,
  listAuthorisations,
  listFamily,
  listInvitations,
  listMemberCases,
  removeMember,
  withdrawAuthorisation,
} from '@/services/family';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { itemGuide, itemPage, itemSummary } from '../fixtures/catalog';
import { authorisation, familyMember, invitation, pendingParent } from '../fixtures/family';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';
import { routerStub, taroStub } from '../stubs/taro';

jest.mock('@/services/family', () => ({
  listFamily: jest.fn(),
  fetchMember: jest.fn(),
  addChild: jest.fn(),
  addAdult: jest.fn(),
  confirmMember: jest.fn(),
  removeMember: jest.fn(),
  listMemberCases: jest.fn(),
  fetchMemberWallet: jest.fn(),
  listInvitations: jest.fn(),
  acceptInvitation: jest.fn(),
  declineInvitation: jest.fn(),
  listAuthorisations: jest.fn(),
  withdrawAuthorisation: jest.fn(),
}));
jest.mock('@/services/catalog', () => ({
  ...jest.requireActual<object>('@/services/catalog'),
  fetchItemGuide: jest.fn(),
  listItems: jest.fn(),
}));

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

function typeInto(key: string, value: string): void {
  const host = byId(`field-${key}-input`);
  const field = (host.matches('input, textarea') ? host : host.querySelector('input, textarea')) as HTMLInputElement;
  fireEvent.change(field, { target: { value } });
  fireEvent.input(field, { target: { value } });
}

const SON = familyMember();
const MUM = pendingParent();
const HOUSEHOLD_PROOF = itemGuide({
  code: '440100000000HJZM0005',
  name: '户籍证明（户籍信息证明）',
  onBehalf: 'family',
});
const PASSPORT = itemGuide({ code: '440100000000HZHZ0001', name: '普通护照签发', onBehalf: 'minors' });

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified' });
  routerStub.params = {};
  jest.mocked(listFamily).mockResolvedValue({ members: [SON, MUM], limit: 8 });
  jest.mocked(listInvitations).mockResolvedValue({ items: [] });
  jest.mocked(listAuthorisations).mockResolvedValue({ items: [] });
});

describe('我的家人', () => {
  it('when members, an invitation and an authorisation exist, then each shows with its short status and what I may do', async () => {
    // Arrange
    jest.mocked(listInvitations).mockResolvedValue({ items: [invitation()] });
    jest.mocked(listAuthorisations).mockResolvedValue({ items: [authorisation()] });

    // Act
    render(<FamilyPage />);
    await shown('family-members');

    // Assert
    expect(text('family-count')).toContain('2/8');
    expect(text(`family-member-${SON.memberId}-status`)).toBe('已生效');
    expect(text(`family-member-${SON.memberId}`)).toContain('儿子 · 8 岁 · 未成年');
    expect(text(`family-member-${MUM.memberId}`)).toContain('139****0001');
    expect(text('family-invitations')).toContain('陈* 申请作为您的父母代您办事');
    expect(text('family-authorisations')).toContain('赵*（子女）');
  });

  it('when the pending SMS invitation is tapped, then its code step opens; an active member opens their page', async () => {
    // Arrange
    render(<FamilyPage />);
    await shown('family-members');

    // Act
    fireEvent.click(byId(`family-member-${MUM.memberId}`));
    fireEvent.click(byId(`family-member-${SON.memberId}`));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: `/packages/family/pages/add-adult/index?memberId=${MUM.memberId}`,
    });
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: `/packages/family/pages/member/index?memberId=${SON.memberId}`,
    });
  });

  it('when an authorisation is withdrawn and confirmed, then the service is asked and the lists load again', async () => {
    // Arrange
    jest.mocked(listAuthorisations).mockResolvedValue({ items: [authorisation()] });
    jest.mocked(withdrawAuthorisation).mockResolvedValue(undefined);
    render(<FamilyPage />);
    await shown('family-authorisations');

    // Act
    fireEvent.click(byId('family-authorisation-fa_actor00000000001-withdraw'));
    await shown('family-withdraw-dialog-confirm');
    fireEvent.click(byId('family-withdraw-dialog-confirm'));

    // Assert
    await waitFor(() => expect(withdrawAuthorisation).toHaveBeenCalledWith('fa_actor00000000001'));
    await waitFor(() => expect(jest.mocked(listFamily).mock.calls.length).toBeGreaterThanOrEqual(2));
  });

  it('when eight members are listed, then adding more is switched off and the limit is said', async () => {
    // Arrange
    const many = Array.from({ length: 8 }, (_, n) => familyMember({ memberId: `fm_child00000000000${n}` }));
    jest.mocked(listFamily).mockResolvedValue({ members: many, limit: 8 });

    // Act
    render(<FamilyPage />);
    await shown('family-members');

    // Assert
    expect(document.getElementById('family-add-child')?.className).toContain('disabled');
    expect(document.querySelector('.family-add__note')?.textContent).toContain('最多可添加 8 位家人');
  });
});

describe('添加未成年子女', () => {
  it('when 核验并添加 is tapped with nothing typed, then each field says what is missing and nothing is sent', async () => {
    // Arrange
    render(<AddChildPage />);

    // Act
    fireEvent.click(byId('add-child-submit'));

    // Assert
    await shown('field-name-error');
    expect(text('field-idNumber-error')).toContain('身份证号码');
    expect(text('field-relation-error')).toContain('与您的关系');
    expect(addChild).not.toHaveBeenCalled();
  });

  it('when the child is proven, then the request carries the typed values with a key and the member page opens', async () => {
    // Arrange
    jest.mocked(addChild).mockResolvedValue(SON);
    render(<AddChildPage />);
    typeInto('name', ' 王小明 ');
    typeInto('idNumber', '440106201803011237');
    fireEvent.click(byId('field-relation-option-son'));

    // Act
    fireEvent.click(byId('add-child-submit'));

    // Assert
    await waitFor(() => expect(addChild).toHaveBeenCalled());
    const [request, key] = jest.mocked(addChild).mock.calls[0] ?? [];
    expect(request).toEqual({ name: '王小明', idNumber: '440106201803011237', relation: 'son' });
    expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
    await waitFor(() =>
      expect(taroStub.redirectTo).toHaveBeenCalledWith({
        url: `/packages/family/pages/member/index?memberId=${SON.memberId}`,
      }),
    );
  });

  it('when the register proves no guardianship, then the refusal is shown under the button', async () => {
    // Arrange
    jest
      .mocked(addChild)
      .mockRejectedValue(
        new ApiError({ status: 422, code: 'FAMILY_PROOF_MISSING', message: '未能核实您与该子女的监护关系' }),
      );
    render(<AddChildPage />);
    typeInto('name', '王小明');
    typeInto('idNumber', '440106201803011237');
    fireEvent.click(byId('field-relation-option-son'));

    // Act
    fireEvent.click(byId('add-child-submit'));

    // Assert
    await shown('add-child-error');
    expect(text('add-child-error')).toBe('未能核实您与该子女的监护关系');
  });
});

describe('添加成年家人', () => {
  it('when an adult is invited by SMS, then the code step follows and the typed code confirms the link', async () => {
    // Arrange
    jest.mocked(addAdult).mockResolvedValue(MUM);
    jest.mocked(confirmMember).mockResolvedValue({ ...MUM, status: 'active' });
    render(<AddAdultPage />);
    typeInto('name', '李秀兰');
    typeInto('idNumber', '440106196001010028');
    fireEvent.click(byId('field-relation-option-parent'));
    fireEvent.click(byId('add-adult-submit'));
    await shown('add-adult-code-step');

    // Act
    typeInto('code', '123456');
    fireEvent.click(byId('add-adult-confirm'));

    // Assert
    expect(jest.mocked(addAdult).mock.calls[0]?.[0]).toEqual({
      name: '李秀兰',
      idNumber: '440106196001010028',
      relation: 'parent',
      method: 'sms',
    });
    expect(text('add-adult-code-step')).toContain('139****0001');
    await waitFor(() => expect(confirmMember).toHaveBeenCalledWith(MUM.memberId, '123456'));
  });

  it('when a wrong code is typed, then the BFF refusal shows and the step stays', async () => {
    // Arrange
    routerStub.params = { memberId: MUM.memberId };
    jest.mocked(fetchMember).mockResolvedValue(MUM);
    jest
      .mocked(confirmMember)
      .mockRejectedValue(new ApiError({ status: 400, code: 'SMS_CODE_INVALID', message: '验证码不正确' }));
    render(<AddAdultPage />);
    await shown('add-adult-code-step');

    // Act
    typeInto('code', '000000');
    fireEvent.click(byId('add-adult-confirm'));

    // Assert
    await shown('add-adult-confirm-error');
    expect(text('add-adult-confirm-error')).toBe('验证码不正确');
    expect(taroStub.redirectTo).not.toHaveBeenCalled();
  });
});

describe('为家人办理 (member picker)', () => {
  it('when the item is for minors only, then the adult is shown with the reason and only the child can be chosen', async () => {
    // Arrange
    routerStub.params = { code: PASSPORT.code };
    jest.mocked(fetchItemGuide).mockResolvedValue({ item: PASSPORT } as Awaited<ReturnType<typeof fetchItemGuide>>);
    jest.mocked(listFamily).mockResolvedValue({
      members: [SON, familyMember({ memberId: 'fm_dad0000000000001', kind: 'adult', relationText: '父母', age: 70 })],
      limit: 8,
    });
    render(<PickPage />);
    await shown('pick-members');

    // Act
    fireEvent.click(byId('pick-member-fm_dad0000000000001'));
    fireEvent.click(byId(`pick-member-${SON.memberId}`));

    // Assert
    expect(text('pick-member-fm_dad0000000000001')).toContain('仅可由监护人为未成年人代办');
    expect(taroStub.redirectTo).toHaveBeenCalledTimes(1);
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `/packages/apply/pages/form/index?code=${PASSPORT.code}&memberId=${SON.memberId}`,
    });
  });
});

describe('家人 (member page)', () => {
  beforeEach(() => {
    routerStub.params = { memberId: SON.memberId };
    jest.mocked(fetchMember).mockResolvedValue(SON);
    jest.mocked(listItems).mockResolvedValue(itemPage([itemSummary(HOUSEHOLD_PROOF), itemSummary(PASSPORT)], 1, false));
    jest
      .mocked(fetchItemGuide)
      .mockImplementation(async (code) => ({ item: code === PASSPORT.code ? PASSPORT : HOUSEHOLD_PROOF }) as never);
    jest.mocked(listMemberCases).mockResolvedValue({
      items: [
        {
          caseNo: '2026120644010000000001',
          itemCode: HOUSEHOLD_PROOF.code,
          itemName: HOUSEHOLD_PROOF.name,
          status: 'submitted',
          statusText: '已提交',
          submittedAt: '2026-12-06T02:00:00.000Z',
          updatedAt: '2026-12-06T02:00:00.000Z',
          promisedDate: '2026-12-10',
          subject: { nameMasked: '王*', relationText: '儿子' },
          actor: { nameMasked: '王*明' },
        },
      ],
      page: 1,
      pageSize: 20,
      total: 1,
      hasMore: false,
    });
    jest
      .mocked(fetchMemberWallet)
      .mockRejectedValue(new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '证照系统暂时无法访问' }));
  });

  it('when the son is opened, then the items for him, his cases with who acted, and a failed certificate list with 重试 show', async () => {
    // Act
    render(<MemberPage />);
    await shown('member-case-2026120644010000000001');
    await shown('member-wallet-error');
    await shown(`member-act-${PASSPORT.code}`);

    // Assert
    expect(text('member-proof')).toContain('出生医学证明');
    expect(text('member-case-2026120644010000000001')).toContain('代办人：王*明');
    expect(document.getElementById('member-wallet-error-retry')).not.toBeNull();
    fireEvent.click(byId(`member-act-${HOUSEHOLD_PROOF.code}`));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: `/packages/apply/pages/form/index?code=${HOUSEHOLD_PROOF.code}&memberId=${SON.memberId}`,
    });
  });

  it('when 移除家人 is confirmed, then the link is removed and 我的家人 shows again', async () => {
    // Arrange
    jest.mocked(removeMember).mockResolvedValue(undefined);
    render(<MemberPage />);
    await shown('member-remove');

    // Act
    fireEvent.click(byId('member-remove'));
    await shown('member-remove-dialog-confirm');
    await act(async () => {
      fireEvent.click(byId('member-remove-dialog-confirm'));
    });

    // Assert
    expect(removeMember).toHaveBeenCalledWith(SON.memberId);
    await waitFor(() =>
      expect(taroStub.redirectTo).toHaveBeenCalledWith({ url: '/packages/family/pages/index/index' }),
    );
  });

  it('when the member is gone (removed elsewhere), then the page says so', async () => {
    // Arrange
    jest.mocked(fetchMember).mockResolvedValue(null);

    // Act
    render(<MemberPage />);

    // Assert
    await shown('member-not-found');
  });
});
