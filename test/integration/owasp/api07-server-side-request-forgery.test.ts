import { randomUUID } from 'node:crypto';
import { uniquePhone } from '../../support/auth-helpers';
import { startCanary } from '../../support/canary-server';
import { postApprovalEvent } from '../../support/approval-webhook';
import { applyFor, citizens, fileCase, findItem, owaspSuite, waitForSupplement } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API7: URLs the BFF must never fetch. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, w, api, as } = owaspSuite(async (started) => {
    const { a, b } = await citizens(started);
    const item = await findItem(started);
    return { a, b, item, openCase: await waitForSupplement(started, await fileCase(started, a, item)) };
  });

  describe('API7:2023 Server Side Request Forgery', () => {
    it('when URLs of a local listener are sent in every field and header a URL could hide in, then the listener gets zero requests', async () => {
      // Arrange
      const canary = await startCanary();
      const url = (where: string) => `${canary.url}/${where}`;
      const textField = w.item.form.sections
        .flatMap((section) => section.fields)
        .find((f) => f.type === 'text' || f.type === 'textarea');
      const complaint = {
        kind: 'suggestion',
        category: 'online-service',
        title: '请看这个链接',
        content: `详情请见 ${url('content')} 以及 file:///etc/passwd`,
        phone: w.b.person.phone,
      };
      const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><image href="${url('svg')}"/></svg>`);

      // Act
      const answers = [
        await api()
          .put(`/api/v1/drafts/${w.item.code}`)
          .set(as(w.b))
          .send({ data: { [textField?.key ?? 'x']: url('draft') }, formVersion: w.item.form.version }),
        await api()
          .put(`/api/v1/drafts/${w.item.code}`)
          .set(as(w.b))
          .send({ data: {}, formVersion: w.item.form.version, avatarUrl: url('avatar') }),
        await api()
          .post('/api/v1/auth/sms/send')
          .send({ phone: uniquePhone(), callback: url('callback') }),
        await api()
          .post('/api/v1/auth/wechat')
          .send({ code: url('wechat'), client: { platform: 'weapp', avatarUrl: url('client') } }),
        await api()
          .post('/api/v1/complaints')
          .set(as(w.b))
          .set('Idempotency-Key', randomUUID())
          .send({ ...complaint, photos: [url('photo')] }),
        await api()
          .post('/api/v1/complaints')
          .set(as(w.b))
          .set('Idempotency-Key', randomUUID())
          .send({ ...complaint, photos: [], url: url('url') }),
        await applyFor(stack, w.b, w.item, [
          { name: '居民身份证', source: 'url', url: url('material') },
          { name: '照片', source: 'upload', materialId: url('material-id') },
        ]),
        await api()
          .post('/api/v1/identity/face/start')
          .set(as(w.b))
          .send({ name: w.b.person.name, idNumber: w.b.person.idNumber, redirectUrl: url('face') }),
        await api()
          .post('/api/v1/verify/e-licence')
          .send({ payload: url('e-licence') }),
        await api().post('/api/v1/materials').set(as(w.b)).attach('file', svg, 'photo.svg'),
        await api()
          .get('/api/v1/me')
          .set(as(w.b))
          .set('Host', canary.url.replace('http://', ''))
          .set('X-Forwarded-Host', canary.url.replace('http://', ''))
          .set('Referer', url('referer'))
          .set('Origin', canary.url),
        await postApprovalEvent(
          stack,
          JSON.stringify({
            sjbh: `ssrf-${randomUUID()}`,
            sjsj: '20260101120000',
            bjbh: w.openCase,
            sfzmhm: w.a.person.idNumber,
            zt: '02',
            hjmc: '受理',
            callbackUrl: url('webhook'),
            bj: { fjdz: url('attachment') },
          }),
        ),
      ];
      // Anything fetched in the background would have arrived by now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const fetchedByTheBff = [...canary.requests];
      await fetch(url('control'));
      await canary.close();

      // Assert
      expect(answers.every((res) => res.status < 500)).toBe(true);
      expect(fetchedByTheBff).toEqual([]);
      expect(canary.requests).toEqual(['GET /control']);
    });
  });
});
