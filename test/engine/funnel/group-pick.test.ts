import { describe, expect, it } from 'vitest';
import { MAX_GROUPS, pickGroups, type GroupCandidate } from '../../../src/engine/funnel/group-pick';
import { rateEstimate } from '../../../src/engine/funnel/stats';

/** label, leads, MQLs, SQOs of the MQLs. */
const g = (label: string, leads: number, mqls: number, sqos: number): GroupCandidate => ({
  label,
  leads,
  estimate: rateEstimate(sqos, mqls),
});

// Sources as in the demo question: big paid channels convert poorly, small ones well.
const groups = [
  g('paid_search', 900, 300, 45), // 15%
  g('paid_social', 800, 250, 25), // 10%
  g('webinar', 500, 150, 30), // 20%
  g('content', 400, 120, 18), // 15%
  g('events', 300, 90, 18), // 20%
  g('outbound', 250, 60, 6), // 10%
  g('demo_request', 60, 40, 15), // 37.5%
  g('referral', 45, 32, 14), // 43.75%
  g('data_vendor', 20, 2, 2), // 100% on 2
];

describe('picking the groups of a comparison chart', () => {
  it('by default shows every group whose sample reaches the threshold, largest first', () => {
    const p = pickGroups(groups, { rule: 'sampled', chosen: [] }, 30);
    // Every group but data_vendor (2 MQLs) has ≥ 30 MQLs: 8 groups, not only the 6 largest.
    expect(p.labels).toEqual([
      'paid_search',
      'paid_social',
      'webinar',
      'content',
      'events',
      'outbound',
      'demo_request',
      'referral',
    ]);
    expect(p.qualified).toBe(8);
    expect(pickGroups(groups, { rule: 'sampled', chosen: [] }, 50).labels).not.toContain('demo_request');
  });

  it('takes the six largest groups by leads', () => {
    expect(pickGroups(groups, { rule: 'volume', chosen: [] }, 30).labels).toEqual([
      'paid_search',
      'paid_social',
      'webinar',
      'content',
      'events',
      'outbound',
    ]);
  });

  it('takes the six highest rates among groups large enough to rank, never a 2-of-2 group', () => {
    // Ranked: referral 43.75%, demo_request 37.5%, webinar 20% and events 20% (webinar larger), paid_search and content 15% (paid_search larger).
    const p = pickGroups(groups, { rule: 'rate', chosen: [] }, 30);
    expect(p.labels).toEqual(['paid_search', 'webinar', 'content', 'events', 'demo_request', 'referral']);
    expect(p.labels).not.toContain('data_vendor');
  });

  it('shows the chosen groups that exist, small ones included', () => {
    expect(pickGroups(groups, { rule: 'chosen', chosen: ['referral', 'data_vendor', 'gone'] }, 30).labels).toEqual([
      'referral',
      'data_vendor',
    ]);
    expect(pickGroups(groups, { rule: 'chosen', chosen: [] }, 30).labels).toEqual([]);
  });

  it('caps a pick at twelve groups and says how many qualified', () => {
    const many = Array.from({ length: 20 }, (_, k) => g(`s${String(k).padStart(2, '0')}`, 1000 - k, 100, 10));
    const p = pickGroups(many, { rule: 'sampled', chosen: [] }, 30);
    expect(p.labels).toHaveLength(MAX_GROUPS);
    expect(p.labels[0]).toBe('s00');
    expect(p.qualified).toBe(20);
  });
});
