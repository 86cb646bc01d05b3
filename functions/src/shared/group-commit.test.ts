import { describe, expect, it } from "vitest";
import { GroupCommitter } from "./group-commit.js";

describe("GroupCommitter", () => {
  it("merges requests that wait during a flush into the next batch, answering each in order", async () => {
    const batches: number[][] = [];
    const committer = new GroupCommitter<number, number>(
      async (requests) => {
        batches.push(requests);
        await new Promise((r) => setTimeout(r, 20));
        return requests.map((n) => n * 10);
      },
      { maxRequests: 100, maxWeight: 1000, weight: () => 1 },
    );
    const first = committer.submit(1);
    await new Promise((r) => setTimeout(r, 5));
    const rest = [2, 3, 4].map((n) => committer.submit(n));
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("caps a batch by count and by weight", async () => {
    const batches: number[][] = [];
    const committer = new GroupCommitter<number, number>(async (requests) => (batches.push(requests), requests), {
      maxRequests: 3,
      maxWeight: 10,
      weight: (n) => n,
    });
    await Promise.all([1, 1, 1, 1, 6, 6].map((n) => committer.submit(n)));
    expect(batches).toEqual([[1, 1, 1], [1, 6], [6]]);
  });

  it("rejects every request of a failed batch and keeps serving later ones", async () => {
    let fail = true;
    const committer = new GroupCommitter<number, number>(
      async (requests) => {
        if (fail) throw new Error("lock timeout");
        return requests;
      },
      { maxRequests: 10, maxWeight: 10, weight: () => 1 },
    );
    await expect(Promise.all([committer.submit(1), committer.submit(2)])).rejects.toThrow("lock timeout");
    fail = false;
    await expect(committer.submit(3)).resolves.toBe(3);
  });
});
