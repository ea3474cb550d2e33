import { faceCertHash } from './face-cert-hash';

describe('WeChat face check cert_hash', () => {
  it('when the example of WeChat’s documentation is hashed, then the documented digest comes out', () => {
    // Act: the worked example of getFaceIdentifyImage / queryVerifyInfo (张三, 310101199801011234).
    const hash = faceCertHash('张三', '310101199801011234');

    // Assert
    expect(hash).toBe('3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b');
  });
});
