import { rememberedPerKey } from './remembered-matches';

describe('rememberedPerKey', () => {
  it('when a key is asked again, then it is not worked out again', () => {
    // Arrange
    const asked: string[] = [];
    const lengthOf = rememberedPerKey((key) => {
      asked.push(key);
      return key.length;
    });

    // Act
    const answers = [lengthOf('/api/v1/me'), lengthOf('/api/v1/me'), lengthOf('/api/v1/items')];

    // Assert
    expect(answers).toEqual([10, 10, 13]);
    expect(asked).toEqual(['/api/v1/me', '/api/v1/items']);
  });

  it('when made-up paths keep coming, then the oldest are forgotten and long ones are never kept', () => {
    // Arrange
    const asked: string[] = [];
    const echo = rememberedPerKey((key) => {
      asked.push(key);
      return key;
    });
    const long = `/${'x'.repeat(300)}`;

    // Act
    for (let i = 0; i < 5_001; i += 1) echo(`/made-up/${i}`);
    echo('/made-up/0');
    echo('/made-up/5000');
    echo(long);
    echo(long);

    // Assert: 0 was the oldest of 5,001 and went; 5000 stayed; the long path was worked out both times.
    expect(asked.filter((key) => key === '/made-up/0')).toHaveLength(2);
    expect(asked.filter((key) => key === '/made-up/5000')).toHaveLength(1);
    expect(asked.filter((key) => key === long)).toHaveLength(2);
  });
});
