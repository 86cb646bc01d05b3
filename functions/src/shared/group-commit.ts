/**
 * Group commit: requests queue in this instance; one flush at a time takes
 * everything pending (up to a cap) and hands it to one runner call — for the
 * engine, one Firestore transaction. Under load a hot SKU sees a few big
 * transactions instead of hundreds of conflicting small ones.
 */
export interface BatcherOptions<Req> {
  maxRequests: number;
  maxWeight: number;
  weight: (request: Req) => number;
}

interface Pending<Req, Res> {
  request: Req;
  resolve: (result: Res) => void;
  reject: (error: unknown) => void;
}

export class GroupCommitter<Req, Res> {
  private readonly queue: Pending<Req, Res>[] = [];
  private flushing = false;

  constructor(
    private readonly run: (requests: Req[]) => Promise<Res[]>,
    private readonly options: BatcherOptions<Req>,
  ) {}

  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Takes requests in arrival order until a cap is reached (always at least one). */
  private take(): Pending<Req, Res>[] {
    let weight = 0;
    let count = 0;
    for (const pending of this.queue) {
      const next = this.options.weight(pending.request);
      if (count > 0 && (count >= this.options.maxRequests || weight + next > this.options.maxWeight)) break;
      weight += next;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Let requests that arrived in the same tick join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.take();
        try {
          const results = await this.run(batch.map((p) => p.request));
          batch.forEach((p, i) => p.resolve(results[i] as Res));
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
