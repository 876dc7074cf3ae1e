// Import warnings, grouped: a 730-episode feed where every duration is unreadable gives one line
// ("730 episodes: unreadable itunes:duration, e.g. "abc" in "Episode 1"") rather than 730.

export class Warnings {
  private readonly groups = new Map<string, { count: number; example: string }>();
  private readonly order: string[] = [];

  /** `what` is the kind of problem; `example` is one instance of it, kept for the first occurrence. */
  add(what: string, example = ''): void {
    const group = this.groups.get(what);
    if (group) {
      group.count += 1;
      return;
    }
    this.groups.set(what, { count: 1, example });
    this.order.push(what);
  }

  addAll(lines: string[]): void {
    for (const line of lines) this.add(line);
  }

  list(): string[] {
    return this.order.map((what) => {
      const { count, example } = this.groups.get(what)!;
      const prefix = count > 1 ? `${count}×: ` : '';
      return `${prefix}${what}${example ? `, e.g. ${example}` : ''}`;
    });
  }
}
