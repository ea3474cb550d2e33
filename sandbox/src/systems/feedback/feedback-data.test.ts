import { COMPLAINT_CATEGORIES, RATING_LEVELS } from '@suijing/shared';
import { readFeedbackTables } from './tables';

describe('sandbox/data/feedback tables', () => {
  const tables = readFeedbackTables();

  it('when the rating table is read, then it has the five levels of the BFF and the four online sub-items', () => {
    // Arrange / Act
    const { levels, aspects, followUp } = tables.ratings;

    // Assert
    expect(Object.entries(levels).sort()).toEqual(
      RATING_LEVELS.map((level) => [String(level.level), level.text]).sort(),
    );
    expect(Object.keys(aspects)).toEqual(['bsxl', 'znjqd', 'bjd', 'ptczx']);
    expect(followUp.steps.map((step) => [step.hj, step.zt])).toEqual([
      ['核实', '2'],
      ['整改', '2'],
      ['回访', '3'],
    ]);
    expect(followUp.workingDays).toBe(15);
  });

  it('when the 12345 table is read, then its categories are exactly the BFF’s codes, each with a department', () => {
    // Arrange / Act
    const { categories } = tables.requests;

    // Assert
    expect(categories.map((category) => [category.lb, category.mc])).toEqual(
      COMPLAINT_CATEGORIES.map((category) => [category.code, category.text]),
    );
    expect(categories.every((category) => category.bm.startsWith('广州市公安局'))).toBe(true);
  });

  it('when the hot topics are read, then ids are unique, listed in the past, and resolved exactly when not 上榜', () => {
    // Arrange / Act
    const { topics } = tables.hotTopics;

    // Assert
    expect(topics.length).toBeGreaterThanOrEqual(12);
    expect(new Set(topics.map((topic) => topic.rdbh)).size).toBe(topics.length);
    for (const topic of topics) {
      expect(topic.rdbh).toMatch(/^RD\d{4}$/);
      expect(['1', '2', '3']).toContain(topic.zt);
      expect(Number.isInteger(topic.rd) && topic.rd > 0).toBe(true);
      expect(Number.isInteger(topic.daysAgo) && topic.daysAgo >= 1).toBe(true);
      expect(topic.cljg === undefined).toBe(topic.zt === '1');
    }
  });
});
