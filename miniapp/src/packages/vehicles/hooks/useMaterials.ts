import { useState } from 'react';
import type { Licence, Material } from '@suijing/shared';
import type { MaterialsPanelProps } from '@/components/MaterialsPanel';
import { useUploads } from '@/hooks/useUploads';
import { chosenMaterials, missingMaterials, type ChosenMaterial } from '@/utils/materials';

export interface MaterialsChoice {
  /** What MaterialsPanel needs (everything but `materials`, `licences` and `note`). */
  panel: Pick<MaterialsPanelProps, 'uploads' | 'licenceChoice' | 'errors' | 'onChooseLicence' | 'onUploaded'>;
  busy: boolean;
  /** The materials to send, or null (with the missing ones marked) when a required one is missing. */
  collect: () => ChosenMaterial[] | null;
}

/** The materials of a 车驾管 application: uploads or e-licences, as the item form does them. */
export function useMaterials(materials: Material[]): MaterialsChoice {
  const uploads = useUploads();
  const [licenceChoice, setLicenceChoice] = useState<Record<string, Licence | undefined>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const clearError = (name: string): void => setErrors((prev) => ({ ...prev, [name]: undefined }));
  return {
    panel: {
      uploads,
      licenceChoice,
      errors,
      onChooseLicence: (name, licence) => {
        setLicenceChoice((prev) => ({ ...prev, [name]: licence }));
        clearError(name);
      },
      onUploaded: clearError,
    },
    busy: uploads.busy,
    collect: () => {
      const chosen = chosenMaterials(materials, uploads.slots, licenceChoice);
      const missing = missingMaterials(materials, chosen);
      setErrors(Object.fromEntries(missing.map((m) => [m.name, '请上传该材料'])));
      return missing.length > 0 ? null : chosen;
    },
  };
}
