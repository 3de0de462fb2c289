/**
 * The segment builder's model: its groups as a rule the engine reads (two
 * levels, every group met, "alle" or "minst ett av" inside), and a rule read
 * back into groups — a builder's own, and one made elsewhere (a report's
 * "lag kampanje": member ids) — meaning the same members.
 */
import { describe, expect, it } from 'vitest';
import { SegmentRule } from '../../../core/programme';
import { groupsOf, newCriterion, newKey, ruleOf } from './model';
import type { Group } from './model';

const strip = (groups: Group[]) =>
  groups.map((g) => ({ mode: g.mode, criteria: g.criteria.map((c) => [c.kind, c.node]) }));

describe('the segment builder model', () => {
  it('no condition is everyone; empty groups are left out', () => {
    expect(ruleOf([])).toEqual({});
    expect(ruleOf([{ key: newKey(), mode: 'any', criteria: [] }])).toEqual({});
  });

  it('groups become {all: [{all|any: [conditions]}]}, a rule the engine takes, and read back the same', () => {
    const oslo = newCriterion('postalRange');
    const lately = {
      ...newCriterion('visits'),
      node: { visits: { days: 30, min: 1, max: undefined } },
    };
    const email = newCriterion('consents');
    const groups: Group[] = [
      { key: newKey(), mode: 'all', criteria: [oslo, lately] },
      { key: newKey(), mode: 'any', criteria: [email, newCriterion('age')] },
    ];
    const rule = ruleOf(groups);
    expect(rule).toEqual({
      all: [
        {
          all: [
            { postalCodeRanges: [{ from: '0001', to: '1299' }] },
            { visits: { days: 30, min: 1 } },
          ],
        },
        { any: [{ consents: ['email'] }, { minAge: 18 }] },
      ],
    });
    const parsed = SegmentRule.parse(rule);
    expect(strip(groupsOf(parsed))).toEqual(
      strip([
        { ...groups[0]!, criteria: [oslo, { ...lately, node: { visits: { days: 30, min: 1 } } }] },
        groups[1]!,
      ]),
    );
    expect(SegmentRule.parse(ruleOf(groupsOf(parsed)))).toEqual(parsed);
  });

  it('a rule made elsewhere (member ids from a report, conditions at the top) becomes one "alle" group', () => {
    const rule = SegmentRule.parse({ memberIds: ['m-1', 'm-2'], statuses: ['lapsing'] });
    const groups = groupsOf(rule);
    expect(strip(groups)).toEqual([
      {
        mode: 'all',
        criteria: [
          ['status', { statuses: ['lapsing'] }],
          ['memberIds', { memberIds: ['m-1', 'm-2'] }],
        ],
      },
    ]);
    expect(SegmentRule.parse(ruleOf(groups))).toEqual(
      SegmentRule.parse({
        all: [{ all: [{ statuses: ['lapsing'] }, { memberIds: ['m-1', 'm-2'] }] }],
      }),
    );
  });
});
