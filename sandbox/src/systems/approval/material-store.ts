import { createHash } from 'node:crypto';
import { newFileId } from './case-numbers';
import type { MaterialReceipt, MaterialType } from './records';

interface StoredMaterial extends MaterialReceipt {
  sfzmhm: string;
  content: Buffer;
}

/** Keeps at most this many bytes of uploads; the oldest go first (real systems expire temporary uploads too). */
export const MATERIAL_STORE_BYTES = 256 * 1024 * 1024;

/** Uploaded files (申请材料), in memory, each owned by the person who uploaded it. */
export class MaterialStore {
  private readonly byId = new Map<string, StoredMaterial>();
  private bytes = 0;

  constructor(private readonly capacityBytes: number = MATERIAL_STORE_BYTES) {}

  add(sfzmhm: string, content: Buffer, wjlx: MaterialType): MaterialReceipt {
    const receipt: MaterialReceipt = {
      wjbs: newFileId(),
      wjdx: content.length,
      wjlx,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
    this.byId.set(receipt.wjbs, { ...receipt, sfzmhm, content });
    this.bytes += content.length;
    this.evict();
    return receipt;
  }

  /** Whether wjbs is an upload of this person (another person's file counts as unknown). */
  ownedBy(wjbs: string, sfzmhm: string): boolean {
    return this.byId.get(wjbs)?.sfzmhm === sfzmhm;
  }

  clear(): void {
    this.byId.clear();
    this.bytes = 0;
  }

  private evict(): void {
    // Maps iterate in insertion order: the first entries are the oldest.
    for (const [wjbs, stored] of this.byId) {
      if (this.bytes <= this.capacityBytes) return;
      this.byId.delete(wjbs);
      this.bytes -= stored.content.length;
    }
  }
}
