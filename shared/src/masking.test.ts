import { maskIdNumber, maskName, maskPhone, maskPlate } from './masking';

describe('masking personal numbers', () => {
  it('when an ID number is masked, then only the first and last four stay', () => {
    expect(maskIdNumber('44010519900101123X')).toBe('4401**********123X');
  });

  it('when a phone is masked, then it reads 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('when a plate is masked, then the middle is hidden', () => {
    expect(maskPlate('粤A12345')).toBe('粤A·***45');
    expect(maskPlate('粤AD12345')).toBe('粤A·****45');
  });

  it('when the input is too short to mask partly, then nothing of it is shown', () => {
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskPhone('12')).toBe('****');
    expect(maskPlate('粤A')).toBe('****');
  });

  it('when any 18-character ID is masked, then the result never contains the full number', () => {
    const samples = ['110105194912310021', '44010519900101123X', '650102200001011234'];
    for (const id of samples) {
      const masked = maskIdNumber(id);
      expect(masked).not.toContain(id.slice(4, 14));
      expect(masked).toHaveLength(id.length);
    }
  });
});

describe('maskName', () => {
  it('when a name is masked, then only the surname (two characters for long names) shows', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('')).toBe('*');
  });
});
