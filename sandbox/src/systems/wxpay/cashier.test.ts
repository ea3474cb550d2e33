import { newSandbox } from '../../testing/fixtures';
import { h5Body, outTradeNo, signedPost } from '../../testing/wxpay';

async function h5Order(agent: ReturnType<typeof newSandbox>, no: string): Promise<string> {
  const res = await signedPost(agent, '/v3/pay/transactions/h5', h5Body({ outTradeNo: no, total: 12000 })).expect(200);
  return new URL(res.body.h5_url as string).pathname;
}

describe('wxpay H5 cashier', () => {
  it('when the cashier is opened, then it shows the merchant, the description, the amount and 确认支付', async () => {
    // Arrange
    const agent = newSandbox();
    const path = await h5Order(agent, outTradeNo());

    // Act
    const res = await agent.get(`${path}?redirect_url=${encodeURIComponent('https://m.example.com/pay/result?id=1')}`);

    // Assert
    expect(res.status).toBe(200);
    expect(res.text).toContain('穗警通-办证工本费');
    expect(res.text).toContain('120.00');
    expect(res.text).toContain('确认支付');
    expect(res.text).toContain('value="https://m.example.com/pay/result?id=1"');
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!m\.example\.com)/);
  });

  it('when 确认支付 is pressed, then the order is paid and the browser is sent to redirect_url', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    const path = await h5Order(agent, no);

    // Act
    const res = await agent.post(path).type('form').send({ redirect_url: 'https://m.example.com/pay/result?id=1' });

    // Assert
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('https://m.example.com/pay/result?id=1');
    expect((await agent.get(`/sandbox/wxpay/orders/${no}`).expect(200)).body.state).toBe('SUCCESS');
  });

  it('when the caller glued redirect_url on with &, then the page still finds the order and the return address', async () => {
    // Arrange
    const agent = newSandbox();
    const path = await h5Order(agent, outTradeNo());

    // Act
    const res = await agent.get(`${path}&redirect_url=${encodeURIComponent('https://m.example.com/r')}`);

    // Assert
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="https://m.example.com/r"');
  });

  it('when the redirect_url is not http(s), then paying shows a done page instead of following it', async () => {
    // Arrange
    const agent = newSandbox();
    const path = await h5Order(agent, outTradeNo());

    // Act
    const res = await agent.post(path).type('form').send({ redirect_url: 'javascript:alert(1)' });

    // Assert
    expect(res.status).toBe(200);
    expect(res.text).toContain('支付成功');
  });

  it('when the token is unknown, then it answers 404 with a page', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.get('/wxpay/cashier/nope');

    // Assert
    expect(res.status).toBe(404);
    expect(res.text).toContain('订单不存在');
  });
});
