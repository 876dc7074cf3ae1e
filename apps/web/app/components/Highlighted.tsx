// Text with the server's highlight ranges ([start, end) in UTF-16 code units) marked. The API gives
// ranges, not markup, so the text is rendered by React (escaped) and never as HTML.
export function Highlighted({ text, ranges }: { text: string; ranges: readonly (readonly number[])[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...ranges].filter((r) => r.length === 2).sort((a, b) => a[0]! - b[0]!);
  for (const [start = 0, end = 0] of sorted) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
