import { z } from 'zod';
import { deriveKey, Sealer } from './crypto';
import { RotatingQr } from './rotating-qr';

const claims = z.object({ number: z.string() });

function qrAt(clock: { now: () => Date }, prefix = 'SJRP1.', purpose = 'qr') {
  return new RotatingQr({ prefix, claims, sealer: new Sealer(deriveKey('a'.repeat(32), purpose)), clock });
}

describe('rotating QR payloads', () => {
  it('when a payload is read within 90 seconds, then it is valid with its claims; after that it is expired', () => {
    // Arrange
    let now = new Date('2026-12-01T02:00:00.000Z');
    const qr = qrAt({ now: () => now });
    const issued = qr.issue({ number: 'P1' });

    // Act
    now = new Date('2026-12-01T02:01:29.000Z');
    const fresh = qr.read(issued.payload);
    now = new Date('2026-12-01T02:01:30.000Z');
    const old = qr.read(issued.payload);

    // Assert
    expect(issued).toMatchObject({ expiresAt: '2026-12-01T02:01:30.000Z', refreshAfterSeconds: 60 });
    expect(issued.payload.startsWith('SJRP1.')).toBe(true);
    expect(fresh).toEqual({ state: 'valid', claims: { number: 'P1' } });
    expect(old).toEqual({ state: 'expired', claims: { number: 'P1' } });
  });

  it('when a payload is altered, made up, of another kind or sealed with another key, then it is forged', () => {
    // Arrange
    const clock = { now: () => new Date('2026-12-01T02:00:00.000Z') };
    const qr = qrAt(clock);
    const { payload } = qr.issue({ number: 'P1' });
    // A character inside the seal: the last one's low bits are base64 padding, and changing only those
    // changes no byte (the test failed whenever the seal ended in A or B).
    const at = payload.length - 10;
    const altered = payload.slice(0, at) + (payload[at] === 'A' ? 'B' : 'A') + payload.slice(at + 1);

    // Act
    const readings = [
      qr.read(altered),
      qr.read('SJRP1.eyJudW1iZXIiOiJQMSJ9'),
      qr.read(qrAt(clock, 'SJDL1.').issue({ number: 'P1' }).payload),
      qr.read(qrAt(clock, 'SJRP1.', 'other').issue({ number: 'P1' }).payload),
    ];

    // Assert
    expect(readings.map((reading) => reading.state)).toEqual(['forged', 'forged', 'forged', 'forged']);
  });
});
