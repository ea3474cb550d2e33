import { isDuplicateKey } from '../../libraries/database';
import type { FavoriteDocument, FavoriteModels } from './favorite.model';

const idOf = (userId: string, code: string) => `${userId}:${code}`;

export class FavoritesRepository {
  constructor(private readonly models: FavoriteModels) {}

  listByUser(userId: string, limit: number): Promise<FavoriteDocument[]> {
    return this.models.Favorite.find({ userId }).sort({ createdAt: -1 }).limit(limit).lean<FavoriteDocument[]>().exec();
  }

  find(userId: string, code: string): Promise<FavoriteDocument | null> {
    return this.models.Favorite.findById(idOf(userId, code)).lean<FavoriteDocument>().exec();
  }

  countByUser(userId: string): Promise<number> {
    return this.models.Favorite.countDocuments({ userId }).exec();
  }

  /** Adds the favourite, or returns the one already there (a retried PUT changes nothing). */
  async add(userId: string, code: string, name: string, now: Date): Promise<FavoriteDocument> {
    try {
      const created = await this.models.Favorite.create({
        _id: idOf(userId, code),
        userId,
        code,
        name,
        createdAt: now,
      });
      return created.toObject<FavoriteDocument>();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.find(userId, code);
      if (!existing) throw error;
      return existing;
    }
  }

  async remove(userId: string, code: string): Promise<void> {
    await this.models.Favorite.deleteOne({ _id: idOf(userId, code) });
  }
}
