import type { MaterialDocument, MaterialModels } from './material.model';

/** Our references to the materials kept in the approval system, one per upload. */
export class MaterialsRepository {
  constructor(private readonly models: MaterialModels) {}

  async add(material: MaterialDocument): Promise<MaterialDocument> {
    const doc = await this.models.Material.create(material);
    return doc.toObject<MaterialDocument>();
  }

  /** The user's own material; null for an unknown id or someone else's. */
  findOwn(userId: string, materialId: string): Promise<MaterialDocument | null> {
    return this.models.Material.findOne({ _id: materialId, userId }).lean<MaterialDocument>().exec();
  }

  /** Those of the ids that are the user's own materials, in one read. */
  findOwnMany(userId: string, materialIds: readonly string[]): Promise<MaterialDocument[]> {
    return this.models.Material.find({ _id: { $in: materialIds }, userId })
      .lean<MaterialDocument[]>()
      .exec();
  }
}
