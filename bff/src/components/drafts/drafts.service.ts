import {
  draftableData,
  filingDay,
  validateForm,
  type Draft,
  type DraftList,
  type DraftSaveRequest,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { CatalogService } from '../catalog/catalog.service';
import type { DraftDocument } from './draft.model';
import type { DraftsRepository } from './drafts.repository';

export interface DraftsServiceDeps {
  drafts: DraftsRepository;
  catalog: CatalogService;
  clock: Clock;
}

const toDraft = (doc: DraftDocument): Draft => ({
  itemCode: doc.itemCode,
  itemName: doc.itemName,
  formVersion: doc.formVersion,
  data: doc.data,
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
        revision: row.revision,
        updatedAt: row.updatedAt.toISOString(),
      })),
    };
  }

  async get(userId: string, itemCode: string): Promise<Draft> {
    const doc = await this.deps.drafts.find(userId, itemCode);
    if (!doc) throw new AppError({ code: 'DRAFT_NOT_FOUND' });
    return toDraft(doc);
  }

  async save(userId: string, itemCode: string, request: DraftSaveRequest): Promise<Draft> {
    const { payload } = await this.deps.catalog.guide(itemCode);
    const item = payload.item;
    // Identity comes from the verified record on submission, and a draft is sent back as saved:
    // it keeps no identity field and no other ID number or phone.
    const data = draftableData(item.form, request.data);
    const issues = validateForm(item.form, data, { partial: true, today: filingDay(this.deps.clock.now()) });
    if (issues.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', fields: issues });
    const previous = await this.deps.drafts.find(userId, itemCode);
    const doc = await this.deps.drafts.save(
      { userId, itemCode, itemName: item.name, formVersion: request.formVersion, data },
      (previous?.revision ?? 0) + 1,
      this.deps.clock.now(),
    );
    return toDraft(doc);
  }

  /** Idempotent: deleting a draft that is not there is fine. */
  async remove(userId: string, itemCode: string): Promise<void> {
    await this.deps.drafts.remove(userId, itemCode);
  }
}
