import { View, Text } from '@tarojs/components';
import type { Licence, Material } from '@suijing/shared';
import { MaterialUpload } from '@/components/MaterialUpload';
import type { Uploads } from '@/hooks/useUploads';
import { EXEMPTION_TEXT, NECESSITY_LABEL } from '@/utils/catalog-format';
import { licenceFor } from '@/utils/materials';
import './index.scss';

const NECESSITY_TONE: Record<Material['necessity'], string> = {
  required: 'sj-badge--primary',
  waivable: 'sj-badge--success',
  conditional: 'sj-badge--warning',
};

export interface MaterialsPanelProps {
  materials: Material[];
  licences: Licence[];
  uploads: Uploads;
  licenceChoice: Record<string, Licence | undefined>;
  errors: Record<string, string | undefined>;
  onChooseLicence: (name: string, licence: Licence | undefined) => void;
  onUploaded: (name: string) => void;
  /** A line under the intro (e.g. what the system supplies by itself). */
  note?: string;
}

/** "其中 2 项网上办理无需上传", or '' when every material is to be provided. */
export function exemptSummary(materials: Material[]): string {
  const exempt = materials.filter((material) => material.onlineExemption !== undefined).length;
  if (exempt === 0) return '';
  return exempt === materials.length ? '以下材料网上办理均无需上传。' : `其中 ${exempt} 项网上办理无需上传。`;
}

/**
 * 申请材料: each material of the guide with its upload, or the e-licence on
 * file where the guide allows it and a usable one exists; what the guide
 * exempts online (the online form is it, or its issuer supplies it) is
 * listed as needing no upload, as the guide says. Shared by every
 * application form (the item form, 一件事, 自愿降级, 解除抵押), so it lives
 * outside the subpackages and carries its own styles.
 */
export function MaterialsPanel(props: MaterialsPanelProps): JSX.Element {
  const { materials, licences, uploads, licenceChoice, errors, onChooseLicence, onUploaded, note } = props;
  return (
    <View className="sj-card" id="apply-materials">
      <Text className="apply-materials__title">申请材料</Text>
      <Text className="sj-hint apply-materials__intro">
        支持 JPG、PNG 图片或 PDF 文件，每个不超过 10
        MB。「必要」材料须提供，「容缺」材料可后补，「情形」材料仅特定情况需要。
      </Text>
      {note ? (
        <Text className="apply-materials__note" id="apply-materials-note">
          {note}
        </Text>
      ) : null}
      {materials.length === 0 ? <Text className="sj-hint">该事项无需提交材料。</Text> : null}
      {exemptSummary(materials) ? (
        <Text className="sj-hint apply-materials__intro" id="apply-materials-exempt">
          {exemptSummary(materials)}
        </Text>
      ) : null}
      {materials.map((material, index) => {
        if (material.onlineExemption !== undefined) {
          return (
            <View className="apply-material" key={`${index}-${material.name}`} id={`apply-material-${index}`}>
              <View className="apply-material__head">
                <Text className="sj-badge sj-badge--success">免上传</Text>
                <Text className="apply-material__name">{material.name}</Text>
              </View>
              <Text className="apply-material__exempt" id={`apply-material-${index}-exempt`}>
                ✓ {EXEMPTION_TEXT[material.onlineExemption]}
              </Text>
            </View>
          );
        }
        const licence = licenceFor(material, licences);
        const usingLicence = licenceChoice[material.name] !== undefined;
        const error = errors[material.name];
        return (
          <View className="apply-material" key={`${index}-${material.name}`} id={`apply-material-${index}`}>
            <View className="apply-material__head">
              <Text className={`sj-badge ${NECESSITY_TONE[material.necessity]}`}>
                {NECESSITY_LABEL[material.necessity]}
              </Text>
              <Text className="apply-material__name">{material.name}</Text>
            </View>
            {material.spec ? <Text className="apply-material__note">{material.spec}</Text> : null}
            {licence ? (
              <View
                className={`apply-material__licence ${usingLicence ? 'apply-material__licence--on' : ''}`}
                id={`apply-material-${index}-licence`}
                role="checkbox"
                aria-checked={usingLicence}
                onClick={() => onChooseLicence(material.name, usingLicence ? undefined : licence)}
              >
                <Text>
                  {usingLicence ? '☑' : '☐'} 使用电子证照：{licence.name}（{licence.numberMasked}）
                </Text>
              </View>
            ) : material.eLicence.reusable ? (
              <Text className="apply-material__note" id={`apply-material-${index}-elicence-hint`}>
                暂未查到您名下可用的{material.eLicence.name ?? '电子证照'}，请上传。
              </Text>
            ) : null}
            {usingLicence ? null : (
              <MaterialUpload
                id={`material-${index}`}
                label={`上传${material.name}`}
                slot={uploads.slots[material.name]}
                onPick={(file) => {
                  onUploaded(material.name);
                  uploads.upload(material.name, file);
                }}
                onRetry={() => uploads.retry(material.name)}
                onRemove={() => uploads.remove(material.name)}
              />
            )}
            {error ? (
              <Text className="sj-field-error" id={`apply-material-${index}-error`}>
                {error}
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
