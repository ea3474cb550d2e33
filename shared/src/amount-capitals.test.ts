import { amountInCapitals } from './amount-capitals';

describe('大写金额', () => {
  it('when amounts are written in capitals, then they read as a receipt writes them', () => {
    // Arrange
    const amounts = [12000, 12050, 10010000, 5, 0];

    // Act
    const written = amounts.map(amountInCapitals);

    // Assert
    expect(written).toEqual(['壹佰贰拾元整', '壹佰贰拾元伍角', '壹拾万零壹佰元整', '伍分', '零元整']);
  });
});
