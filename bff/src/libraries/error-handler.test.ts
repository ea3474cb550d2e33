import { toAppError } from './error-handler';

describe('toAppError', () => {
  it('when the MongoDB driver cannot select a server, then DATABASE_UNAVAILABLE (503)', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      name: 'MongoServerSelectionError',
    });

    const appError = toAppError(error);

    expect(appError).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
  });

  it('when a raw socket error escapes the driver (a write to a connection MongoDB closed), then DATABASE_UNAVAILABLE', () => {
    const error = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });

    const appError = toAppError(error);

    expect(appError).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
  });

  it('when a router says a method is not implemented (501), then METHOD_NOT_ALLOWED (405), not a server error', () => {
    const error = Object.assign(new Error('Not Implemented'), { status: 501, name: 'NotImplementedError' });

    const appError = toAppError(error);

    expect(appError).toMatchObject({ code: 'METHOD_NOT_ALLOWED', status: 405 });
  });

  it('when an unknown error arrives, then INTERNAL (500) with nothing of it exposed', () => {
    const appError = toAppError(new TypeError('cannot read properties of undefined'));

    expect(appError).toMatchObject({ code: 'INTERNAL', status: 500, expose: false });
  });
});
