import type { PackageApplicationDocument, PackageApplicationModels } from './package-application.model';

/** A member's case as stored: the filing's serial number (wbbh), and the case number or the failure. */
export interface PackageMember {
  itemCode: string;
  itemName: string;
  department: string;
  wbbh: string;
  status: string;
  caseNo?: string | null | undefined;
  error?: string | null | undefined;
}

export type NewPackageApplication = Omit<PackageApplicationDocument, 'members' | 'accountClosedAt'> & {
  members: PackageMember[];
};

/** 一件事 packages in MongoDB: the package and how each member case was filed. */
export class PackageApplicationsRepository {
  constructor(private readonly models: PackageApplicationModels) {}

  find(packageCaseNo: string): Promise<PackageApplicationDocument | null> {
    return this.models.PackageApplication.findById(packageCaseNo).lean<PackageApplicationDocument>().exec();
  }

  /** The user's own package; null for an unknown number or someone else's. */
  findOwn(userId: string, packageCaseNo: string): Promise<PackageApplicationDocument | null> {
    return this.models.PackageApplication.findOne({ _id: packageCaseNo, userId })
      .lean<PackageApplicationDocument>()
      .exec();
  }

  async create(doc: NewPackageApplication): Promise<PackageApplicationDocument> {
    return (await this.models.PackageApplication.create(doc)).toObject<PackageApplicationDocument>();
  }

  async saveMembers(packageCaseNo: string, members: PackageMember[]): Promise<void> {
    await this.models.PackageApplication.updateOne({ _id: packageCaseNo }, { $set: { members } });
  }
}
