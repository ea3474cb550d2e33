import { PersonalExportSchema, type WalletShare } from '@suijing/shared';
import { Types } from 'mongoose';
import type { ApplicationDocument } from '../applications/application.model';
import type { PaymentOrderDocument } from '../payments/payment-order.model';
import type { SessionDocument } from '../sessions/session.model';
import type { UserDocument } from '../users/user.model';
import { exportFileName, toPersonalExport, type ExportParts } from './personal-export.view';
import type { FamilyLinkDocument } from '../family/family-link.model';

const NOW = new Date('2026-11-28T17:30:00Z'); // 01:30 on 29 November in Beijing
const T = new Date('2026-11-01T02:00:00Z');

const user: UserDocument = {
  _id: 'u1',
  phone: '13900000001',
  openid: 'o-wx-1',
  realNameStatus: 'verified',
  realName: { nameSealed: 'sealed', idNumberSealed: 'sealed', idHash: 'h', method: 'face', verifiedAt: T },
  createdAt: T,
} as UserDocument;

const session = {
  _id: 's1',
  userId: 'u1',
  loginMethod: 'sms',
  client: { platform: 'weapp', model: 'iPhone 15' },
  refreshHash: 'secret-hash',
  wechatSessionKey: 'secret-key',
  createdAt: T,
  lastSeenAt: T,
  expiresAt: NOW,
  revokedAt: null,
  revokeReason: null,
  inPersonAt: T,
  inPersonMethod: 'wechat-face',
} as SessionDocument;

const caseDoc = {
  _id: 'GZ2026110100001',
  userId: 'u1',
  idHash: 'h',
  itemCode: '11440100MB2C91234X4000112008000',
  status: 'accepted',
  submittedAt: T,
  steps: 2,
  view: {
    itemName: '居民身份证换领',
    statusText: '已受理',
    submittedAt: T.toISOString(),
    updatedAt: NOW.toISOString(),
  },
} as unknown as ApplicationDocument;

const PAID_AT = new Date('2026-11-02T03:00:00Z');

const paidOrder: PaymentOrderDocument = {
  _id: new Types.ObjectId('6750a1b2c3d4e5f601234567'),
  outTradeNo: 'SJ20261102ABCDEF0123456789',
  userId: 'u1',
  thingKey: 'fee:GZ2026110100001',
  attempt: 1,
  kind: 'fee',
  reference: 'GZ2026110100001',
  title: '普通护照首次申领',
  department: '广州市公安局出入境管理支队',
  platform: 'wxpay',
  channel: 'wxpay-jsapi',
  lines: [{ label: '普通护照工本费', amountFen: 12000 }],
  amountFen: 12000,
  payerTag: 'payer-tag-hash',
  payerMasked: '张*',
  state: 'refunded',
  createdAt: T,
  expiresAt: new Date(T.getTime() + 30 * 60_000),
  paidAt: PAID_AT,
  transactionId: '4200001234202611021234567890',
  receiptNo: '440100260000000001',
  settledBy: 'notice',
  refund: {
    outRefundNo: 'SJ20261102ABCDEF0123456789R1',
    amountFen: 12000,
    reason: '撤回申请退款',
    state: 'refunded',
    requestedAt: NOW,
    refundedAt: NOW,
    refundId: '50300000012026110200000001',
  },
};

function parts(overrides: Partial<ExportParts> = {}): ExportParts {
  return {
    now: NOW,
    user,
    identity: { name: '张三', idNumber: '440105199001011234' },
    sessions: [session],
    bindingHistory: [],
    drafts: [],
    favorites: [{ _id: 'u1:X', userId: 'u1', code: 'X', name: '事项', createdAt: T }],
    cases: [caseDoc],
    packageCases: [],
    materials: [
      {
        _id: 'm_1',
        userId: 'u1',
        fileId: 'f1',
        filename: 'photo.png',
        size: 68,
        mime: 'image/png',
        sha256: 'x',
        uploadedAt: T,
      },
    ],
    messages: [],
    paymentOrders: [],
    addresses: [],
    familyLinks: [],
    walletShares: [],
    dataUse: [],
    retentionDays: 180,
    deletion: { status: 'none' },
    ...overrides,
  };
}

