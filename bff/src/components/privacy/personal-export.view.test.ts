import { PersonalExportSchema } from '@suijing/shared';
import type { ApplicationDocument } from '../applications/application.model';
import type { SessionDocument } from '../sessions/session.model';
import type { UserDocument } from '../users/user.model';
import { exportFileName, toPersonalExport, type ExportParts } from './personal-export.view';

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

  it('when the account has no verified identity, then the identity section is empty', () => {
    const copy = toPersonalExport(parts({ identity: null, user: { ...user, realName: undefined } as UserDocument }));

    expect(copy.identity).toBeNull();
  });
});
