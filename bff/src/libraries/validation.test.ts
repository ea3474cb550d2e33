import { z } from 'zod';
import { AppError } from './errors';
import { parseInput } from './validation';

const failure = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation failure');
};

describe('parseInput', () => {
  const query = z.object({ q: z.string().max(3, '太长了') }).strict();

  it('when a query field is wrong, then the message names the query field', () => {
    // Act
    const error = failure(() => parseInput(query, { q: 'abcd' }, 'query'));

    // Assert
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('太长了（query: q）');
    expect(error.fields).toEqual([{ path: 'q', message: '太长了' }]);
  });

  it('when a query has an unknown parameter, then the issue is about the query, not a body', () => {
    // Act
    const error = failure(() => parseInput(query, { q: 'a', extra: '1' }, 'query'));

    // Assert
    expect(error.message).toBe('不支持的字段：extra（query）');
    expect(error.fields).toEqual([{ path: '(query)', message: '不支持的字段：extra' }]);
  });

  it('when a body has an unknown field, then the message is the issue alone', () => {
    // Act
    const error = failure(() => parseInput(query, { q: 'a', extra: '1' }, 'body'));

    // Assert
    expect(error.message).toBe('不支持的字段：extra');
    expect(error.fields).toEqual([{ path: '(body)', message: '不支持的字段：extra' }]);
  });

  it("when a check has no message of its own, then zod's wording comes in Chinese, not English", () => {
    // Act
    const error = failure(() => parseInput(z.object({ kind: z.enum(['a', 'b']) }).strict(), { kind: 'c' }, 'body'));

    // Assert
    expect(error.fields?.[0]?.message).toMatch(/^无效选项/);
    expect(error.message).not.toMatch(/[A-Za-z]{4,}: /);
  });
});
