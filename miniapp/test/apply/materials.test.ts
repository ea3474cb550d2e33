import type { Material } from '@suijing/shared';
import { exemptSummary } from '@/components/MaterialsPanel';
import { chosenMaterials, materialsToProvide, missingMaterials } from '@/utils/materials';

const material = (name: string, overrides: Partial<Material> = {}): Material => ({
  name,
  necessity: 'required',
  source: '申请人自备',
  paperCopies: 1,
  spec: '原件',
  eLicence: { reusable: false },
  sampleAvailable: false,
  blankFormAvailable: false,
  ...overrides,
});

const UPLOADED = { materialId: 'm1', filename: 'a.png', size: 10, mime: 'image/png' as const, uploadedAt: '' };

describe('materials of an online application', () => {
  const guide = [
    material('居民身份证'),
    material('《机动车驾驶证申请表》', { onlineExemption: 'form' }),
    material('机动车安全技术检验合格证明', { onlineExemption: 'shared' }),
    material('委托书', { necessity: 'conditional' }),
  ];

  it('when the guide exempts materials online, then only the others are asked for and none of them is missing', () => {
    // Act
    const missing = missingMaterials(guide, []);

    // Assert
    expect(missing.map((m) => m.name)).toEqual(['居民身份证']);
    expect(materialsToProvide(guide).map((m) => m.name)).toEqual(['居民身份证']);
    expect(exemptSummary(guide)).toBe('其中 2 项网上办理无需上传。');
    expect(exemptSummary([guide[1] as Material])).toBe('以下材料网上办理均无需上传。');
    expect(exemptSummary([guide[0] as Material])).toBe('');
  });

  it('when an exempt material still has an upload from an earlier visit, then it is not sent', () => {
    // Act
    const chosen = chosenMaterials(
      guide,
      {
        居民身份证: { status: 'done', uploaded: UPLOADED },
        '《机动车驾驶证申请表》': { status: 'done', uploaded: { ...UPLOADED, materialId: 'm2' } },
      },
      {},
    );

    // Assert
    expect(chosen.map((c) => c.ref)).toEqual([{ name: '居民身份证', source: 'upload', materialId: 'm1' }]);
    expect(missingMaterials(guide, chosen)).toEqual([]);
  });
});
