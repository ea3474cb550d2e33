// What the booking benchmark needs: many verified citizens (a booking is one per person and
// business, and booking for others is limited per day), each logged in by WeChat and verified as
// a different person of the register, and the open places of the halls, so that every request
// books a real place for its own citizen.

import { json, postJson as post } from './stack.mjs';

/** Adults under 58 (no green channel) from the population register, up to `wanted`. */
export async function adultsOfRegister(sandboxUrl, wanted) {
  const out = [];
  const year = new Date().getUTCFullYear();
  for (let offset = 0; out.length < wanted; offset += 200) {
    const { people: page } = await json(
      await fetch(`${sandboxUrl}/sandbox/identity/people?role=resident&limit=200&offset=${offset}`),
    );
    if (page.length === 0) break;
    out.push(
      ...page.filter((p) => {
        const age = year - Number(p.birthDate.slice(0, 4));
        return age > 20 && age < 58;
      }),
    );
  }
  return out.slice(0, wanted);
}

async function citizen(bffUrl, sandboxUrl, person, index) {
  const { code } = await json(await post(`${sandboxUrl}/sandbox/wechat/code`, { openid: `bench-booker-${index}` }));
  const { accessToken } = await json(
    await post(`${bffUrl}/api/v1/auth/wechat`, { code, client: { platform: 'weapp' } }),
  );
  const auth = { authorization: `Bearer ${accessToken}` };
  await json(await post(`${bffUrl}/api/v1/identity/verify`, { name: person.name, idNumber: person.idNumber }, auth));
  return auth;
}

/** Every regular place left in the halls handling `business`, as (hall, day, slot) triples. */
async function places(bffUrl, business) {
  const { items: halls } = await json(await fetch(`${bffUrl}/api/v1/halls?business=${business}`));
  const out = [];
  for (const hall of halls) {
    const first = await json(await fetch(`${bffUrl}/api/v1/halls/${hall.id}/slots?business=${business}`));
    for (const date of first.bookableDates.slice(1)) {
      const day = await json(await fetch(`${bffUrl}/api/v1/halls/${hall.id}/slots?business=${business}&date=${date}`));
      for (const slot of day.items)
        for (let i = 0; i < slot.remaining; i += 1) out.push({ hallId: hall.id, date, slotId: slot.id });
    }
  }
  return out;
}

export async function bookingFixture(bffUrl, sandboxUrl, business, count) {
  const register = await adultsOfRegister(sandboxUrl, count);
  const citizens = [];
  for (let i = 0; i < register.length; i += 10) {
    citizens.push(
      ...(await Promise.all(register.slice(i, i + 10).map((p, j) => citizen(bffUrl, sandboxUrl, p, i + j)))),
    );
  }
  const open = await places(bffUrl, business);
  if (open.length < citizens.length) throw new Error(`only ${open.length} open places for ${citizens.length} bookers`);
  let next = 0;
  /** The next booking: the next citizen, for themselves, at the next open place. */
  const nextRequest = (request) => {
    const auth = citizens[next % citizens.length];
    const place = open[next];
    next += 1;
    return {
      ...request,
      headers: { ...request.headers, ...auth, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        hallId: place.hallId,
        business,
        date: place.date,
        slotId: place.slotId,
        phone: '13800000000',
      }),
    };
  };
  return { nextRequest, bookers: citizens.length, places: open.length };
}
