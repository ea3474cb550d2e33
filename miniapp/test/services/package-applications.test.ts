import type { PackageForm } from '@suijing/shared';
import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { fetchPackageForm, retryPackageApplication, submitPackageApplication } from '@/services/package-applications';
import { packageMaterials } from '@/packages/apply/pages/package-form/package-data';
import { taroStub } from '../stubs/taro';

const RESULT = {
  packageCaseNo: 'YJS20261128ABCDEF0123',
  packageCode: 'birth',
  name: '出生一件事',
  submittedAt: '2026-11-28T00:00:00Z',
  complete: true,
  members: [],
};

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

describe('一件事 services', () => {
  it('when the package form is fetched, then it asks the package form path', async () => {
    // Arrange
    taroStub.request.mockResolvedValueOnce({ statusCode: 200, data: { packageCode: 'birth' }, header: {} });

    // Act
    await fetchPackageForm('birth');

    // Assert
    expect(taroStub.request.mock.calls[0]?.[0].url).toContain('/api/v1/packages/birth/form');
  });

  it('when a package application is submitted, then the body and Idempotency-Key are sent', async () => {
    // Arrange
    taroStub.request.mockResolvedValueOnce({ statusCode: 201, data: RESULT, header: {} });
    const request = {
      data: { xm: '张三' },
      materials: [{ name: '身份证', source: 'upload' as const, materialId: 'm1' }],
    };

    // Act
    const answer = await submitPackageApplication('birth', request, 'key-12345678');

    // Assert
    expect(answer.packageCaseNo).toBe(RESULT.packageCaseNo);
    const call = taroStub.request.mock.calls[0]?.[0];
    expect(call?.url).toContain('/api/v1/packages/birth/applications');
    expect(call?.method).toBe('POST');
    expect(call?.header?.['Idempotency-Key']).toBe('key-12345678');
    expect(call?.data).toEqual(request);
  });

  it('when a retry is asked, then it posts to the package case retry path', async () => {
    // Arrange
    taroStub.request.mockResolvedValueOnce({ statusCode: 200, data: RESULT, header: {} });

    // Act
    await retryPackageApplication(RESULT.packageCaseNo);

    // Assert
    const call = taroStub.request.mock.calls[0]?.[0];
    expect(call?.url).toContain(`/api/v1/package-applications/${RESULT.packageCaseNo}/retry`);
    expect(call?.method).toBe('POST');
  });

  it('when package materials are adapted, then required ones are 必要 and name the member items', () => {
    // Arrange
    const form = {
      materials: [
        { name: '出生医学证明', required: true, forItems: ['A'] },
        { name: '结婚证', required: false, forItems: [] },
      ],
      members: [{ itemCode: 'A', itemName: '出生登记', department: '公安', online: true }],
    } as unknown as PackageForm;

    // Act
    const materials = packageMaterials(form);

    // Assert
    expect(materials.map((m) => m.necessity)).toEqual(['required', 'conditional']);
    expect(materials[0]?.spec).toBe('用于：出生登记');
    expect(materials[1]?.eLicence.reusable).toBe(false);
  });
});
