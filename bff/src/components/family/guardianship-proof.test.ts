import type { LicenceOnFile } from '../../upstreams/identity/identity.mapping';
import { guardianshipProof } from './guardianship-proof';

const FATHER = '440106198001011234';
const MOTHER = '44010619820101122X';
const STRANGER = '440106197501011218';

function licence(overrides: Partial<LicenceOnFile>): LicenceOnFile {
  return {
    licenceId: 'z',
    typeCode: 'CSZM',
    name: '出生医学证明',
    number: 'Q1',
    issuer: '广州市妇女儿童医疗中心',
    issuedOn: '2018-01-01',
    validUntil: '长期',
    usable: true,
    ...overrides,
  };
}

const birthCertificate = licence({
  birthCertificate: { childName: '张小明', fatherIdNumber: FATHER, motherIdNumber: MOTHER.toLowerCase() },
});
const household = (householdNo: string, relationToHead: NonNullable<LicenceOnFile['household']>['relationToHead']) =>
  licence({ typeCode: 'HKB', name: '居民户口簿', household: { householdNo, headName: '张三', relationToHead } });

describe('guardianship proven by e-licences', () => {
  it('when the child’s 出生医学证明 names me as father or mother, then it proves it (whatever the case of X)', () => {
    // Act
    const asFather = guardianshipProof(FATHER, [birthCertificate], []);
    const asMother = guardianshipProof(MOTHER, [birthCertificate], []);
    const asStranger = guardianshipProof(STRANGER, [birthCertificate], []);

    // Assert
    expect([asFather, asMother, asStranger]).toEqual(['birth-certificate', 'birth-certificate', null]);
  });

  it('when the birth certificate is no longer valid, then it proves nothing', () => {
    expect(guardianshipProof(FATHER, [{ ...birthCertificate, usable: false }], [])).toBeNull();
  });

  it('when the child is 子 or 女 in a household whose 户主 or 配偶 I am, then the 户口簿 proves it', () => {
    // Act
    const asHead = guardianshipProof(STRANGER, [household('H1', 'son')], [household('H1', 'head')]);
    const asSpouse = guardianshipProof(STRANGER, [household('H1', 'daughter')], [household('H1', 'spouse')]);

    // Assert
    expect([asHead, asSpouse]).toEqual(['household', 'household']);
  });

  it('when the household differs, or the child is not 子/女, or I am only another member, then the 户口簿 proves nothing', () => {
    // Act
    const otherHousehold = guardianshipProof(STRANGER, [household('H2', 'son')], [household('H1', 'head')]);
    const childIsOther = guardianshipProof(STRANGER, [household('H1', 'other')], [household('H1', 'head')]);
    const iAmSon = guardianshipProof(STRANGER, [household('H1', 'son')], [household('H1', 'son')]);

    // Assert
    expect([otherHousehold, childIsOther, iAmSon]).toEqual([null, null, null]);
  });
});
