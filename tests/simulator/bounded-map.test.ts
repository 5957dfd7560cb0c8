import { test, expect } from '@playwright/test';
import { BoundedMap } from '../../simulator/bounded-map';

test('keeps only the newest keys, in insertion order; updates do not refresh age; clear starts over', () => {
  const map = new BoundedMap<string, number>(3);
  for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, i);
  expect([...map.keys()]).toEqual(['b', 'c', 'd']);
  map.set('b', 10); // an update keeps its slot
  map.set('e', 4);
  expect([...map.entries()]).toEqual([
    ['c', 2],
    ['d', 3],
    ['e', 4],
  ]);
  map.clear();
  for (const key of ['x', 'y', 'z', 'w']) map.set(key, 0);
  expect([...map.keys()]).toEqual(['y', 'z', 'w']);
  expect(map.size).toBe(3);
});
