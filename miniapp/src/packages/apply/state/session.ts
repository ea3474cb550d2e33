import type { ApplicationDetail, DeliveryChoice, ItemGuide } from '@suijing/shared';
import type { FormData, FormIssue } from '@suijing/shared/forms';
import { createStore } from '@/stores/create-store';
import type { ChosenMaterial } from '@/utils/materials';

/** The family member an application is filed for, as the pages show them. */
export interface ActingFor {
  memberId: string;
  nameMasked: string;
  relationText: string;
}

/** What the form hands to the review page, and what comes back from it. */
export interface ApplySession {
  /**
   * The application being reviewed (set by 下一步 on the form); `locked` is
   * the masked text of the fields the verified record fills, by key;
   * `delivery` how the result is to reach the applicant, where the item offers a choice.
   */
  pending: {
    item: ItemGuide;
    data: FormData;
    materials: ChosenMaterial[];
    locked: Record<string, string>;
    delivery?: DeliveryChoice | undefined;
    /** How an address chosen from the book reads (masked), for the review page. */
    deliveryLabel?: string | undefined;
    /** The family member it is filed for (代办): sent as memberId, shown as 当事人. */
    member?: ActingFor | undefined;
  } | null;
  /** Field errors the BFF found on submission, for the form to show. */
  serverErrors: FormIssue[];
  /** The created case, for the receipt. */
  receipt: ApplicationDetail | null;
}

/** Lives for the app run only: a reload goes back to the form, which resumes from the server draft. */
export const applySession = createStore<ApplySession>({ pending: null, serverErrors: [], receipt: null });
