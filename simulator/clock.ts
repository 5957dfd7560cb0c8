/**
 * The simulator's clock: real time plus an offset that `POST /__sim/clock` moves, so token and transaction
 * expiry can be tested without waiting. Outbound callback timestamps use real time (receivers check them
 * against their own clock).
 */
export class Clock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowSec(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  get offsetSec(): number {
    return this.offsetMs / 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
