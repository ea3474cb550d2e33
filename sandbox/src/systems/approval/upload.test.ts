import { createHash } from 'node:crypto';
import { TEST_GOV_APP_KEY, newSandbox } from '../../testing/fixtures';
import { APPLICANT, EXE_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, submission, upload } from '../../testing/approval';
import { MAX_FILE_BYTES } from './file-types';

describe('approval app key', () => {
  it('when X-App-Key is missing or wrong, then every public route answers HTTP 401 with 1001', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const missing = await agent.post('/approval/v1/cases').send(submission());
    const wrong = await agent
      .get('/approval/v1/cases/2026010144011234567890')
      .set('X-App-Key', 'nope')
      .query({ sfzmhm: APPLICANT.idNumber });
    const uploadWithout = await agent
      .post('/approval/v1/materials')
      .field('sfzmhm', APPLICANT.idNumber)
      .attach('file', PNG_BYTES, 'a.png');

    // Assert
    for (const res of [missing, wrong, uploadWithout]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: '1001', msg: '鉴权失败' });
    }
  });
});

describe('POST /approval/v1/materials', () => {
  it('when a real PNG is uploaded, then it answers its id, size, type by content and sha256', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await upload(agent, PNG_BYTES, 'photo.jpg');

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: '0000',
      msg: '成功',
      data: {
        wjbs: expect.stringMatching(/^WJ[0-9A-F]{32}$/),
        wjdx: PNG_BYTES.length,
        wjlx: 'image/png',
        sha256: createHash('sha256').update(PNG_BYTES).digest('hex'),
      },
    });
  });

  it.each([
    { name: 'scan.jpg', content: JPEG_BYTES, type: 'image/jpeg' },
    { name: 'form.bin', content: PDF_BYTES, type: 'application/pdf' },
  ])('when $name is uploaded, then its type is $type', async ({ name, content, type }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await upload(agent, content, name);

    // Assert
    expect(res.body.data.wjlx).toBe(type);
  });

  it('when an executable renamed .jpg is uploaded, then it answers 5001 naming the accepted types', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await upload(agent, EXE_BYTES, 'holiday.jpg');

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '5001', msg: expect.stringContaining('仅支持JPG、PNG、PDF') });
  });

  it('when a file is larger than 10 MB, then it answers 5001', async () => {
    // Arrange
    const agent = newSandbox();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_FILE_BYTES)]);

    // Act
    const res = await upload(agent, big, 'big.pdf');

    // Assert
    expect(res.body).toEqual({ code: '5001', msg: expect.stringContaining('10MB') });
  });

  it('when exactly 10 MB is uploaded, then it is accepted', async () => {
    // Arrange
    const agent = newSandbox();
    const limit = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_FILE_BYTES - PDF_BYTES.length)]);

    // Act
    const res = await upload(agent, limit, 'limit.pdf');

    // Assert
    expect(res.body.data).toMatchObject({ wjdx: MAX_FILE_BYTES, wjlx: 'application/pdf' });
  });

  it('when the file, the sfzmhm or the multipart body is missing, then it answers 5001 or 1002', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const noFile = await agent
      .post('/approval/v1/materials')
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .field('sfzmhm', APPLICANT.idNumber);
    const noOwner = await agent
      .post('/approval/v1/materials')
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .attach('file', PNG_BYTES, 'a.png');
    const json = await agent
      .post('/approval/v1/materials')
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .send({ sfzmhm: APPLICANT.idNumber });

    // Assert
    expect(noFile.body.code).toBe('5001');
    expect(noOwner.body.code).toBe('1002');
    expect(json.body.code).toBe('1002');
  });
});

describe('approval faults', () => {
  it('when the approval system is faulted with errorRate 1, then it answers its own HTTP 500 with 9999', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/approval').send({ errorRate: 1 }).expect(200);

    // Act
    const res = await agent.post('/approval/v1/cases').set('X-App-Key', TEST_GOV_APP_KEY).send(submission());

    // Assert
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: '9999', msg: '系统繁忙，请稍后重试' });
  });
});
