import { View, Text } from '@tarojs/components';
import type { Material } from '@suijing/shared';
import { GuideSection } from '../../components/GuideSection';
import { EXEMPTION_TEXT, NECESSITY_LABEL, paperCopiesText } from '@/utils/catalog-format';

const NECESSITY_TONE: Record<Material['necessity'], string> = {
  required: 'sj-badge--primary',
  waivable: 'sj-badge--success',
  conditional: 'sj-badge--warning',
};

function MaterialRow({ material, index }: { material: Material; index: number }): JSX.Element {
  const details = [material.source, material.spec, paperCopiesText(material.paperCopies)].filter(Boolean);
  const forms = [material.sampleAvailable ? '有填写样表' : '', material.blankFormAvailable ? '有空白表格' : ''].filter(
    Boolean,
  );
  return (
    <View className="material" id={`material-${index}`}>
      <View className="material__head">
        <Text className={`sj-badge ${NECESSITY_TONE[material.necessity]} material__tag`}>
          {NECESSITY_LABEL[material.necessity]}
        </Text>
        <Text className="material__name">{material.name}</Text>
      </View>
      {material.onlineExemption ? (
        <Text className="material__elicence" id={`material-${index}-exempt`}>
          {EXEMPTION_TEXT[material.onlineExemption]}
        </Text>
      ) : material.eLicence.reusable ? (
        <Text className="material__elicence" id={`material-${index}-elicence`}>
          电子证照免提交{material.eLicence.name ? `（${material.eLicence.name}）` : ''}
        </Text>
      ) : null}
      <Text className="material__details">{details.join(' · ')}</Text>
      {forms.length > 0 ? <Text className="material__details">{forms.join(' · ')}</Text> : null}
      {material.note ? <Text className="material__note">{material.note}</Text> : null}
    </View>
  );
}

/** Explains only the tags this list actually uses. */
export function materialsSummary(materials: Material[]): string {
  const exempt = materials.filter((m) => m.onlineExemption !== undefined).length;
  const reusable = materials.filter((m) => m.onlineExemption === undefined && m.eLicence.reusable).length;
  const parts = [
    exempt > 0 ? `其中 ${exempt} 项网上办理无需上传。` : '',
    reusable > 0 ? `${exempt > 0 ? '另有' : '其中'} ${reusable} 项可调用电子证照，在线办理时无需再提交。` : '',
    materials.some((m) => m.necessity === 'waivable') ? '「容缺」材料可先办理、后补交。' : '',
    materials.some((m) => m.necessity === 'conditional') ? '「情形」材料仅在特定情况下需要。' : '',
  ];
  return parts.join('');
}

/** 申请材料: what to bring, which can wait (容缺), and which the system already has (电子证照). */
export function MaterialsSection({ materials }: { materials: Material[] }): JSX.Element {
  const summary = materialsSummary(materials);
  return (
    <GuideSection title="申请材料" id="item-materials" extra={`共 ${materials.length} 项`}>
      {summary ? <Text className="material__summary sj-hint">{summary}</Text> : null}
      {materials.length === 0 ? <Text className="guide-text">无需提交材料</Text> : null}
      {materials.map((material, index) => (
        <MaterialRow key={`${index}-${material.name}`} material={material} index={index} />
      ))}
    </GuideSection>
  );
}