describe('个人信息副本: the copy a person downloads', () => {
  it('when the copy is made, then its file is named for the Beijing day', () => {
    expect(exportFileName(NOW)).toBe('suijing-personal-information-20261129.json');
  });

  it('when the copy is made, then it holds the account and identity in full and fits the documented schema', () => {
    // Act
    const copy = toPersonalExport(parts());

    // Assert
    expect(PersonalExportSchema.parse(copy)).toEqual(copy);
    expect(copy.account).toMatchObject({ userId: 'u1', phone: '13900000001', realNameStatus: 'verified' });
    expect(copy.identity).toEqual({
      name: '张三',
      idNumber: '440105199001011234',
      method: 'face',
      verifiedAt: T.toISOString(),
    });
    expect(copy.cases).toEqual([
      expect.objectContaining({ caseNo: 'GZ2026110100001', itemName: '居民身份证换领', statusText: '已受理' }),
    ]);
    expect(copy.materials).toEqual([
      { materialId: 'm_1', filename: 'photo.png', mime: 'image/png', size: 68, uploadedAt: T.toISOString() },
    ]);
  });

  it('when sessions are in the copy, then devices and in-person checks are there but no credentials', () => {
    // Act
    const copy = toPersonalExport(parts());
    const text = JSON.stringify(copy);

    // Assert
    expect(copy.sessions[0]).toMatchObject({
      id: 's1',
      device: { platform: 'weapp', model: 'iPhone 15' },
      inPersonMethod: 'wechat-face',
      endedAt: null,
    });
    expect(text).not.toContain('secret-hash');
    expect(text).not.toContain('secret-key');
    expect(text).not.toContain('sealed');
  });

  it('when the person keeps addresses, then the copy has each in full, as they typed it', () => {
    // Arrange
    const address = {
      id: 'addr_0123456789abcdef',
      recipient: '张三',
      mobile: '13800138000',
      detail: '天河路100号201房',
      province: '广东省',
      city: '广州市',
      district: '天河区',
      districtCode: '440106',
      isDefault: true,
      createdAt: T,
      updatedAt: NOW,
    };

    // Act
    const copy = toPersonalExport(parts({ addresses: [address] }));

    // Assert
    expect(PersonalExportSchema.parse(copy)).toEqual(copy);
    expect(copy.addresses).toEqual([{ ...address, createdAt: T.toISOString(), updatedAt: NOW.toISOString() }]);
  });

  it('when the person acts for family and a relative may act for them, then the copy lists both sides, names masked, no ID numbers', () => {
    // Arrange
    const link: FamilyLinkDocument = {
      _id: 'link_1',
      actorUserId: 'u1',
      actorIdHash: 'a',
      actorNameMasked: '张*',
      memberIdHash: 'm',
      memberNameMasked: '张**',
      memberIdNumberMasked: '4401**********1234',
      memberSealed: 'sealed-name-and-number',
      memberBirthDate: '2018-03-01',
      relation: 'son',
      kind: 'minor',
      status: 'active',
      proof: 'birth-certificate',
      invitation: null,
      createdAt: T,
      activatedAt: T,
      endedAt: null,
    };
    const forMe: FamilyLinkDocument = {
      ...link,
      _id: 'link_2',
      actorUserId: 'u9',
      actorNameMasked: '李*',
      relation: 'spouse',
      kind: 'adult',
    };

    // Act
    const copy = toPersonalExport(parts({ familyLinks: [link, forMe] }));

    // Assert
    expect(PersonalExportSchema.parse(copy)).toEqual(copy);
    expect(copy.family.map((f) => [f.role, f.otherNameMasked, f.relation, f.status, f.proof])).toEqual([
      ['actor', '张**', 'son', 'active', 'birth-certificate'],
      ['member', '李*', 'spouse', 'active', 'birth-certificate'],
    ]);
    expect(JSON.stringify(copy)).not.toContain('sealed-name-and-number');
  });

  it('when the person showed a certificate (出示), then the copy lists what was shown, why, until when and who checked it, never the token or values', () => {
    // Arrange: the wallet's view of a link (values and token are never in it; the id and item id are internal)
    const share: WalletShare = {
      shareId: 'share-id-internal',
      itemId: 'item-id-internal',
      kind: 'residence-permit',
      credentialName: '广东省居住证',
      purpose: '租房',
      fields: [
        { key: 'name', label: '姓名' },
        { key: 'permitValid', label: '持有有效居住证' },
      ],
      createdAt: T.toISOString(),
      expiresAt: NOW.toISOString(),
      state: 'revoked',
      revokedAt: NOW.toISOString(),
      uses: [{ at: T.toISOString(), verifierName: '天河房东' }],
    };

    // Act
    const copy = toPersonalExport(parts({ walletShares: [share] }));

    // Assert
    expect(PersonalExportSchema.parse(copy)).toEqual(copy);
    expect(copy.walletShares).toEqual([
      {
        credentialName: '广东省居住证',
        purpose: '租房',
        fields: ['姓名', '持有有效居住证'],
        createdAt: T.toISOString(),
        expiresAt: NOW.toISOString(),
        state: 'revoked',
        revokedAt: NOW.toISOString(),
        uses: [{ at: T.toISOString(), verifierName: '天河房东' }],
      },
    ]);
    expect(JSON.stringify(copy.walletShares)).not.toMatch(/share-id-internal|item-id-internal|permitValid/);
  });

  it('when a link was never revoked, then its revokedAt is null in the copy', () => {
    const share = {
      shareId: 's',
      itemId: 'i',
      kind: 'identity',
      credentialName: '实人认证',
      purpose: '入职',
      fields: [{ key: 'verified', label: '已通过实人认证' }],
      createdAt: T.toISOString(),
      expiresAt: NOW.toISOString(),
      state: 'expired',
      uses: [],
    } satisfies WalletShare;

    const copy = toPersonalExport(parts({ walletShares: [share] }));

    expect(copy.walletShares[0]).toMatchObject({ state: 'expired', revokedAt: null, uses: [] });
  });

  it('when the person paid and was refunded, then the copy has what, how much, when, the refund and the receipt, but no payer tag or trade numbers', () => {
    // Act
    const copy = toPersonalExport(parts({ paymentOrders: [paidOrder] }));
    const text = JSON.stringify(copy);

    // Assert
    expect(PersonalExportSchema.parse(copy)).toEqual(copy);
    expect(copy.payments).toEqual([
      {
        orderId: '6750a1b2c3d4e5f601234567',
        kind: 'fee',
        title: '普通护照首次申领',
        reference: 'GZ2026110100001',
        department: '广州市公安局出入境管理支队',
        platform: 'wxpay',
        lines: [{ label: '普通护照工本费', amountFen: 12000 }],
        amountFen: 12000,
        state: 'refunded',
        createdAt: T.toISOString(),
        paidAt: PAID_AT.toISOString(),
        closedAt: null,
        receiptNo: '44010026-0000000001',
        refund: {
          amountFen: 12000,
          reason: '撤回申请退款',
          state: 'refunded',
          requestedAt: NOW.toISOString(),
          refundedAt: NOW.toISOString(),
        },
      },
    ]);
    for (const hidden of [
      'payer-tag-hash',
      paidOrder.transactionId,
      paidOrder.outTradeNo,
      '50300000012026110200000001',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('when an order was never paid, then it shows as closed without payment, receipt or refund', () => {
    // Arrange
    const closedAt = new Date(T.getTime() + 31 * 60_000);
    const { paidAt: _paid, transactionId: _tx, receiptNo: _receipt, refund: _refund, ...unpaid } = paidOrder;

    // Act
    const copy = toPersonalExport(parts({ paymentOrders: [{ ...unpaid, state: 'closed', closedAt }] }));

    // Assert
    expect(copy.payments[0]).toMatchObject({
      state: 'closed',
      paidAt: null,
      closedAt: closedAt.toISOString(),
      receiptNo: null,
      refund: null,
    });
  });

  it('when the account has no verified identity, then the identity section is empty', () => {
    const copy = toPersonalExport(parts({ identity: null, user: { ...user, realName: undefined } as UserDocument }));

    expect(copy.identity).toBeNull();
  });
});
