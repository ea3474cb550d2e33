import { JsonWithField } from './json-bytes';

const text = (bytes: { bytes: Buffer }) => bytes.bytes.toString();

describe('JsonWithField: an answer encoded once, its last field appended', () => {
  it('when a field is appended, then the bytes are what JSON.stringify gives for the whole object', () => {
    // Arrange
    const object = { items: [{ name: '居民身份证换领', days: 20 }], total: 1 };
    const freshness = { version: 'v1', ageSeconds: 3, stale: false };

    // Act
    const answer = new JsonWithField(object, 'catalog').with(freshness);
    const empty = new JsonWithField({}, 'catalog').with(freshness);

    // Assert
    expect(text(answer)).toBe(JSON.stringify({ ...object, catalog: freshness }));
    expect(text(empty)).toBe(JSON.stringify({ catalog: freshness }));
  });

  it('when the field reads the same (the same object or an equal one), then the same bytes are handed out', () => {
    // Arrange
    const encoded = new JsonWithField({ n: 1 }, 'freshness');
    const freshness = { ageSeconds: 3, stale: false };
    const first = encoded.with(freshness);

    // Act
    const again = encoded.with(freshness);
    const equal = encoded.with({ ageSeconds: 3, stale: false });

    // Assert
    expect(again).toBe(first);
    expect(equal).toBe(first);
  });

  it('when the field changes, then new bytes carry it and the bytes handed out before stay as they were', () => {
    // Arrange
    const encoded = new JsonWithField({ n: 1 }, 'freshness');
    const before = encoded.with({ ageSeconds: 3, stale: false });
    const sent = text(before);

    // Act
    const after = encoded.with({ ageSeconds: 4, stale: true });

    // Assert
    expect(text(after)).toBe('{"n":1,"freshness":{"ageSeconds":4,"stale":true}}');
    expect(text(before)).toBe(sent);
    expect(encoded.byteLength).toBe(after.bytes.length);
  });
});
