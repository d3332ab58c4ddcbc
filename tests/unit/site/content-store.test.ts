import { describe, expect, it } from 'vitest';
import { startFromBuildStore } from '../../../src/lib/site/content-store';

describe("the dev server's content store", () => {
  const build = { mtimeMs: 2_000, size: 10 };
  it("starts from the build's store when its own is missing, empty or older", () => {
    expect(startFromBuildStore(build, undefined)).toBe(true);
    expect(startFromBuildStore(build, { mtimeMs: 3_000, size: 0 })).toBe(true);
    expect(startFromBuildStore(build, { mtimeMs: 1_000, size: 10 })).toBe(true);
  });
  it('keeps its own when it is newer, or when there is no usable build store', () => {
    expect(startFromBuildStore(build, { mtimeMs: 3_000, size: 10 })).toBe(false);
    expect(startFromBuildStore(undefined, undefined)).toBe(false);
    expect(startFromBuildStore({ mtimeMs: 2_000, size: 0 }, undefined)).toBe(false);
  });
});
