import {
  draftableData,
  filingDay,
  toCompactDate,
  validateForm,
  type Draft,
  type DraftList,
  type DraftSaveRequest,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import { demandOnBehalfAllowed } from '../applications/acting';
import type { CatalogService } from '../catalog/catalog.service';
import type { FamilyAuthority } from '../family/family-authority';
import type { DraftDocument } from './draft.model';
import type { DraftsRepository } from './drafts.repository';

export interface DraftsServiceDeps {
  drafts: DraftsRepository;
  catalog: CatalogService;
  /** Whether I may act for the family member a draft is for. */
  family: FamilyAuthority;
  clock: Clock;
}

const toDraft = (doc: DraftDocument): Draft => ({
  itemCode: doc.itemCode,
  itemName: doc.itemName,
  formVersion: doc.formVersion,
  data: doc.data,
  ...(doc.memberId ? { memberId: doc.memberId } : {}),
  revision: doc.revision,
  updatedAt: doc.updatedAt.toISOString(),
});

/**
 * Drafts: what the citizen typed is saved as they type and resumed on any
 * device. A draft may be incomplete, but every value in it already follows
 * its field's rules, so nothing invalid waits to surprise them at submission.
 */
export class DraftsService {
  constructor(private readonly deps: DraftsServiceDeps) {}

  async list(userId: string): Promise<DraftList> {
    const rows = await this.deps.drafts.listByUser(userId);
    return {
      drafts: rows.map((row) => ({
        itemCode: row.itemCode,
        itemName: row.itemName,
        formVersion: row.formVersion,
        ...(row.memberId ? { memberId: row.memberId } : {}),
        revision: row.revision,
        updatedAt: row.updatedAt.toISOString(),
      })),
    };
  }

  /** Mine, or the one I keep for a family member: it is mine to read even once the authority ended. */
  async get(userId: string, itemCode: string, memberId?: string): Promise<Draft> {
    const doc = await this.deps.drafts.find(userId, itemCode, memberId);
    if (!doc) throw new AppError({ code: 'DRAFT_NOT_FOUND' });
    return toDraft(doc);
  }

  /** For a family member: only while I may act for them, on an item that may be filed for them. */
  async save(userId: string, itemCode: string, request: DraftSaveRequest, memberId?: string): Promise<Draft> {
    const { payload } = await this.deps.catalog.guide(itemCode);
    const item = payload.item;
    if (memberId) {
      const member = await this.deps.family.memberFor(userId, memberId, 'act');
      demandOnBehalfAllowed(item, member, toCompactDate(this.deps.clock.now()));
    }
    // Identity comes from the verified record on submission, and a draft is sent back as saved:
    // it keeps no identity field and no other ID number or phone.
    const data = draftableData(item.form, request.data);
    const issues = validateForm(item.form, data, { partial: true, today: filingDay(this.deps.clock.now()) });
    if (issues.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', fields: issues });
    const doc = await this.deps.drafts.save(
      {
        userId,
        itemCode,
        itemName: item.name,
        ...(memberId ? { memberId } : {}),
        formVersion: request.formVersion,
        data,
      },
      this.deps.clock.now(),
    );
    return toDraft(doc);
  }

  /** Idempotent: deleting a draft that is not there is fine. */
  async remove(userId: string, itemCode: string, memberId?: string): Promise<void> {
    await this.deps.drafts.remove(userId, itemCode, memberId);
  }
}
