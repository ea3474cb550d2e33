import type { ApplicationDetail, ItemGuide, Material, MaterialRef } from '@suijing/shared';
import type { FormData, FormIssue } from '@suijing/shared/forms';
import { createStore } from '@/stores/create-store';

/** A material as it will be sent, with what the review page shows for it. */
export interface ChosenMaterial {
  material: Material;
  ref: MaterialRef;
  /** "身份证.png" or "电子证照：居民身份证". */
  display: string;
}

/** What the form hands to the review page, and what comes back from it. */
export interface ApplySession {
  /** The application being reviewed (set by 下一步 on the form). */
  pending: { item: ItemGuide; data: FormData; materials: ChosenMaterial[] } | null;
  /** Field errors the BFF found on submission, for the form to show. */
  serverErrors: FormIssue[];
  /** The created case, for the receipt. */
  receipt: ApplicationDetail | null;
}

/** Lives for the app run only: a reload goes back to the form, which resumes from the server draft. */
export const applySession = createStore<ApplySession>({ pending: null, serverErrors: [], receipt: null });
