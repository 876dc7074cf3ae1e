// Descriptions mix Arabic and English paragraphs: each paragraph takes its own direction (dir="auto"),
// so an English paragraph inside an Arabic page keeps its punctuation where English readers expect it.
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div className={className}>
      {paragraphs.map((paragraph, i) => <p key={i} dir="auto">{paragraph}</p>)}
    </div>
  );
}
