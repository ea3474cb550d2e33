import { randomBytes } from 'node:crypto';
import type { UploadedMaterial } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { ApprovalClient } from '../../upstreams/approval/approval.client';
import type { IdentityService } from '../identity/identity.service';
import { sniffMime, type MaterialMime } from './file-sniffing';
import type { MaterialDocument } from './material.model';
import type { MaterialsRepository } from './materials.repository';
import type { ReceivedFile } from './multipart-upload';

/** The approval system's own limit, checked here first so a citizen hears it before the upload leaves us. */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

const toView = (doc: MaterialDocument): UploadedMaterial => ({
  materialId: doc._id,
  filename: doc.filename,
  size: doc.size,
  mime: doc.mime as MaterialMime,
  uploadedAt: doc.uploadedAt.toISOString(),
});

export interface MaterialsServiceDeps {
  materials: MaterialsRepository;
  approval: ApprovalClient;
  identity: IdentityService;
  clock: Clock;
}

/** Materials: uploaded once, checked by content, kept in the approval system, referenced by id in applications. */
export class MaterialsService {
  constructor(private readonly deps: MaterialsServiceDeps) {}

  /** Checks the real-name gate before reading the file, so an unverified user's upload is not even received. */
  async upload(userId: string, receive: () => Promise<ReceivedFile>): Promise<UploadedMaterial> {
    const person = await this.deps.identity.require(userId);
    const file = await receive();
    const mime = sniffMime(file.bytes.subarray(0, 8));
    if (!mime) throw new AppError({ code: 'MATERIAL_REJECTED' });
    const stored = await this.deps.approval.uploadMaterial(
      { bytes: file.bytes, filename: file.filename, mime },
      person.idNumber,
    );
    const doc = await this.deps.materials.add({
      _id: `m_${randomBytes(12).toString('base64url')}`,
      userId,
      fileId: stored.fileId,
      filename: file.filename.slice(0, 120),
      size: file.bytes.length,
      mime,
      sha256: stored.sha256,
      uploadedAt: this.deps.clock.now(),
    });
    return toView(doc);
  }

  /** The user's own material, or MATERIAL_NOT_FOUND (also for someone else's id). */
  async own(userId: string, materialId: string): Promise<MaterialDocument> {
    const doc = await this.deps.materials.findOwn(userId, materialId);
    if (!doc) throw new AppError({ code: 'MATERIAL_NOT_FOUND' });
    return doc;
  }

  /** Those of the ids that are the user's own materials, by id, in one read. */
  async ownMany(userId: string, materialIds: readonly string[]): Promise<Map<string, MaterialDocument>> {
    if (materialIds.length === 0) return new Map();
    const docs = await this.deps.materials.findOwnMany(userId, materialIds);
    return new Map(docs.map((doc) => [doc._id, doc]));
  }
}
