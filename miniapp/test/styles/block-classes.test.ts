/**
 * @jest-environment node
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compile } from 'sass';

const SRC = path.resolve(__dirname, '../../src');
const ROOT = path.resolve(__dirname, '../../..');

function stylesheets(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.scss'))
    .map((name) => path.join(SRC, name));
}

/**
 * The shared mixins (sj-hero-head and friends) style `&__name`, `&__note`…
 * of the block they are included in. Included inside an element instead,
 * they style `block__element__name`, which no component uses: the text then
 * falls back to inline and runs into the next sentence (the 解除抵押 and
 * 自愿降级 heads did). An element of an element is never meant.
 */
describe('stylesheets', () => {
  it('when every stylesheet is compiled, then no selector names an element of an element', () => {
    // Arrange
    const files = stylesheets();

    // Act
    const nested = files.flatMap((file) => {
      const { css } = compile(file, { loadPaths: [SRC, path.join(ROOT, 'node_modules')] });
      const selectors = css.match(/\.[A-Za-z][\w-]*__[\w-]+__[\w-]+/g) ?? [];
      return [...new Set(selectors)].map((selector) => `${path.relative(SRC, file)}: ${selector}`);
    });

    // Assert
    expect(files.length).toBeGreaterThan(20);
    expect(nested).toEqual([]);
  });
});
